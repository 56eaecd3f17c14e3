import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, timeZoneLabel } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { AddToCalendarButton } from './AddToCalendarButton';
import { useBookings } from './api';

/** Client: the next session, or the way to book one. */
export function NextSession() {
  const { t, i18n } = useTranslation();
  const bookings = useBookings();
  const timeZone = useStudioTimeZone();
  const next = (bookings.data ?? [])
    .filter((b) => (b.status === 'PENDING' || b.status === 'CONFIRMED') && Date.parse(b.end) > Date.now())
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  if (bookings.isPending) return null;
  if (!next) {
    return (
      <EmptyState
        text={t('clientHome.nextEmpty')}
        action={
          <Button component={Link} to="/client/book">
            {t('book.action')}
          </Button>
        }
      />
    );
  }
  return (
    <Card>
      <Stack gap={6} align="flex-start">
        <StatusBadge status={next.status} />
        <Text fw={600}>{next.service.name}</Text>
        <Text>
          {formatDateTime(next.start, i18n.language, timeZone)} ({timeZoneLabel(timeZone, i18n.language)})
        </Text>
        <Group gap="xs" mt="xs">
          <AddToCalendarButton bookingId={next.id} serviceName={next.service.name} />
          {next.projectId ? (
            <Button component={Link} to={`/client/projects/${encodeURIComponent(next.projectId)}`} variant="subtle">
              {t('clientHome.seeProject')}
            </Button>
          ) : (
            <Button component={Link} to="/client/bookings" variant="subtle">
              {t('nav.myBookings')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
