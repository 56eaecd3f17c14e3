import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { AgendaCards } from '../../features/bookings/AgendaCards';
import { InviteModal } from '../../features/users/InviteModal';
import { RecentClientsCard } from '../../features/users/RecentClientsCard';
import { GettingStartedCard, useGettingStarted } from './GettingStarted';

/**
 * Staff's home: what to answer, the week ahead, the newest clients. A new studio sees its
 * first steps first; while it has no client yet, in place of the (necessarily empty) cards.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [inviting, invite] = useDisclosure(false);
  const start = useGettingStarted();
  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: user?.firstName })}
        screen={t('nav.dashboard')}
        subtitle={t('dashboard.subtitle')}
        action={
          <Button leftSection={<IconUserPlus size={18} />} onClick={invite.open}>
            {t('dashboard.inviteFirst')}
          </Button>
        }
      />
      {start.visible && start.steps && <GettingStartedCard steps={start.steps} onDismiss={start.dismiss} />}
      {!(start.visible && start.noClients) && (
        <>
          <AgendaCards />
          <RecentClientsCard onInvite={invite.open} />
        </>
      )}
      <InviteModal opened={inviting} onClose={invite.close} />
    </>
  );
}
