import { useDocumentVisibility } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { threadMessages, useMarkRead, useThread, type Conversation } from './api';

/**
 * While the thread is on screen (and the tab visible), tells the server the caller's side
 * has read it: when it opens and whenever a message from the other side arrives. Returns
 * whether the thread is being read now (for the notifications about it).
 */
export function useReadWhileVisible(conversation: Conversation, staff: boolean): boolean {
  const visible = useDocumentVisibility() !== 'hidden';
  const thread = useThread(conversation.id);
  const { mutate: markRead } = useMarkRead(conversation.id);
  const marked = useRef(0);
  const newestOther = [...threadMessages(thread.data)].reverse().find((m) => m.fromStaff !== staff);
  const readSeq = staff ? conversation.studioReadSeq : conversation.clientReadSeq;
  const unread = conversation.unreadCount > 0 || (newestOther !== undefined && newestOther.seq > readSeq);
  const seq = newestOther?.seq ?? 0;

  useEffect(() => {
    if (!visible || !unread || seq === 0 || marked.current >= seq) return;
    marked.current = seq;
    markRead(undefined, { onError: () => (marked.current = 0) });
  }, [visible, unread, seq, markRead]);

  return visible;
}
