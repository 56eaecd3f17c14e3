import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { actionProblemMessage } from '../../lib/errors';
import { formatDateTime, formatMoney, timeZoneLabel } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { useStudioTimeZone } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import type { Service } from '../../types/api';
import { newIdempotencyKey, useCreateBooking, type Slot } from './api';
import { SlotPicker } from './SlotPicker';

// Answers that mean the chosen time itself is gone: the summary closes and the times reload.
export const SLOT_GONE = ['slot_taken', 'slot_unavailable', 'slot_too_soon'];

export interface Failure {
  message: string;
  /** The client has too many requests waiting: the way to see (and cancel) them. */
  showRequests: boolean;
}

export function FailureAlert({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap={4}>
        <Text size="sm">{failure.message}</Text>
        {failure.showRequests && (
          <Anchor component={Link} to="/client/bookings" size="sm" fw={600} c="inherit" underline="always">
            {t('book.seeRequests')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

interface Props {
  service: Service;
  /**
   * A visitor without an account: the summary's button continues (to sign up) with the
   * choice rather than booking; `key` is the booking's Idempotency-Key for later.
   */
  onContinue?: (choice: { slot: Slot; notes: string; key: string }) => void;
  /** The choice to show again (a visitor back from the sign-up page, a booking that failed). */
  initialSlot?: Slot | null;
  initialNotes?: string;
  initialError?: Failure | null;
}

/** A client (or a visitor, see onContinue): a service's free days and times, then the summary and the request. */
export function BookingRequest({ service: s, onContinue, initialSlot = null, initialNotes = '', initialError = null }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateBooking();
  const timeZone = useStudioTimeZone();
  const [slot, setSlot] = useState<Slot | null>(initialSlot);
  const [key, setKey] = useState(newIdempotencyKey);
  const [notes, setNotes] = useState(initialNotes);
  const [error, setError] = useState<Failure | null>(initialError);

  // A time tapped far above the summary (a phone, the month then the times): the confirm
  // button is brought to the middle of the screen, clear of the header and the bottom bar.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [picked, setPicked] = useState(0);
  useEffect(() => {
    const button = confirmRef.current;
    if (picked === 0 || !button) return;
    const box = button.getBoundingClientRect();
    if (box.top >= 80 && box.bottom <= window.innerHeight - 80) return;
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    button.scrollIntoView?.({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  }, [picked]);

  const pick = (next: Slot) => {
    setSlot(next);
    setPicked((n) => n + 1);
    setKey(newIdempotencyKey()); // a new choice is a new intent
    setError(null);
  };

  const book = async () => {
    if (!slot) return;
    if (onContinue) return onContinue({ slot, notes: notes.trim(), key });
    setError(null);
    try {
      await create.mutateAsync({ booking: { serviceId: s.id, start: slot.start, notes: notes.trim() || undefined }, key });
      toastSuccess(t('book.requested'));
      navigate('/client/bookings', { replace: true });
    } catch (e) {
      // Taken meanwhile, too soon or no longer open: the message says which, beside the times
      // to choose again. Anything else (too many requests waiting, beyond the studio's
      // horizon, busy, offline) keeps the choice and says it next to the button.
      const code = e instanceof ApiError ? e.code : '';
      setError({ message: actionProblemMessage(t, e), showRequests: code === 'too_many_open_requests' });
      if (SLOT_GONE.includes(code)) setSlot(null);
    }
  };

  return (
    <>
      <Card>
        <SlotPicker serviceId={s.id} timeZone={timeZone} selected={slot} onSelect={pick} />
      </Card>
      {error && !slot && <FailureAlert failure={error} />}
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
              {t('common.labelled', { label: t('book.price'), value: formatMoney(s.priceCents, s.currency, i18n.language) })}
              {s.depositCents > 0 && ` · ${t('common.labelled', { label: t('book.deposit'), value: formatMoney(s.depositCents, s.currency, i18n.language) })}`}
            </Text>
            <Textarea
              label={`${t('book.notes')} (${t('common.optional')})`}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            {error && <FailureAlert failure={error} />}
            {onContinue && (
              <Text size="sm" c="dimmed">
                {t('publicBook.nextStep')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button ref={confirmRef} size="md" onClick={() => void book()} loading={create.isPending}>
                {onContinue ? t('publicBook.continue') : t('book.confirm')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </>
  );
}
