import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../types/api';

/** Colour and word: active green, invitation pending amber, disabled grey. */
export function UserStatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.disabled) return <Badge color="gray" variant="light">{t('clients.statusDisabled')}</Badge>;
  if (user.invitationPending) return <Badge color="yellow" variant="light">{t('clients.statusInvited')}</Badge>;
  return <Badge color="green" variant="light">{t('clients.statusActive')}</Badge>;
}
