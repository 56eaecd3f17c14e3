import { Anchor, Button, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useStudioTimeZone } from '../../lib/studio';
import { useBookings } from './api';
import { BookingActions } from './BookingActions';
import { AddToCalendarButton } from './AddToCalendarButton';
import { BookingCard } from './BookingCard';

/** Client: their bookings, upcoming first, with cancel and reschedule. */
export function MyBookingsPage() {
  const { t } = useTranslation();
  const bookings = useBookings();
  const timeZone = useStudioTimeZone();
  const now = Date.now();
  const all = [...(bookings.data ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const upcoming = all.filter((b) => Date.parse(b.end) >= now);
  const past = all.filter((b) => Date.parse(b.end) < now).reverse();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('bookings.mine')}
        action={
          <Button component={Link} to="/client/book">
            {t('book.action')}
          </Button>
        }
      />
      {bookings.isPending && <Skeleton height={120} radius="lg" />}
      {bookings.isError && <LoadError error={bookings.error} onRetry={() => void bookings.refetch()} />}
      {bookings.isSuccess && all.length === 0 && (
        <EmptyState
          text={t('bookings.none')}
          action={
            <Button component={Link} to="/client/book">
              {t('book.action')}
            </Button>
          }
        />
      )}
      {upcoming.map((b) => (
        <BookingCard key={b.id} booking={b} timeZone={timeZone} showClient={false}>
          {b.status === 'EXPIRED' ? (
            // No dead end: the studio never answered, the time is free again.
            <>
              <Text size="sm">{t('bookings.expiredText')}</Text>
              <Anchor component={Link} to={`/client/book/${encodeURIComponent(b.service.id)}`} size="sm" fw={600} w="fit-content">
                {t('bookings.requestAgain')}
              </Anchor>
            </>
          ) : (
            <>
              {(b.status === 'PENDING' || b.status === 'CONFIRMED') && <AddToCalendarButton bookingId={b.id} serviceName={b.service.name} />}
              <BookingActions booking={b} timeZone={timeZone} />
            </>
          )}
        </BookingCard>
      ))}
      {past.length > 0 && (
        <Text fw={600} component="h2" m={0}>
          {t('bookings.past')}
        </Text>
      )}
      {past.map((b) => (
        <BookingCard key={b.id} booking={b} timeZone={timeZone} showClient={false} />
      ))}
    </Stack>
  );
}
