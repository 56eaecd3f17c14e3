import { Alert, Button, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatDate, timeZoneLabel } from '../../lib/format';
import { clockTime, dayKey, monthRange } from '../../lib/time';
import { useSlots, type Slot } from './api';

interface Props {
  serviceId: string;
  timeZone: string;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
}

/** The first day of the month containing the studio's day "YYYY-MM-DD". */
function monthOf(day: string): Date {
  const [y, m] = day.split('-').map(Number);
  return new Date(y, m - 1, 1);
}

/**
 * A month where days with free times are marked, then the times of the chosen day as
 * buttons. Days are the studio's days; a month without any time points to the next one.
 */
export function SlotPicker({ serviceId, timeZone, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  // "Today" is the studio's, not the browser's (a visitor may be elsewhere in the world).
  const today = dayKey(new Date(), timeZone);
  // A time already chosen (a visitor back from the sign-up page) opens on its day.
  const [initialDay] = useState(() => (selected ? dayKey(selected.start, timeZone) : null));
  const [month, setMonth] = useState(() => monthOf(initialDay ?? today));
  // Opening on a month with nothing left (the last days of a month) moves on by itself,
  // up to two months; once the user browses, the month is theirs.
  const [autoAdvance, setAutoAdvance] = useState(initialDay ? 0 : 2);
  const [day, setDay] = useState<string | null>(initialDay);
  // The first month shown is the one a booking link's page load asks early (app/preload.ts).
  const range = monthRange(month.getFullYear(), month.getMonth() + 1);
  const slots = useSlots(serviceId, range.from, range.to);

  const byDay = useMemo(() => {
    const map = new Map<string, Slot[]>();
    for (const s of slots.data?.slots ?? []) {
      const key = dayKey(s.start, timeZone);
      map.set(key, [...(map.get(key) ?? []), s]);
    }
    return map;
  }, [slots.data, timeZone]);
  const freeDays = [...byDay.keys()].sort();
  const emptyMonth = slots.isSuccess && freeDays.length === 0;
  useEffect(() => {
    if (emptyMonth && autoAdvance > 0) {
      setAutoAdvance((n) => n - 1);
      setMonth((m) => new Date(m.getFullYear(), m.getMonth() + 1, 1));
    }
  }, [emptyMonth, autoAdvance]);
  const chosen = day && byDay.has(day) ? day : null;

  return (
    <Stack gap="md">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap="xs">
          <DatePicker
            date={month}
            onDateChange={(d) => {
              setAutoAdvance(0);
              setMonth(monthOf(d));
              setDay(null);
            }}
            value={chosen}
            onChange={(v) => setDay(v)}
            minDate={today}
            // Mantine hands cells over as "YYYY-MM-DD": the same keys as the studio's days.
            excludeDate={(d) => !byDay.has(d.slice(0, 10))}
            getDayProps={(d) => ({ 'data-date': d.slice(0, 10), ...(byDay.has(d.slice(0, 10)) ? { fw: 700, 'data-free': true } : {}) })}
            size="md"
            firstDayOfWeek={1}
            aria-label={t('book.chooseDay')}
            ariaLabels={{
              previousMonth: t('book.nav.previousMonth'),
              nextMonth: t('book.nav.nextMonth'),
              previousYear: t('book.nav.previousYear'),
              nextYear: t('book.nav.nextYear'),
              previousDecade: t('book.nav.previousDecade'),
              nextDecade: t('book.nav.nextDecade'),
            }}
          />
          {slots.isPending && <Skeleton height={16} />}
          {slots.isError && <LoadError error={slots.error} onRetry={() => void slots.refetch()} />}
          {emptyMonth && autoAdvance === 0 && (
            <Alert variant="light" color="gray">
              {t('book.monthFull')}{' '}
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  setAutoAdvance(0);
                  setMonth(new Date(month.getFullYear(), month.getMonth() + 1, 1));
                }}
              >
                {t('book.nextMonth')}
              </Button>
            </Alert>
          )}
        </Stack>
        <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
          {chosen ? (
            <>
              <Text fw={600} data-testid="chosen-day" data-day={chosen}>
                {formatDate(`${chosen}T12:00:00Z`, i18n.language, 'UTC')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('book.timesIn', { zone: timeZoneLabel(timeZone, i18n.language) })}
              </Text>
              <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="xs" role="group" aria-label={t('book.chooseTime')}>
                {byDay.get(chosen)!.map((s) => (
                  <Button
                    key={s.start}
                    variant={selected?.start === s.start ? 'filled' : 'default'}
                    onClick={() => onSelect(s)}
                    aria-pressed={selected?.start === s.start}
                  >
                    {clockTime(s.start, timeZone)}
                  </Button>
                ))}
              </SimpleGrid>
            </>
          ) : (
            freeDays.length > 0 && (
              <Stack gap="xs" align="flex-start">
                <Text c="dimmed">{t('book.pickDay')}</Text>
                {/* The date in words can be wider than a phone: the label wraps rather than overflow. */}
                <Button variant="light" h="auto" mih={36} py={6} maw="100%" styles={{ label: { whiteSpace: 'normal' } }} onClick={() => setDay(freeDays[0])}>
                  {t('book.firstFree', { date: formatDate(`${freeDays[0]}T12:00:00Z`, i18n.language, 'UTC') })}
                </Button>
              </Stack>
            )
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
