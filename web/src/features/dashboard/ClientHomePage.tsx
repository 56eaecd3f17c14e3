import { Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { useAuth } from '../../lib/auth';
import { formatDateTime, timeZoneLabel } from '../../lib/format';
import { useBookings } from '../bookings/api';
import { useStudio, useStudioTimeZone } from '../studio/api';

/** The next session, or the way to book one. */
function NextSession() {
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
        <Button component={Link} to="/client/bookings" variant="light" mt="xs">
          {t('nav.myBookings')}
        </Button>
      </Stack>
    </Card>
  );
}

export function ClientHomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const studio = useStudio();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('clientHome.greeting', { name: user.firstName })}
        subtitle={t('clientHome.subtitle', { studio: studio.data?.name ?? 'Déclic' })}
      />
      <Stack gap="xs">
        <Text fw={600} component="h2" m={0}>
          {t('clientHome.nextTitle')}
        </Text>
        <NextSession />
      </Stack>
      <Card>
        <Stack gap="xs" align="flex-start">
          <Text fw={600} component="h2" m={0}>
            {t('clientHome.profileCard')}
          </Text>
          <Text>
            {user.firstName} {user.lastName}
          </Text>
          <Text c="dimmed">{user.email}</Text>
          {user.phone && <Text c="dimmed">{user.phone}</Text>}
          <Button component={Link} to="/client/profile" variant="light" mt="xs">
            {t('clientHome.profileAction')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
