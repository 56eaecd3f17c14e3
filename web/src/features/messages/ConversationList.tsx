import { Avatar, Badge, Button, Chip, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { displayName, formatShortDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { clockTime, relativeDay } from '../../lib/time';
import { useConversations, type Conversation } from './api';

/** "14:32" today, "Hier" / "Yesterday", else "12 mars". */
function When({ instant, timeZone }: { instant: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const rel = relativeDay(instant, timeZone);
  const text = rel === 'today' ? clockTime(instant, timeZone) : rel === 'yesterday' ? t('common.yesterday') : formatShortDate(instant, i18n.language, timeZone);
  return (
    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} component="time" dateTime={instant}>
      {text}
    </Text>
  );
}

function ConversationRow({ conversation: c, selected, timeZone }: { conversation: Conversation; selected: boolean; timeZone: string }) {
  const { t } = useTranslation();
  const unread = c.unreadCount > 0;
  const last = c.lastMessage;
  return (
    <Link to={`/pro/messages/${c.id}`} className="conversation-row" data-testid="conversation" aria-current={selected ? 'page' : undefined}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        {/* Filled: white on teal stays legible over the selected row's tint. */}
        <Avatar color="brand" variant="filled" radius="xl" size={36} aria-hidden>
          {c.client.firstName.charAt(0).toUpperCase()}
          {c.client.lastName.charAt(0).toUpperCase()}
        </Avatar>
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={unread ? 700 : 500} truncate>
              {displayName(c.client)}
            </Text>
            {c.lastMessageAt && <When instant={c.lastMessageAt} timeZone={timeZone} />}
          </Group>
          {last && (
            <Text size="sm" c={unread ? undefined : 'dimmed'} fw={unread ? 500 : undefined} truncate>
              {last.fromStaff ? `${t('messages.youPrefix')} ` : ''}
              {last.body}
            </Text>
          )}
          {(unread || c.followUpCount > 0) && (
            <Group gap={4}>
              {unread && (
                <Badge color="brand" variant="filled" size="sm">
                  {t('messages.unreadCount', { count: c.unreadCount })}
                </Badge>
              )}
              {c.followUpCount > 0 && (
                <Badge color="orange" variant="light" size="sm">
                  {t('messages.followUpCount', { count: c.followUpCount })}
                </Badge>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Link>
  );
}

/** Staff: every conversation, newest activity first, with a search and two filters. */
export function ConversationList({ selected }: { selected?: string }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [unread, setUnread] = useState(false);
  const [followUp, setFollowUp] = useState(false);
  const list = useConversations({ q: debounced, unread, followUp });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || unread || followUp);

  return (
    <Paper withBorder className="inbox-list" component="section" aria-label={t('messages.conversations')}>
      <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <TextInput
          type="search"
          size="sm"
          leftSection={<IconSearch size={16} />}
          aria-label={t('messages.search')}
          placeholder={t('messages.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Group gap="xs">
          <Chip size="sm" variant="light" checked={unread} onChange={setUnread}>
            {t('messages.filterUnread')}
          </Chip>
          <Chip size="sm" variant="light" checked={followUp} onChange={setFollowUp} color="orange">
            {t('messages.filterFollowUp')}
          </Chip>
        </Group>
      </Stack>
      <div className="scroll-y">
        {list.isPending && (
          <Stack p="sm" gap="xs" aria-busy="true" aria-label={t('app.loading')}>
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} height={52} />
            ))}
          </Stack>
        )}
        {list.isError && (
          <Stack p="sm">
            <LoadError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        )}
        {list.isSuccess && items.length === 0 && (
          <Stack p="md" gap="sm" align="center" ta="center">
            <Text c="dimmed" size="sm">
              {filtered ? t('messages.noMatch') : t('messages.noConversations')}
            </Text>
            {!filtered && (
              <Button component={Link} to="/pro/clients" variant="light" size="sm">
                {t('messages.toClients')}
              </Button>
            )}
          </Stack>
        )}
        {items.map((c) => (
          <ConversationRow key={c.id} conversation={c} selected={c.id === selected} timeZone={timeZone} />
        ))}
        {list.hasNextPage && (
          <Button variant="subtle" m="sm" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
      </div>
    </Paper>
  );
}
