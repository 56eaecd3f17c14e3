import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { isStaff, useAuth } from '../../lib/auth';
import { displayName } from '../../lib/format';
import { useLiveStatus } from '../../lib/live';
import { useStudio, useStudioTimeZone } from '../../lib/studio';
import { useConversation, type Conversation } from './api';
import { Composer, type Reference } from './Composer';
import { MessageList } from './MessageList';
import { useReadWhileVisible } from './useReadWhileVisible';

export interface ThreadProps {
  conversationId: string;
  /** Staff on a phone: the way back to the list. */
  backTo?: string;
  reference?: Reference | null;
  onReferenceDone?: () => void;
  /** Told which conversation is being read (null when none): its notifications can be cleared. */
  onViewing?: (conversationId: string | null) => void;
}

/** Shown only while the live connection has been down a moment: the thread may be late. */
function OfflineHint() {
  const { t } = useTranslation();
  const down = useLiveStatus() === 'closed';
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!down) return setShown(false);
    const timer = setTimeout(() => setShown(true), 2000);
    return () => clearTimeout(timer);
  }, [down]);
  if (!shown) return null;
  return (
    <Badge color="gray" variant="light" size="sm" role="status">
      {t('messages.reconnecting')}
    </Badge>
  );
}

function ThreadHeader({ conversation, staff, backTo }: { conversation: Conversation; staff: boolean; backTo?: string }) {
  const { t } = useTranslation();
  const studio = useStudio();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" p={{ base: 'xs', sm: 'sm' }} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="nowrap" miw={0}>
        {backTo && (
          <Anchor component={Link} to={backTo} hiddenFrom="md" aria-label={t('messages.backToList')} style={{ display: 'flex' }}>
            <IconArrowLeft size={20} />
          </Anchor>
        )}
        <Stack gap={0} miw={0}>
          {staff ? (
            <>
              <Text component="h2" fw={600} m={0} fz="md" truncate>
                <Anchor component={Link} to={`/pro/clients/${conversation.client.id}`} inherit>
                  {displayName(conversation.client)}
                </Anchor>
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {conversation.client.email}
              </Text>
            </>
          ) : (
            <Text component="h2" fw={600} m={0} fz="md" truncate>
              {t('messages.withStudio', { studio: studio.data?.name ?? 'Déclic' })}
            </Text>
          )}
        </Stack>
      </Group>
      <OfflineHint />
    </Group>
  );
}

function LoadedThread({ conversation, backTo, reference, onReferenceDone, onViewing }: ThreadProps & { conversation: Conversation }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const staff = isStaff(user);
  const studio = useStudio();
  const timeZone = useStudioTimeZone();
  const studioName = studio.data?.name ?? 'Déclic';
  const reading = useReadWhileVisible(conversation, staff);

  useEffect(() => {
    if (!onViewing || !reading) return;
    onViewing(conversation.id);
    return () => onViewing(null);
  }, [onViewing, reading, conversation.id]);

  return (
    <>
      <ThreadHeader conversation={conversation} staff={staff} backTo={backTo} />
      <MessageList
        conversation={conversation}
        staff={staff}
        userId={user?.id ?? ''}
        studioName={studioName}
        timeZone={timeZone}
        empty={staff ? t('messages.emptyStaff', { name: conversation.client.firstName }) : t('messages.emptyClient', { studio: studioName })}
      />
      <Composer key={conversation.id} conversation={conversation} staff={staff} studioName={studioName} reference={reference} onReferenceDone={onReferenceDone} />
    </>
  );
}

/** A conversation: who it is with, its messages, and the composer. */
export function Thread(props: ThreadProps) {
  const conversation = useConversation(props.conversationId);
  return (
    <Paper withBorder className="inbox-thread" style={{ flex: 1, overflow: 'hidden' }} component="section">
      {conversation.isPending && (
        <Stack p="md" gap="md">
          <Skeleton height={24} width="40%" />
          <Skeleton height={48} width="60%" />
          <Skeleton height={48} width="50%" ml="auto" />
        </Stack>
      )}
      {conversation.isError && (
        <Stack p="md">
          <LoadError error={conversation.error} onRetry={() => void conversation.refetch()} />
        </Stack>
      )}
      {conversation.isSuccess && <LoadedThread {...props} conversation={conversation.data} />}
    </Paper>
  );
}
