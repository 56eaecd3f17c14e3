import { Button } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/errors';
import { toastError } from '../../lib/toast';
import { saveBookingIcs } from './api';

/** "Add to my calendar": the session's .ics, which the device's calendar imports. */
export function AddToCalendarButton({ bookingId, serviceName }: { bookingId: string; serviceName: string }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await saveBookingIcs(bookingId, `${t('calendar.fileName')}.ics`);
    } catch (e) {
      toastError(problemMessage(t, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Button
      variant="light"
      leftSection={<IconCalendarPlus size={16} aria-hidden />}
      loading={saving}
      onClick={() => void save()}
      aria-label={t('calendar.addNamed', { service: serviceName })}
      w="fit-content"
    >
      {t('calendar.add')}
    </Button>
  );
}
