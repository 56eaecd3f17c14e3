import { ActionIcon, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeField, TimeField } from '../../components/DateFields';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { fieldMessage, problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { formatDateTime, timeZoneLabel } from '../../lib/format';
import { useStudio, useStudioTimeZone } from '../../lib/studio';
import { localInputToIso } from '../../lib/time';
import { toastError, toastSuccess } from '../../lib/toast';
import { useAddBlock, useBlocks, useDeleteBlock, useSaveWeekly, useWeekly, type WeeklyRange } from './api';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function WeeklyEditor({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const weekly = useWeekly();
  const save = useSaveWeekly();
  // Hours already in the cache show at once (no "closed" flash), then follow each new answer.
  const [ranges, setRanges] = useState<WeeklyRange[]>(() => weekly.data ?? []);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (weekly.data) setRanges(weekly.data);
  }, [weekly.data]);

  if (weekly.isPending) return <Skeleton height={320} radius="lg" />;
  if (weekly.isError) return <LoadError error={weekly.error} onRetry={() => void weekly.refetch()} />;

  const update = (index: number, patch: Partial<WeeklyRange>) =>
    setRanges((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const submit = () => {
    setError(null);
    const bad = ranges.find((r) => !r.start || !r.end || r.start >= r.end);
    if (bad) {
      setError(t('availability.badRange'));
      return;
    }
    save.mutate(ranges, {
      onSuccess: () => toastSuccess(t('availability.saved')),
      // The API names ranges by position ("[2]"): say what is wrong in a sentence instead.
      onError: (e) => setError(e instanceof ApiError && e.errors[0] ? fieldMessage(t, e.errors[0]) : problemMessage(t, e)),
    });
  };

  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={600} component="h2" m={0}>
            {t('availability.weekly')}
          </Text>
          <Text size="sm" c="dimmed">
            {timeZoneLabel(timeZone, i18n.language)}
          </Text>
        </Group>
        {WEEKDAYS.map((weekday) => {
          const dayRanges = ranges.map((r, i) => ({ r, i })).filter(({ r }) => r.weekday === weekday);
          return (
            // On a phone the day's name takes its own line: its times and "+" keep the width.
            <Group key={weekday} align="flex-start" wrap="wrap" gap="md" data-testid={`weekday-${weekday}`}>
              <Text w={{ base: '100%', xs: 90 }} pt={6} fw={500}>
                {t(`weekdays.${weekday}`)}
              </Text>
              <Stack gap="xs" style={{ flex: 1 }}>
                {dayRanges.length === 0 && (
                  <Text c="dimmed" pt={6}>
                    {t('availability.closed')}
                  </Text>
                )}
                {dayRanges.map(({ r, i }) => (
                  <Group key={i} gap="xs" wrap="nowrap">
                    <TimeField
                      aria-label={`${t(`weekdays.${weekday}`)} — ${t('availability.from')}`}
                      value={r.start}
                      onChange={(start) => update(i, { start })}
                    />
                    <Text>–</Text>
                    <TimeField
                      aria-label={`${t(`weekdays.${weekday}`)} — ${t('availability.to')}`}
                      value={r.end}
                      onChange={(end) => update(i, { end })}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('availability.removeRange')}
                      onClick={() => setRanges((rs) => rs.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
              <ActionIcon
                variant="light"
                mt={4}
                aria-label={`${t('availability.addRange')} — ${t(`weekdays.${weekday}`)}`}
                onClick={() => setRanges((rs) => [...rs, { weekday, start: '09:00', end: '18:00' }])}
              >
                <IconPlus size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            {t('availability.saveWeekly')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function BlocksEditor({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const blocks = useBlocks();
  const add = useAddBlock();
  const remove = useDeleteBlock();
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const from = localInputToIso(start, timeZone);
    const to = localInputToIso(end, timeZone);
    if (!from || !to || from >= to) {
      setError(t('availability.badBlock'));
      return;
    }
    add.mutate(
      { start: from, end: to, reason: reason.trim() || null },
      {
        onSuccess: () => {
          toastSuccess(t('availability.blockAdded'));
          setStart('');
          setEnd('');
          setReason('');
        },
        onError: (err) => setError(problemMessage(t, err)),
      },
    );
  };

  return (
    <Card>
      <Stack gap="md">
        <Text fw={600} component="h2" m={0}>
          {t('availability.blocks')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('availability.blocksHelp')}
        </Text>
        {blocks.isError && <LoadError error={blocks.error} />}
        {blocks.data?.length === 0 && <Text c="dimmed">{t('availability.noBlocks')}</Text>}
        {blocks.data?.map((b) => (
          <Group key={b.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text>
                {formatDateTime(b.start, i18n.language, timeZone)} → {formatDateTime(b.end, i18n.language, timeZone)}
              </Text>
              {b.reason && (
                <Text size="sm" c="dimmed">
                  {b.reason}
                </Text>
              )}
            </Stack>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('availability.removeBlock')}
              onClick={() => remove.mutate(b.id, { onError: (err) => toastError(problemMessage(t, err)) })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateTimeField label={t('availability.blockStart')} description={timeZoneLabel(timeZone, i18n.language)} value={start} onChange={setStart} required />
              <DateTimeField label={t('availability.blockEnd')} description={timeZoneLabel(timeZone, i18n.language)} value={end} onChange={setEnd} required />
            </SimpleGrid>
            <TextInput label={`${t('availability.reason')} (${t('common.optional')})`} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} />
            <FormAlert message={error} />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={add.isPending}>
                {t('availability.addBlock')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

/** Staff: weekly working hours and blocked periods, in the studio's time zone. */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const studio = useStudio();
  const timeZone = useStudioTimeZone();
  // Hours are typed in the studio's zone: wait until it is known.
  if (studio.isPending) return <Skeleton height={320} radius="lg" />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('availability.title')} subtitle={t('availability.subtitle')} />
      <WeeklyEditor timeZone={timeZone} />
      <BlocksEditor timeZone={timeZone} />
    </Stack>
  );
}
