import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useStudioTimeZone } from '../../lib/studio';
import { useBookings } from './api';
import { BookingActions } from './BookingActions';
import { BookingCard } from './BookingCard';

/** Staff: booking requests waiting for an answer, soonest first. */
export function RequestsPage() {
  const { t } = useTranslation();
  const pending = useBookings({ status: 'PENDING' });
  const timeZone = useStudioTimeZone();
  const items = [...(pending.data ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <Stack gap="md">
      <PageHeader title={t('requests.title')} subtitle={t('requests.subtitle')} />
      {pending.isPending && <Skeleton height={120} radius="lg" />}
      {pending.isError && <LoadError error={pending.error} onRetry={() => void pending.refetch()} />}
      {pending.isSuccess && items.length === 0 && <EmptyState text={t('requests.none')} />}
      {items.map((b) => (
        <BookingCard key={b.id} booking={b} timeZone={timeZone} showClient>
          <BookingActions booking={b} timeZone={timeZone} />
        </BookingCard>
      ))}
    </Stack>
  );
}
