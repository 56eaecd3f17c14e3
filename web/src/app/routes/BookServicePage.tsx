import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentTitle } from '../../components/DocumentTitle';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { formatMoney } from '../../lib/format';
import { useStudio } from '../../lib/studio';
import { formatDuration } from '../../lib/time';
import { BookingRequest } from '../../features/bookings/BookingRequest';
import { IncludedList } from '../../features/services/ServiceParts';
import { useService } from '../../features/services/api';

/** Client: a service, its free days and times, and the booking summary. */
export function BookServicePage() {
  const { t, i18n } = useTranslation();
  const { serviceId = '' } = useParams();
  const service = useService(serviceId);
  const studio = useStudio();

  // The studio's zone must be known before any time is shown.
  if (service.isPending || studio.isPending) return <PageSkeleton />;
  if (service.isError) return <LoadError error={service.error} onRetry={() => void service.refetch()} />;
  const s = service.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/client/book" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('book.allServices')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <DocumentTitle screen={s.name} />
        <Title order={1} size="h2">
          {s.name}
        </Title>
        <Group gap="md" c="dimmed">
          <Group gap={4}>
            <IconClock size={16} /> {formatDuration(s.durationMinutes)}
          </Group>
          <Text fw={600} c="var(--mantine-color-text)">
            {formatMoney(s.priceCents, s.currency, i18n.language)}
          </Text>
        </Group>
        {s.description && <Text>{s.description}</Text>}
        <IncludedList service={s} />
      </Stack>
      <BookingRequest service={s} />
    </Stack>
  );
}
