import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The number of unread messages next to "Messages" (nothing when none); read out as words. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <>
      <Badge size="sm" variant="filled" circle={count < 10} aria-hidden data-testid="messages-unread">
        {count > 99 ? '99+' : count}
      </Badge>
      <VisuallyHidden>{t('messages.unreadCount', { count })}</VisuallyHidden>
    </>
  );
}
