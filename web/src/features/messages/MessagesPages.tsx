import { Button, Center, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { FormAlert } from '../../components/FormAlert';
import { ApiError } from '../../lib/problem';
import { useStudio } from '../../lib/studio';
import { useConversationFor } from './api';
import type { Reference } from './Composer';
import { ConversationList } from './ConversationList';
import { Thread } from './Thread';
import './messages.css';

interface PageProps {
  /** Told which conversation is being read (null when none). */
  onViewing?: (conversationId: string | null) => void;
}

/** `?client=<id>` (a "Message" button elsewhere): get-or-create, then open that conversation. */
function OpenClientConversation({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const found = useConversationFor(clientId);
  const id = found.data?.id;

  useEffect(() => {
    if (!id) return;
    const rest = new URLSearchParams(params);
    rest.delete('client');
    const query = rest.toString();
    navigate(`/pro/messages/${id}${query ? `?${query}` : ''}`, { replace: true });
  }, [id, params, navigate]);

  if (found.isError) {
    const notClient = found.error instanceof ApiError && found.error.status === 422;
    return (
      <Stack gap="md">
        <PageHeader title={t('messages.title')} />
        {notClient ? <FormAlert message={t('messages.notClient')} /> : <LoadError error={found.error} onRetry={() => void found.refetch()} />}
        <Button component={Link} to="/pro/messages" variant="light" w="fit-content">
          {t('messages.toInbox')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('messages.opening')}>
      <Skeleton height={28} width="30%" />
      <Skeleton height={320} />
    </Stack>
  );
}

/** The reference a "Message" button passed along (?project= or ?booking=). */
function referenceFrom(params: URLSearchParams): Reference | null {
  const projectId = params.get('project') ?? undefined;
  const bookingId = params.get('booking') ?? undefined;
  return projectId || bookingId ? { projectId, bookingId } : null;
}

/** Staff: the inbox — conversations on the left, the open one on the right (one at a time on a phone). */
export function InboxPage({ onViewing }: PageProps) {
  const { t } = useTranslation();
  const { conversationId } = useParams();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client');
  if (clientId) return <OpenClientConversation clientId={clientId} />;
  const open = conversationId ? 'thread' : 'list';

  return (
    <div className="messages-screen" data-open={open}>
      <div className="inbox-title">
        <PageHeader title={t('messages.title')} subtitle={t('messages.staffSubtitle')} />
      </div>
      <div className="inbox" data-open={open}>
        <ConversationList selected={conversationId} />
        {conversationId ? (
          <Thread
            key={conversationId}
            conversationId={conversationId}
            backTo="/pro/messages"
            reference={referenceFrom(params)}
            onReferenceDone={() => setParams({}, { replace: true })}
            onViewing={onViewing}
          />
        ) : (
          <Paper withBorder className="inbox-thread">
            <Center h="100%" p="xl">
              <Text c="dimmed" ta="center">
                {t('messages.pick')}
              </Text>
            </Center>
          </Paper>
        )}
      </div>
    </div>
  );
}

/** A client: their one conversation with the studio (created on the first visit). */
export function ClientMessagesPage({ onViewing }: PageProps) {
  const { t } = useTranslation();
  const studio = useStudio();
  const mine = useConversationFor(null);
  return (
    <div className="messages-screen">
      <PageHeader title={t('messages.title')} subtitle={t('messages.clientSubtitle', { studio: studio.data?.name ?? 'Déclic' })} />
      {mine.isPending && <Skeleton height={320} radius="lg" style={{ flex: 1 }} />}
      {mine.isError && <LoadError error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && <Thread conversationId={mine.data.id} onViewing={onViewing} />}
    </div>
  );
}
