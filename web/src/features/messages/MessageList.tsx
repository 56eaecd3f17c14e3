import { Button, Center, Divider, Skeleton, Stack, Text } from '@mantine/core';
import { Fragment, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { displayName, formatDate } from '../../lib/format';
import { dayKey, relativeDay } from '../../lib/time';
import { threadMessages, useThread, type Conversation, type Message } from './api';
import { MessageItem } from './MessageItem';

interface Props {
  conversation: Conversation;
  staff: boolean;
  userId: string;
  studioName: string;
  timeZone: string;
  /** What to say when there is no message yet. */
  empty: string;
}

// Within this distance of the bottom, the view follows new messages.
const STICK_PX = 96;

/** "Aujourd'hui", "Hier" or the date: a day's heading in the thread. */
function DayDivider({ instant, timeZone }: { instant: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const rel = relativeDay(instant, timeZone);
  return <Divider my="xs" labelPosition="center" label={rel ? t(`common.${rel}`) : formatDate(instant, i18n.language, timeZone)} />;
}

/**
 * The thread, oldest at the top and newest at the bottom. It opens at the bottom, follows
 * new messages while the reader is there, and loads older pages when scrolled to the top
 * (or with the button) without moving what is on screen.
 */
export function MessageList({ conversation, staff, userId, studioName, timeZone, empty }: Props) {
  const { t } = useTranslation();
  const thread = useThread(conversation.id);
  const messages = threadMessages(thread.data);
  const viewport = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const newest = messages[messages.length - 1];
  const oldestId = messages[0]?.id;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread;

  const loadOlder = useCallback(() => {
    const el = viewport.current;
    if (!el || isFetchingNextPage) return;
    anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    void fetchNextPage();
  }, [fetchNextPage, isFetchingNextPage]);

  const toBottom = () => {
    const el = viewport.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  // Older messages above: keep the same message under the reader's eyes.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (el && anchor.current) el.scrollTop = el.scrollHeight - anchor.current.height + anchor.current.top;
    anchor.current = null;
  }, [oldestId]);

  // A new message at the bottom: follow it if the reader was there, or if it is theirs.
  useLayoutEffect(() => {
    if (newest && (stick.current || newest.author?.id === userId)) {
      toBottom();
      stick.current = true;
    }
  }, [newest?.id, newest?.author?.id, userId]);

  // Pictures that load later grow the thread: stay at the bottom if there.
  useEffect(() => {
    if (!content.current || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => stick.current && !anchor.current && toBottom());
    observer.observe(content.current);
    return () => observer.disconnect();
  }, [thread.isSuccess]);

  // Scrolled to the top: the previous page.
  useEffect(() => {
    const el = top.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && loadOlder(), { root: viewport.current, rootMargin: '160px 0px 0px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, loadOlder]);

  if (thread.isPending) {
    return (
      <Stack p="md" gap="md" className="scroll-y" aria-busy="true" aria-label={t('app.loading')}>
        <Skeleton height={48} width="60%" />
        <Skeleton height={48} width="50%" ml="auto" />
        <Skeleton height={64} width="70%" />
      </Stack>
    );
  }
  if (thread.isError) {
    return (
      <div className="scroll-y">
        <LoadError error={thread.error} onRetry={() => void thread.refetch()} />
      </div>
    );
  }

  const mine = (m: Message) => m.fromStaff === staff;
  const lastMine = [...messages].reverse().find(mine);
  const otherReadSeq = staff ? conversation.clientReadSeq : conversation.studioReadSeq;
  const author = (m: Message) =>
    m.author?.id === userId ? t('messages.you') : m.author ? displayName(m.author) : m.fromStaff ? studioName : displayName(conversation.client);

  return (
    <div
      ref={viewport}
      className="scroll-y thread-log"
      role="log"
      aria-label={t('messages.threadLabel')}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      }}
    >
      <Stack ref={content} gap="sm" p={{ base: 'sm', sm: 'md' }}>
        <div ref={top} />
        {hasNextPage && (
          <Center>
            <Button variant="subtle" size="xs" onClick={loadOlder} loading={isFetchingNextPage}>
              {t('messages.loadOlder')}
            </Button>
          </Center>
        )}
        {!hasNextPage && messages.length > 0 && (
          <Text size="xs" c="dimmed" ta="center">
            {t('messages.beginning')}
          </Text>
        )}
        {messages.length === 0 && (
          <Text c="dimmed" ta="center" py="xl" maw={420} mx="auto">
            {empty}
          </Text>
        )}
        {messages.map((m, i) => (
          <Fragment key={m.id}>
            {(i === 0 || dayKey(messages[i - 1].createdAt, timeZone) !== dayKey(m.createdAt, timeZone)) && <DayDivider instant={m.createdAt} timeZone={timeZone} />}
            <MessageItem
              message={m}
              mine={mine(m)}
              author={author(m)}
              staff={staff}
              receipt={m === lastMine ? (otherReadSeq >= m.seq ? 'read' : 'sent') : null}
              timeZone={timeZone}
            />
          </Fragment>
        ))}
      </Stack>
    </div>
  );
}
