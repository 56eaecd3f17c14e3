import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import type { User } from '../../lib/auth';
import { problemMessage } from '../../lib/errors';
import { toastSuccess } from '../../lib/toast';
import type { Slot } from '../availability/api';
import { useServices } from '../services/api';
import { useStudioTimeZone } from '../studio/api';
import { displayName } from '../users/api';
import { newIdempotencyKey, useCreateBooking } from './api';
import { SlotPicker } from './SlotPicker';

/** Staff book on a client's behalf (a phone call, an e-mail): same slots, same checks. */
export function BookForClientModal({ client, opened, onClose }: { client: User; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const create = useCreateBooking();
  const timeZone = useStudioTimeZone();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setServiceId(null);
    setSlot(null);
    setError(null);
    onClose();
  };
  const pick = (next: Slot) => {
    setSlot(next);
    setKey(newIdempotencyKey());
  };
  const book = () => {
    if (!serviceId || !slot) return;
    setError(null);
    create.mutate(
      { booking: { serviceId, start: slot.start, clientId: client.id }, key },
      {
        onSuccess: () => {
          toastSuccess(t('book.bookedFor', { name: displayName(client) }));
          close();
        },
        onError: (e) => setError(problemMessage(t, e)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('book.forClient', { name: displayName(client) })} size="xl">
      <Stack>
        <Select
          label={t('projects.service')}
          data={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={serviceId}
          onChange={(v) => {
            setServiceId(v);
            setSlot(null);
          }}
          allowDeselect={false}
        />
        {serviceId && <SlotPicker serviceId={serviceId} timeZone={timeZone} selected={slot} onSelect={pick} />}
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!slot} loading={create.isPending} onClick={book}>
            {t('book.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
