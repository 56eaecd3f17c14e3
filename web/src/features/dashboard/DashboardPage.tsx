import { Anchor, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { displayName, useUserList } from '../users/api';
import { InviteModal } from '../users/InviteModal';
import { UserStatusBadge } from '../users/UserStatusBadge';

function ClientsCard({ onInvite }: { onInvite: () => void }) {
  const { t } = useTranslation();
  const list = useUserList('CLIENT', '');
  if (list.isPending) return <Skeleton height={220} radius="lg" />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const clients = list.data.pages[0]?.items.slice(0, 5) ?? [];
  if (clients.length === 0) {
    return <EmptyState text={t('dashboard.noClients')} action={<Button onClick={onInvite}>{t('dashboard.inviteFirst')}</Button>} />;
  }
  return (
    <Card>
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0}>
          {t('dashboard.recentClients')}
        </Text>
        {clients.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/pro/clients/${c.id}`} fw={500} truncate>
                {displayName(c)}
              </Anchor>
              <Text size="sm" c="dimmed" truncate>
                {c.email}
              </Text>
            </Stack>
            <UserStatusBadge user={c} />
          </Group>
        ))}
        <Anchor component={Link} to="/pro/clients" size="sm">
          {t('dashboard.seeAll')}
        </Anchor>
      </Stack>
    </Card>
  );
}

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
      <ClientsCard onInvite={invite.open} />
      <InviteModal opened={inviting} onClose={invite.close} />
    </>
  );
}
