import { ActionIcon, Badge, Button, Group, Popover, ScrollArea, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBell, IconCalendarEvent, IconChecks, IconLayoutKanban, IconMessage, IconSignature } from '@tabler/icons-react';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { formatDate } from '../../lib/format';
import { useLiveEvents } from '../../lib/live';
import { useStudioTimeZone } from '../../lib/studio';
import { clockTime, dayKey, relativeDay } from '../../lib/time';
import { useMarkNotificationsRead, useNotifications, type AppNotification, type NotificationKind } from './api';
import { notificationLink, notificationText, type Audience } from './text';
import './bell.css';

// By kind; a kind this version does not know gets the bell.
const KIND_ICON: Record<NotificationKind | 'contracts', typeof IconBell> = {
  messages: IconMessage,
  bookings: IconCalendarEvent,
  projects: IconLayoutKanban,
  contracts: IconSignature,
};

function NotificationItem({ notification: n, audience, timeZone, onFollow }: { notification: AppNotification; audience: Audience; timeZone: string; onFollow: () => void }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkNotificationsRead();
  const { sentence, detail } = notificationText(n, audience, t, i18n.language, timeZone);
  const Icon = KIND_ICON[n.kind as NotificationKind | 'contracts'] ?? IconBell;
  const unread = !n.readAt;
  const follow = () => {
    if (unread) markRead.mutate({ ids: [n.id] });
    onFollow();
  };
  return (
    <Link to={notificationLink(n, audience)} className="notification-item" data-unread={unread || undefined} data-testid="notification" onClick={follow}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" radius="xl" size={30} aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={unread ? 600 : 400}>
            {sentence}
          </Text>
          {detail && (
            <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {detail}
            </Text>
          )}
          <Group gap="xs">
            <Text size="xs" c="dimmed" component="time" dateTime={n.createdAt}>
              {clockTime(n.createdAt, timeZone)}
            </Text>
            {unread && (
              <Badge size="xs" variant="filled">
                {t('notifications.new')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </Link>
  );
}

/** The bell's content: newest first, grouped by day, with "mark all read". */
function NotificationList({ audience, onFollow }: { audience: Audience; onFollow: () => void }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  const dayLabel = (iso: string) => {
    const rel = relativeDay(iso, timeZone);
    return rel ? t(`common.${rel}`) : formatDate(iso, i18n.language, timeZone);
  };

  return (
    <Stack gap="xs">
      {/* On a phone "Tout marquer comme lu" goes under the title rather than out of the box. */}
      <Group justify="space-between" wrap="wrap" gap={4} px="xs">
        <Text fw={600} component="h2" fz="md" m={0}>
          {t('notifications.title')}
        </Text>
        {/* Looks disabled once all is read but keeps the focus (a disabled button would drop it
            to the page, where Escape no longer closes the list). */}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconChecks size={16} />}
          data-disabled={unread === 0 || undefined}
          aria-disabled={unread === 0}
          onClick={() => unread > 0 && markRead.mutate({ all: true })}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {list.isPending && (
        <Stack gap="xs" p="xs" aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={48} />
          <Skeleton height={48} />
        </Stack>
      )}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed" p="md" ta="center">
          {t(`notifications.none.${audience}`)}
        </Text>
      )}
      {items.length > 0 && (
        <ScrollArea.Autosize mah="min(26rem, 60vh)" type="auto" offsetScrollbars>
          <Stack gap={4} pr={4}>
            {items.map((n, i) => (
              <Fragment key={n.id}>
                {(i === 0 || dayKey(items[i - 1].createdAt, timeZone) !== dayKey(n.createdAt, timeZone)) && (
                  <Text component="h3" size="xs" fw={700} c="dimmed" m={0} mt={i === 0 ? 0 : 'xs'} px="xs">
                    {dayLabel(n.createdAt)}
                  </Text>
                )}
                <NotificationItem notification={n} audience={audience} timeZone={timeZone} onFollow={onFollow} />
              </Fragment>
            ))}
            {list.hasNextPage && (
              <Button variant="subtle" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** The unread count on the bell: briefly moves when a notification arrives. */
function usePulse(): boolean {
  const [pulse, setPulse] = useState(0);
  useLiveEvents((e) => e.type === 'notification' && setPulse((p) => p + 1));
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!pulse) return;
    setOn(true);
    const timer = setTimeout(() => setOn(false), 1000);
    return () => clearTimeout(timer);
  }, [pulse]);
  return on;
}

/** The top bar's bell: the unread count, and the list in a popover. */
export function Bell({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  const pulse = usePulse();
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" trapFocus returnFocus withinPortal styles={{ dropdown: { maxWidth: 'calc(100vw - 16px)' } }}>
      <Popover.Target>
        <ActionIcon
          className="bell"
          data-pulse={pulse || undefined}
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
          data-testid="bell"
          style={{ overflow: 'visible' }}
          onClick={() => setOpened((o) => !o)}
        >
          <IconBell size={20} />
          {unread > 0 && (
            <Badge className="bell-count" color="red.9" variant="filled" size="sm" radius="xl" data-testid="bell-count" aria-hidden>
              {unread > 99 ? '99+' : unread}
            </Badge>
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <NotificationList audience={audience} onFollow={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}
