import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { actionProblemMessage } from '../../lib/errors';
import { displayName } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import type { Service, User } from '../../types/api';
import { newIdempotencyKey, useCreateBooking, type Slot } from './api';
import { SlotPicker } from './SlotPicker';

interface Props {
  client: User;
  /** The services to choose from (the page that opens the modal loads them). */
  services: Pick<Service, 'id' | 'name'>[];
  opened: boolean;
  onClose: () => void;
}

/** Staff book on a client's behalf (a phone call, an e-mail): same slots, same checks. */
export function BookForClientModal({ client, services, opened, onClose }: Props) {
  const { t } = useTranslation();
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
        onError: (e) => setError(actionProblemMessage(t, e)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('book.forClient', { name: displayName(client) })} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Select
          label={t('projects.service')}
          data={services.map((s) => ({ value: s.id, label: s.name }))}
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
