import { Anchor, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { displayName } from '../../lib/format';
import { useUserList } from './api';
import { UserStatusBadge } from './UserStatusBadge';

/** Staff: the five newest clients, or an invitation to add the first one. */
export function RecentClientsCard({ onInvite }: { onInvite: () => void }) {
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
