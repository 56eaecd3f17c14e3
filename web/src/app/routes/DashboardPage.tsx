import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { AgendaCards } from '../../features/bookings/AgendaCards';
import { InviteModal } from '../../features/users/InviteModal';
import { RecentClientsCard } from '../../features/users/RecentClientsCard';

/** Staff's home: what to answer, the week ahead, the newest clients. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [inviting, invite] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: user?.firstName })}
        subtitle={t('dashboard.subtitle')}
        action={
          <Button leftSection={<IconUserPlus size={18} />} onClick={invite.open}>
            {t('dashboard.inviteFirst')}
          </Button>
        }
      />
      <AgendaCards />
      <RecentClientsCard onInvite={invite.open} />
      <InviteModal opened={inviting} onClose={invite.close} />
    </>
  );
}
