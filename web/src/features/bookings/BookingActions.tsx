import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionProblemMessage } from '../../lib/errors';
import { toastError, toastSuccess } from '../../lib/toast';
import type { Booking, BookingAction } from '../../types/api';
import { useBookingAction, type Slot } from './api';
import { SlotPicker } from './SlotPicker';

interface Props {
  booking: Booking;
  timeZone: string;
  onDone?: (action: BookingAction) => void;
}

const COLOR: Record<BookingAction, string> = { confirm: 'green', decline: 'gray', cancel: 'red', reschedule: 'brand' };

/** A button per action the server allows on this booking; declining and cancelling ask for a reason. */
export function BookingActions({ booking, timeZone, onDone }: Props) {
  const { t } = useTranslation();
  const run = useBookingAction();
  const [asking, setAsking] = useState<BookingAction | null>(null);
  const [reason, setReason] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);

  const submit = (action: BookingAction, body?: { reason?: string; start?: string }) =>
    run.mutate(
      { id: booking.id, action, body },
      {
        onSuccess: () => {
          toastSuccess(t(`bookings.done.${action}`));
          setAsking(null);
          setReason('');
          setSlot(null);
          onDone?.(action);
        },
        onError: (e) => toastError(actionProblemMessage(t, e)),
      },
    );

  const click = (action: BookingAction) => (action === 'confirm' ? submit('confirm') : setAsking(action));
  if (booking.actions.length === 0) return null;

  return (
    <>
      <Group gap="xs">
        {booking.actions.map((a) => (
          <Button
            key={a}
            color={COLOR[a]}
            variant={a === 'confirm' ? 'filled' : 'light'}
            loading={run.isPending && run.variables?.action === a}
            onClick={() => click(a)}
          >
            {t(`bookings.action.${a}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={asking === 'cancel' || asking === 'decline'}
        onClose={() => setAsking(null)}
        title={asking ? t(`bookings.action.${asking}`) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t(asking === 'decline' ? 'bookings.declineText' : 'bookings.cancelText')}</Text>
          <Textarea
            label={`${t('bookings.reason')} (${t('common.optional')})`}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={1000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.back')}
            </Button>
            <Button
              color="red"
              loading={run.isPending}
              onClick={() => asking && submit(asking, { reason: reason.trim() || undefined })}
            >
              {asking ? t(`bookings.action.${asking}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={asking === 'reschedule'} onClose={() => setAsking(null)} title={t('bookings.action.reschedule')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <SlotPicker serviceId={booking.service.id} timeZone={timeZone} selected={slot} onSelect={setSlot} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.back')}
            </Button>
            <Button disabled={!slot} loading={run.isPending} onClick={() => slot && submit('reschedule', { start: slot.start })}>
              {t('bookings.moveHere')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
