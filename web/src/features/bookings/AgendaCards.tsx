import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { StatusBadge } from '../../components/StatusBadge';
import { displayName, formatDateTime } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { toRfc3339 } from '../../lib/time';
import { useBookings } from './api';

/** Staff: pending requests to answer, and the sessions of the next seven days. */
export function AgendaCards() {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const pending = useBookings({ status: 'PENDING' });
  const [now] = useState(() => new Date());
  const week = useBookings({ from: toRfc3339(now), to: toRfc3339(new Date(now.getTime() + 7 * 86400_000)) });
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
