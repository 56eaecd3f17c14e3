import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateFor } from '../../lib/live';
import { queryRoots } from '../../lib/queryKeys';
import type { BookingStatus, ProjectStatus } from '../../types/api';

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
}

/** A file sent with a message; `url` is a signed link valid 15 minutes. */
export interface Attachment {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  url: string;
}

export interface Message {
  id: string;
  /** Order in the conversation; read receipts compare with it. */
  seq: number;
  conversationId: string;
  body: string;
  fromStaff: boolean;
  author: Person | null;
  createdAt: string;
  booking: { id: string; start: string; status: BookingStatus; serviceName: string } | null;
  project: { id: string; status: ProjectStatus; serviceName: string } | null;
  attachments: Attachment[];
  /** Staff only: marked "to follow up" (always false for a client). */
  followUp: boolean;
}

/** The one conversation between a client and the studio. */
export interface Conversation {
  id: string;
  client: Person & { email: string };
  lastMessage: Message | null;
  lastMessageAt: string | null;
  /** Messages from the other side the caller has not read. */
  unreadCount: number;
  clientReadSeq: number;
  studioReadSeq: number;
  followUpCount: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewMessage {
  body: string;
  bookingId?: string;
  projectId?: string;
  attachmentIds?: string[];
}

export interface ConversationFilter {
  q: string;
  unread: boolean;
  followUp: boolean;
}

export const ALL_CONVERSATIONS: ConversationFilter = { q: '', unread: false, followUp: false };
const LIST_PAGE = 30;
const THREAD_PAGE = 30;

export const messageKeys = {
  lists: [...queryRoots.conversations, 'list'] as const,
  list: (f: ConversationFilter) => [...queryRoots.conversations, 'list', f] as const,
  conversation: (id: string) => [...queryRoots.conversations, 'one', id] as const,
  thread: (id: string) => [...queryRoots.messages, id] as const,
  /** Staff: a client's conversation; a client: their own (null). */
  conversationFor: (clientId: string | null) => [...queryRoots.conversationIds, clientId ?? 'mine'] as const,
  savedReplies: queryRoots.savedReplies,
};

const path = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** Staff: conversations with at least one message, newest activity first. A client: theirs. */
export function useConversations(filter: ConversationFilter) {
  return useInfiniteQuery({
    queryKey: messageKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Conversation>>('/api/conversations', {
        query: { q: filter.q, unread: filter.unread || undefined, followUp: filter.followUp || undefined, limit: LIST_PAGE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Unread messages for the navigation badge: the first page of the full list, summed. */
export function useUnreadMessageCount(): number {
  const list = useConversations(ALL_CONVERSATIONS);
  return list.data?.pages[0]?.items.reduce((sum, c) => sum + c.unreadCount, 0) ?? 0;
}

export function useConversation(id: string) {
  return useQuery({ queryKey: messageKeys.conversation(id), queryFn: () => api.get<Conversation>(path(id)) });
}

/**
 * Get-or-create (POST /api/conversations): staff name the client, a client gets theirs.
 * The answer does not change, so it is asked once.
 */
export function useConversationFor(clientId: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: messageKeys.conversationFor(clientId),
    queryFn: async () => {
      const conversation = await api.post<Conversation>('/api/conversations', clientId ? { clientId } : {});
      client.setQueryData(messageKeys.conversation(conversation.id), conversation);
      return conversation;
    },
    staleTime: Infinity,
  });
}

type Thread = InfiniteData<Page<Message>, string | null>;

/** A thread's messages by pages of the newest first; older pages with `before`. */
export function useThread(conversationId: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.thread(conversationId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Message>>(`${path(conversationId)}/messages`, { query: { before: pageParam, limit: THREAD_PAGE }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Attachment links are signed for 15 minutes: a thread left open gets fresh ones.
    refetchInterval: 10 * 60_000,
  });
}

/** The thread's messages, oldest first, as they are shown. */
export function threadMessages(data: { pages: Page<Message>[] } | undefined): Message[] {
  return (data?.pages ?? []).flatMap((p) => p.items).reverse();
}

function updateThread(client: QueryClient, conversationId: string, update: (pages: Page<Message>[]) => Page<Message>[]) {
  client.setQueryData<Thread>(messageKeys.thread(conversationId), (data) => data && { ...data, pages: update(data.pages) });
}

export function useSendMessage(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (message: NewMessage) => api.post<Message>(`${path(conversationId)}/messages`, message),
    onSuccess: (message) => {
      // Shown at once; the refetch (and the live event) then confirm it.
      updateThread(client, conversationId, ([first, ...rest]) =>
        first && !first.items.some((m) => m.id === message.id) ? [{ ...first, items: [message, ...first.items] }, ...rest] : [first, ...rest],
      );
      void invalidateFor(client, 'message.created');
    },
  });
}

/** The caller's side has read everything up to the newest message. */
export function useMarkRead(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`${path(conversationId)}/read`),
    onSuccess: () => {
      client.setQueryData<Conversation>(messageKeys.conversation(conversationId), (c) => c && { ...c, unreadCount: 0 });
      void client.invalidateQueries({ queryKey: messageKeys.lists });
    },
  });
}

/** Staff: marks a message "to follow up" or clears it. */
export function useFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ message, on }: { message: Message; on: boolean }) =>
      on ? api.put<void>(`/api/messages/${encodeURIComponent(message.id)}/follow-up`) : api.delete<void>(`/api/messages/${encodeURIComponent(message.id)}/follow-up`),
    onSuccess: (_, { message, on }) => {
      updateThread(client, message.conversationId, (pages) =>
        pages.map((p) => ({ ...p, items: p.items.map((m) => (m.id === message.id ? { ...m, followUp: on } : m)) })),
      );
      void client.invalidateQueries({ queryKey: queryRoots.conversations });
    },
  });
}

export interface UploadedFile {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
}

/** Uploads one file for the next message of a conversation; its id goes into `attachmentIds`. */
export function uploadAttachment(conversationId: string, file: File, onProgress: (fraction: number) => void, signal: AbortSignal) {
  return api.upload<UploadedFile>(`${path(conversationId)}/attachments`, file, {
    headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': file.type || 'application/octet-stream' },
    onProgress,
    signal,
  });
}

// Saved replies (staff).

export function useSavedReplies(enabled = true) {
  return useQuery({
    queryKey: messageKeys.savedReplies,
    queryFn: async () => (await api.get<{ items: SavedReply[] }>('/api/saved-replies')).items,
    enabled,
  });
}

export type SavedReplyInput = Pick<SavedReply, 'title' | 'body'>;

export function useSaveSavedReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reply }: { id: string | null; reply: SavedReplyInput }) =>
      id ? api.patch<SavedReply>(`/api/saved-replies/${encodeURIComponent(id)}`, reply) : api.post<SavedReply>('/api/saved-replies', reply),
    onSuccess: () => client.invalidateQueries({ queryKey: messageKeys.savedReplies }),
  });
}

export function useDeleteSavedReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/saved-replies/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: messageKeys.savedReplies }),
  });
}
