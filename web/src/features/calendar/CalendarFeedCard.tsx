import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { problemMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { toastError, toastSuccess } from '../../lib/toast';
import { useCalendarFeed, useRenewFeed, useRevokeFeed } from './api';

/** webcal:// asks the device's calendar application to subscribe (Apple, Outlook). */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/**
 * Staff: a private address their calendar application subscribes to, to see their sessions
 * beside everything else. Shown once when made; a new one revokes the previous.
 */
export function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const feed = useCalendarFeed();
  const renew = useRenewFeed();
  const revoke = useRevokeFeed();
  const [shown, setShown] = useState<string | null>(null);

  const make = () =>
    renew.mutate(undefined, {
      onSuccess: (made) => setShown(made.url),
      onError: (e) => toastError(problemMessage(t, e)),
    });
  const stop = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setShown(null);
        toastSuccess(t('calendar.feed.revoked'));
      },
      onError: (e) => toastError(problemMessage(t, e)),
    });

  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('calendar.feed.title')}
        </Title>
        <Text size="sm">{t('calendar.feed.intro')}</Text>
        {feed.isError && <LoadError error={feed.error} onRetry={() => void feed.refetch()} />}
        {shown && (
          <Stack gap="xs">
            <TextInput label={t('calendar.feed.address')} description={t('calendar.feed.once')} value={shown} readOnly onFocus={(e) => e.currentTarget.select()} />
            <Group gap="xs">
              <CopyButton value={shown}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                    {copied ? t('calendar.feed.copied') : t('calendar.feed.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button component="a" href={webcalUrl(shown)} variant="subtle">
                {t('calendar.feed.subscribe')}
              </Button>
            </Group>
          </Stack>
        )}
        {feed.data?.active && !shown && feed.data.createdAt && (
          <Text size="sm">{t('calendar.feed.activeSince', { date: formatDateTime(feed.data.createdAt, i18n.language, timeZone) })}</Text>
        )}
        {feed.isSuccess && (
          <Group gap="xs">
            <Button onClick={make} loading={renew.isPending}>
              {feed.data.active ? t('calendar.feed.renew') : t('calendar.feed.create')}
            </Button>
            {feed.data.active && (
              <Button variant="default" color="red" onClick={stop} loading={revoke.isPending}>
                {t('calendar.feed.revoke')}
              </Button>
            )}
          </Group>
        )}
        {feed.data?.active && (
          <Text size="xs" c="dimmed">
            {t('calendar.feed.renewHint')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
