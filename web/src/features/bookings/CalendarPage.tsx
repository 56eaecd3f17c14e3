import type { EventClickArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Button, Card, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { STATUS_COLOR, StatusBadge } from '../../components/StatusBadge';
import { api } from '../../lib/api';
import { displayName, timeZoneLabel } from '../../lib/format';
import { useStudio, useStudioTimeZone } from '../../lib/studio';
import type { Booking } from '../../types/api';
import { agendaLocaleOptions } from './agenda';
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
      // A light fill under near-black text (white on green-6 is 2.4:1); the border keeps the full colour.
      backgroundColor: `var(--mantine-color-${STATUS_COLOR[b.status]}-2)`,
      borderColor: `var(--mantine-color-${STATUS_COLOR[b.status]}-6)`,
      textColor: 'var(--mantine-color-dark-9)',
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
  // FullCalendar's arrows are icon fonts marked role="img" without a name; the button around
  // each is named (its hint), so the icon is hidden from assistive technology, each time the
  // toolbar is drawn.
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const hide = () => el.querySelectorAll('.fc-icon:not([aria-hidden])').forEach((icon) => icon.setAttribute('aria-hidden', 'true'));
    hide();
    const drawn = new MutationObserver(hide);
    drawn.observe(el, { childList: true, subtree: true });
    return () => drawn.disconnect();
  }, [studio.isSuccess]);
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
      {/* FullCalendar paints its day headers on a white page colour: the app's, light or dark. */}
      <Card p="sm" ref={frame} style={{ '--fc-page-bg-color': 'var(--mantine-color-body)', '--fc-border-color': 'var(--mantine-color-default-border)' } as CSSProperties}>
        {studio.isSuccess && (
          <FullCalendar
            ref={calendar}
            plugins={[dayGridPlugin, timeGridPlugin, luxonPlugin]}
            timeZone={timeZone}
            {...agendaLocaleOptions(i18n.language)}
            initialView={phone ? 'timeGridDay' : 'timeGridWeek'}
            // A phone's width holds the arrows and the title, not the five buttons too: the views go below.
            headerToolbar={phone ? { left: 'prev,next', center: 'title', right: 'today' } : { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay' }}
            footerToolbar={phone ? { center: 'dayGridMonth,timeGridWeek,timeGridDay' } : undefined}
            buttonText={{ today: t('calendar.today'), month: t('calendar.month'), week: t('calendar.week'), day: t('calendar.day') }}
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
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" title={t('calendar.booking')} size="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
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
