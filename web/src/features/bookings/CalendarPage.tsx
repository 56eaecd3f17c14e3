import type { EventClickArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Button, Card, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { STATUS_COLOR, StatusBadge } from '../../components/StatusBadge';
import { api } from '../../lib/api';
import { displayName, timeZoneLabel } from '../../lib/format';
import { useStudio, useStudioTimeZone } from '../../lib/studio';
import type { Booking } from '../../types/api';
import { BookingActions } from './BookingActions';
import { BookingCard } from './BookingCard';

const LEGEND = ['PENDING', 'CONFIRMED'];

/** The live bookings of the visible range, as calendar events coloured by status. */
async function loadEvents(range: { startStr: string; endStr: string }): Promise<EventInput[]> {
  const body = await api.get<{ items: Booking[] }>('/api/bookings', { query: { from: range.startStr, to: range.endStr, limit: 200 } });
  return body.items
    .filter((b) => b.status === 'PENDING' || b.status === 'CONFIRMED')
    .map((b) => ({
      id: b.id,
      title: `${b.service.name} — ${displayName(b.client)}`,
      start: b.start,
      end: b.end,
      backgroundColor: `var(--mantine-color-${STATUS_COLOR[b.status]}-${b.status === 'PENDING' ? 2 : 6})`,
      borderColor: `var(--mantine-color-${STATUS_COLOR[b.status]}-6)`,
      textColor: b.status === 'PENDING' ? 'var(--mantine-color-dark-9)' : 'white',
      extendedProps: { booking: b },
    }));
}

/** Staff: bookings by month, week (default) or day, in the studio's zone; click to act. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const studio = useStudio();
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const calendar = useRef<FullCalendar>(null);
  const [open, setOpen] = useState<Booking | null>(null);
  const timeZone = useStudioTimeZone();

  // A stable source: a new function each render would make FullCalendar reload (and flicker).
  const events = useCallback((info: EventSourceFuncArg, ok: (e: EventInput[]) => void, fail: (e: Error) => void) => {
    loadEvents(info).then(ok, fail);
  }, []);

  const onClick = (arg: EventClickArg) => setOpen(arg.event.extendedProps.booking as Booking);
  const refresh = () => {
    setOpen(null);
    calendar.current?.getApi().refetchEvents();
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle', { zone: timeZoneLabel(timeZone, i18n.language) })} />
      <Group gap="md" aria-label={t('calendar.legend')}>
        {LEGEND.map((s) => (
          <StatusBadge key={s} status={s} />
        ))}
      </Group>
      <Card p="sm">
        {studio.isSuccess && (
          <FullCalendar
            ref={calendar}
            plugins={[dayGridPlugin, timeGridPlugin, luxonPlugin]}
            timeZone={timeZone}
            locale={i18n.language === 'fr' ? frLocale : 'en-gb'}
            initialView={phone ? 'timeGridDay' : 'timeGridWeek'}
            headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay' }}
            buttonText={{ today: t('calendar.today'), month: t('calendar.month'), week: t('calendar.week'), day: t('calendar.day') }}
            firstDay={1}
            slotMinTime="07:00:00"
            slotMaxTime="22:00:00"
            allDaySlot={false}
            nowIndicator
            height="auto"
            events={events}
            eventClick={onClick}
          />
        )}
      </Card>
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" title={t('calendar.booking')} size="md">
        {open && (
          <Stack>
            <BookingCard booking={open} timeZone={timeZone} showClient>
              <Text size="sm" c="dimmed">
                {open.client.email}
              </Text>
            </BookingCard>
            <BookingActions booking={open} timeZone={timeZone} onDone={refresh} />
            {/* A plain link: the inbox resolves the client's conversation (no import of another feature). */}
            <Button
              component={Link}
              to={`/pro/messages?client=${encodeURIComponent(open.client.id)}&booking=${encodeURIComponent(open.id)}`}
              variant="light"
              leftSection={<IconMessage size={18} />}
              w="fit-content"
            >
              {t('messages.writeToClient')}
            </Button>
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}
