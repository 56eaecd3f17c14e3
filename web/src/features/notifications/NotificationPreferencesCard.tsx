import { Card, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { problemMessage } from '../../lib/errors';
import { toastError, toastSuccess } from '../../lib/toast';
import { MAIL_MODES, NOTIFICATION_KINDS, useNotificationPreferences, useUpdateNotificationPreferences, type MailMode, type NotificationKind } from './api';

/** One kind (messages, bookings, projects): its three choices and what the chosen one means. */
function KindChoice({ kind, value, onChange }: { kind: NotificationKind; value: MailMode; onChange: (mode: MailMode) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Stack gap={4}>
      <Text id={`${id}-label`} fw={500}>
        {t(`notificationPrefs.kind.${kind}`)}
      </Text>
      <SegmentedControl
        fullWidth
        value={value}
        onChange={(v) => onChange(v as MailMode)}
        data={MAIL_MODES.map((mode) => ({ value: mode, label: t(`notificationPrefs.mode.${mode}`) }))}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-help`}
      />
      <Text id={`${id}-help`} size="sm" c="dimmed" data-testid={`preference-help-${kind}`}>
        {t(`notificationPrefs.help.${kind}.${value}`)}
      </Text>
    </Stack>
  );
}

/** Profile: which e-mails each kind of news sends (the bell shows everything anyway). */
export function NotificationPreferencesCard() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  const change = (kind: NotificationKind, mode: MailMode) =>
    update.mutate(
      { [kind]: mode },
      {
        onSuccess: () => toastSuccess(t('notificationPrefs.saved')),
        onError: (e) => toastError(problemMessage(t, e)),
      },
    );

  return (
    <Card>
      <Stack gap="md">
        <Stack gap={2}>
          <Text fw={600} component="h2" m={0}>
            {t('notificationPrefs.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('notificationPrefs.subtitle')}
          </Text>
        </Stack>
        {prefs.isPending && <Skeleton height={180} />}
        {prefs.isError && <LoadError error={prefs.error} onRetry={() => void prefs.refetch()} />}
        {prefs.isSuccess && NOTIFICATION_KINDS.map((kind) => <KindChoice key={kind} kind={kind} value={prefs.data[kind] ?? 'instant'} onChange={(mode) => change(kind, mode)} />)}
      </Stack>
    </Card>
  );
}
