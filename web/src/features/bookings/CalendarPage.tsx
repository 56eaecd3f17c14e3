import type { EventClickArg, EventDropArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Button, Card, Drawer, Group, Modal, Stack, Text } from '@mantine/core';
import { IconLayoutKanban, IconMessage, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { api } from '../../lib/api';
import { actionProblemMessage } from '../../lib/errors';
import { displayName, formatDateTime, timeZoneLabel } from '../../lib/format';
import { queryRoots } from '../../lib/queryKeys';
import { useStudio, useStudioTimeZone } from '../../lib/studio';
import { clockTime, toRfc3339 } from '../../lib/time';
import { toastError, toastSuccess } from '../../lib/toast';
import type { Booking } from '../../types/api';
import { agendaLocaleOptions, blockEvents, businessHours, daySpan, formatSessionTimes, isMovable, slotWindow, type BlockedPeriod, type DaySpan, type WorkingRange } from './agenda';
import css from './agenda.module.css';
import { useBookingAction } from './api';
import { BookingActions } from './BookingActions';
import { BookingCard } from './BookingCard';
import { usePhone } from '../../lib/usePhone';

const LEGEND = ['PENDING', 'CONFIRMED'];

/**
 * The live bookings of the visible days, as calendar events coloured by status (agenda.module.css),
 * and the minutes of the day they cover. Asked by whole days: sessions before the first hour
 * drawn are fetched too, so the view can widen to them.
 */
async function loadSessions(range: { startStr: string; endStr: string }, timeZone: string): Promise<{ events: EventInput[]; spans: DaySpan[] }> {
  const body = await api.get<{ items: Booking[] }>('/api/bookings', { query: { from: range.startStr.slice(0, 10), to: range.endStr.slice(0, 10), limit: 200 } });
  const live = body.items.filter((b) => b.status === 'PENDING' || b.status === 'CONFIRMED');
  return {
    events: live.map((b) => ({
      id: b.id,
      title: `${b.service.name} — ${displayName(b.client)}`,
      start: b.start,
      end: b.end,
      classNames: b.status === 'PENDING' ? [css.session, css.pending] : [css.session],
      // Only `false` is set: an `editable` key, even undefined, would override the calendar's.
      ...(isMovable(b) ? {} : { editable: false }),
      extendedProps: { booking: b },
    })),
    spans: live.map((b) => daySpan(b.start, b.end, timeZone)),
  };
}

/** A session dragged or stretched, waiting for staff to confirm (or to put it back). */
interface Change {
  kind: 'move' | 'resize';
  booking: Booking;
  start: string;
  end: string;
  revert: () => void;
}

/**
 * Staff: bookings by month, week (default) or day, in the studio's zone, over the working hours
 * and the blocked periods; click to act, drag to move, stretch to change the length.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const studio = useStudio();
  const phone = usePhone();
  const calendar = useRef<FullCalendar>(null);
  const [open, setOpen] = useState<Booking | null>(null);
  const [change, setChange] = useState<Change | null>(null);
  const [spans, setSpans] = useState<DaySpan[]>([]);
  const timeZone = useStudioTimeZone();
  const run = useBookingAction();
  const hours = useQuery({ queryKey: queryRoots.workingHours, queryFn: () => api.get<WorkingRange[]>('/api/availability/weekly') });
  const ranges = useMemo(() => hours.data ?? [], [hours.data]);
  const shaded = useMemo(() => businessHours(ranges), [ranges]);
  const { slotMinTime, slotMaxTime } = slotWindow(ranges, spans);

  // Stable sources: a new function each render would make FullCalendar reload (and flicker).
  const sessions = useCallback(
    (info: EventSourceFuncArg, ok: (e: EventInput[]) => void, fail: (e: Error) => void) => {
      loadSessions(info, timeZone).then(({ events, spans }) => {
        setSpans(spans);
        ok(events);
      }, fail);
    },
    [timeZone],
  );
  const blockTitle = useCallback((reason: string | null) => (reason ? t('calendar.blocked', { reason }) : t('calendar.blockedNoReason')), [t]);
  const blocks = useCallback(
    (info: EventSourceFuncArg, ok: (e: EventInput[]) => void) => {
      // Blocks only shade the grid: without them the sessions still show.
      api.get<{ items: BlockedPeriod[] }>('/api/availability/blocks', { query: { from: info.startStr.slice(0, 10) } }).then(
        (body) => ok(blockEvents(body.items, blockTitle, css.block)),
        () => ok([]),
      );
    },
    [blockTitle],
  );
  const sources = useMemo(() => [sessions, blocks], [sessions, blocks]);

  // A blocked period is a background event: it has no booking to open.
  const onClick = (arg: EventClickArg) => {
    const booking = arg.event.extendedProps.booking as Booking | undefined;
    if (booking) setOpen(booking);
  };
  const ask = (kind: Change['kind']) => (info: EventDropArg | EventResizeDoneArg) => {
    const { start, end } = info.event;
    if (!start || !end) return info.revert();
    setChange({ kind, booking: info.event.extendedProps.booking as Booking, start: toRfc3339(start), end: toRfc3339(end), revert: info.revert });
  };
  const keep = () => {
    change?.revert();
    setChange(null);
  };
  // A move sends the new start only (the length stays); a stretch sends both ends.
  const save = (c: Change) =>
    run.mutate(
      { id: c.booking.id, action: 'reschedule', body: c.kind === 'move' ? { start: c.start } : { start: c.start, end: c.end } },
      {
        onSuccess: (moved) => {
          toastSuccess(
            c.kind === 'move'
              ? t('calendar.moved', { when: formatDateTime(moved.start, i18n.language, timeZone) })
              : t('calendar.resized', { end: clockTime(moved.end, timeZone) }),
          );
          setChange(null);
          calendar.current?.getApi().refetchEvents();
        },
        onError: (e) => {
          c.revert();
          setChange(null);
          toastError(t('calendar.notChanged', { reason: actionProblemMessage(t, e) }));
        },
      },
    );

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
    <Stack gap="md" className={css.agenda}>
      {/* A phone's agenda is too small to drag on: there, sessions move from their drawer. */}
      <PageHeader title={t('calendar.title')} subtitle={t(phone ? 'calendar.subtitle' : 'calendar.subtitleDrag', { zone: timeZoneLabel(timeZone, i18n.language) })} />
      <Group gap="md" aria-label={t('calendar.legend')}>
        {LEGEND.map((s) => (
          <StatusBadge key={s} status={s} />
        ))}
        {ranges.length > 0 && (
          <Group gap={6}>
            <span className={`${css.swatch} ${css.swatchOutside}`} />
            <Text size="sm">{t('calendar.outsideHours')}</Text>
          </Group>
        )}
        <Group gap={6}>
          <span className={`${css.swatch} ${css.swatchBlock}`} />
          <Text size="sm">{t('calendar.blockedNoReason')}</Text>
        </Group>
      </Group>
      <Card p="sm" ref={frame}>
        {studio.isSuccess && !hours.isPending && (
          <FullCalendar
            ref={calendar}
            plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, luxonPlugin]}
            timeZone={timeZone}
            {...agendaLocaleOptions(i18n.language)}
            initialView={phone ? 'timeGridDay' : 'timeGridWeek'}
            // A phone's width holds the arrows and the title, not the five buttons too: the views go below.
            headerToolbar={phone ? { left: 'prev,next', center: 'title', right: 'today' } : { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay' }}
            footerToolbar={phone ? { center: 'dayGridMonth,timeGridWeek,timeGridDay' } : undefined}
            buttonText={{ today: t('calendar.today'), month: t('calendar.month'), week: t('calendar.week'), day: t('calendar.day') }}
            slotMinTime={slotMinTime}
            slotMaxTime={slotMaxTime}
            businessHours={shaded}
            allDaySlot={false}
            nowIndicator
            height="auto"
            eventSources={sources}
            eventClick={onClick}
            // Touch dragging on a phone-sized grid mostly scrolls by mistake: tap opens the drawer.
            editable={!phone}
            // The studio's default slot grid; a start off the studio's own grid is refused (409) and put back.
            snapDuration="00:15:00"
            eventDrop={ask('move')}
            eventResize={ask('resize')}
          />
        )}
      </Card>
      <Modal
        opened={change !== null}
        onClose={keep}
        closeOnClickOutside={!run.isPending}
        closeOnEscape={!run.isPending}
        title={change ? t(change.kind === 'move' ? 'calendar.moveTitle' : 'calendar.resizeTitle') : ''}
        closeButtonProps={{ 'aria-label': t('common.close'), disabled: run.isPending }}
      >
        {change && (
          <Stack>
            <Text fw={600}>{`${change.booking.service.name} — ${displayName(change.booking.client)}`}</Text>
            <Text>{t('calendar.before', { when: formatSessionTimes(change.booking.start, change.booking.end, i18n.language, timeZone) })}</Text>
            <Text>{t('calendar.after', { when: formatSessionTimes(change.start, change.end, i18n.language, timeZone) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={keep} disabled={run.isPending}>
                {t('calendar.keep')}
              </Button>
              <Button loading={run.isPending} onClick={() => save(change)}>
                {t(change.kind === 'move' ? 'calendar.move' : 'calendar.resize')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" title={t('calendar.booking')} size="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && (
          <Stack>
            <BookingCard booking={open} timeZone={timeZone} showClient>
              <Text size="sm" c="dimmed">
                {open.client.email}
              </Text>
            </BookingCard>
            <BookingActions booking={open} timeZone={timeZone} onDone={refresh} />
            {/* Plain links: the pages of other features, by their routes (no import of another feature). */}
            <Group gap="xs">
              <Button component={Link} to={`/pro/clients/${encodeURIComponent(open.client.id)}`} variant="light" leftSection={<IconUser size={18} />}>
                {t('calendar.clientPage')}
              </Button>
              {/* A request has no project until it is confirmed. */}
              {open.projectId && (
                <Button component={Link} to={`/pro/projects/${encodeURIComponent(open.projectId)}`} variant="light" leftSection={<IconLayoutKanban size={18} />}>
                  {t('calendar.projectPage')}
                </Button>
              )}
              {/* The inbox resolves the client's conversation. */}
              <Button
                component={Link}
                to={`/pro/messages?client=${encodeURIComponent(open.client.id)}&booking=${encodeURIComponent(open.id)}`}
                variant="light"
                leftSection={<IconMessage size={18} />}
              >
                {t('messages.writeToClient')}
              </Button>
            </Group>
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}
