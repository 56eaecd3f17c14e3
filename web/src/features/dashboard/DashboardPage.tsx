import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { useAuth } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useBookings } from '../bookings/api';
import { useStudioTimeZone } from '../studio/api';
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

/** Pending requests to answer, and the sessions of the next seven days. */
function AgendaCards() {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const pending = useBookings({ status: 'PENDING' });
  const [now] = useState(() => new Date());
  const week = useBookings({ from: now.toISOString(), to: new Date(now.getTime() + 7 * 86400_000).toISOString() });
  const sessions = (week.data ?? []).filter((b) => b.status === 'CONFIRMED' || b.status === 'PENDING').sort((a, b) => a.start.localeCompare(b.start));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
      <Card>
        <Stack gap="xs">
          <Text fw={600} component="h2" m={0}>
            {t('dashboard.pending')}
          </Text>
          {pending.isPending ? (
            <Skeleton height={40} />
          ) : pending.isError ? (
            <LoadError error={pending.error} onRetry={() => void pending.refetch()} />
          ) : (
            <Text fz={36} fw={600} data-testid="pending-count">
              {pending.data?.length ?? 0}
            </Text>
          )}
          <Anchor component={Link} to="/pro/requests" size="sm">
            {t('dashboard.answer')}
          </Anchor>
        </Stack>
      </Card>
      <Card>
        <Stack gap="xs">
          <Text fw={600} component="h2" m={0}>
            {t('dashboard.week')}
          </Text>
          {week.isPending && <Skeleton height={40} />}
          {week.isError && <LoadError error={week.error} onRetry={() => void week.refetch()} />}
          {week.isSuccess && sessions.length === 0 && <Text c="dimmed">{t('dashboard.noSessions')}</Text>}
          {sessions.slice(0, 5).map((b) => (
            <Group key={b.id} justify="space-between" wrap="nowrap">
              <Text size="sm" truncate>
                {formatDateTime(b.start, i18n.language, timeZone)} · {b.service.name} · {displayName(b.client)}
              </Text>
              <StatusBadge status={b.status} />
            </Group>
          ))}
          <Anchor component={Link} to="/pro/calendar" size="sm">
            {t('dashboard.openCalendar')}
          </Anchor>
        </Stack>
      </Card>
    </SimpleGrid>
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
      <AgendaCards />
      <ClientsCard onInvite={invite.open} />
      <InviteModal opened={inviting} onClose={invite.close} />
    </>
  );
}
