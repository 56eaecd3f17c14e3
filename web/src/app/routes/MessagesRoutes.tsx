import { useState } from 'react';
import { ClientMessagesPage, InboxPage } from '../../features/messages/MessagesPages';
import { useReadNotificationsAbout } from '../../features/notifications/api';

/** The conversation on screen, whose bell notifications are then read too. */
function useViewing() {
  const [viewing, setViewing] = useState<string | null>(null);
  useReadNotificationsAbout(viewing);
  return setViewing;
}

/** Staff: the inbox (/pro/messages, /pro/messages/:conversationId). */
export function StaffMessagesRoute() {
  const onViewing = useViewing();
  return <InboxPage onViewing={onViewing} />;
}

/** A client: their conversation with the studio (/client/messages). */
export function ClientMessagesRoute() {
  const onViewing = useViewing();
  return <ClientMessagesPage onViewing={onViewing} />;
}
