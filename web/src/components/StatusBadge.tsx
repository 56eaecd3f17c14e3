import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Status is colour + word, the same everywhere (lists, calendar, badges).
export const STATUS_COLOR: Record<string, string> = {
  PENDING: 'yellow',
  CONFIRMED: 'green',
  DECLINED: 'gray',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
  SHOT: 'cyan',
  EDITING: 'indigo',
  DELIVERED: 'violet',
  CLOSED: 'dark',
  // Contracts: a draft is grey, waiting for the client amber, signed blue, void grey.
  DRAFT: 'gray',
  SENT: 'yellow',
  SIGNED: 'blue',
  VOID: 'gray',
  // Galleries: a draft is grey (above), a published one delivered violet.
  PUBLISHED: 'violet',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}
