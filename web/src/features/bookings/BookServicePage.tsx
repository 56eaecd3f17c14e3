import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { problemMessage } from '../../lib/errors';
import { formatDateTime, formatMoney, timeZoneLabel } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { formatDuration } from '../../lib/time';
import { toastSuccess } from '../../lib/toast';
import type { Slot } from '../availability/api';
import { useService } from '../services/api';
import { useStudio, useStudioTimeZone } from '../studio/api';
import { newIdempotencyKey, useCreateBooking } from './api';
import { SlotPicker } from './SlotPicker';

/** Client: a service, its free days and times, and the booking summary. */
export function BookServicePage() {
  const { t, i18n } = useTranslation();
  const { serviceId = '' } = useParams();
  const navigate = useNavigate();
  const service = useService(serviceId);
  const studio = useStudio();
  const create = useCreateBooking();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const timeZone = useStudioTimeZone();

  // The studio's zone must be known before any time is shown.
  if (service.isPending || studio.isPending) return <PageSkeleton />;
  if (service.isError) return <LoadError error={service.error} onRetry={() => void service.refetch()} />;
  const s = service.data;

  const pick = (next: Slot) => {
    setSlot(next);
    setKey(newIdempotencyKey()); // a new choice is a new intent
    setError(null);
  };

  const book = async () => {
    if (!slot) return;
    setError(null);
    try {
      await create.mutateAsync({ booking: { serviceId: s.id, start: slot.start, notes: notes.trim() || undefined }, key });
      toastSuccess(t('book.requested'));
      navigate('/client/bookings', { replace: true });
    } catch (e) {
      // 409: taken meanwhile, too soon or no longer open — the message says which.
      setError(problemMessage(t, e));
      if (e instanceof ApiError && e.status === 409) setSlot(null);
    }
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/client/book" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('book.allServices')}
        </Group>
      </Anchor>
      <Stack gap={4}>
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
      </Stack>
      <Card>
        <SlotPicker serviceId={s.id} timeZone={timeZone} selected={slot} onSelect={pick} />
      </Card>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {slot && (
        <Card>
          <Stack gap="sm">
            <Text fw={600} component="h2" m={0}>
              {t('book.summary')}
            </Text>
            <Text data-testid="booking-summary">
              {s.name} — {formatDateTime(slot.start, i18n.language, timeZone)} ({timeZoneLabel(timeZone, i18n.language)})
            </Text>
            <Text>
              {t('book.price')} : {formatMoney(s.priceCents, s.currency, i18n.language)}
              {s.depositCents > 0 && ` · ${t('book.deposit')} : ${formatMoney(s.depositCents, s.currency, i18n.language)}`}
            </Text>
            <Textarea
              label={`${t('book.notes')} (${t('common.optional')})`}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button size="md" onClick={() => void book()} loading={create.isPending}>
                {t('book.confirm')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
