import { Alert, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemMessage } from '../../lib/errors';
import { formatDateTime, formatMoney, timeZoneLabel } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { useStudioTimeZone } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import type { Service } from '../../types/api';
import { newIdempotencyKey, useCreateBooking, type Slot } from './api';
import { SlotPicker } from './SlotPicker';

/** Client: a service's free days and times, then the summary and the request. */
export function BookingRequest({ service: s }: { service: Service }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateBooking();
  const timeZone = useStudioTimeZone();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);

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
    <>
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
    </>
  );
}
