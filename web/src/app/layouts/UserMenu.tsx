import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { toastSuccess } from '../../lib/toast';

export function UserMenu({ profilePath }: { profilePath: string }) {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  if (!user) return null;

  const leave = async () => {
    await signOut().catch(() => undefined); // the space's guard then shows the sign-in page
    toastSuccess(t('auth.signedOut'));
  };

  return (
    // No focus placeholder (an unnamed focusable div among the items): the first item gets the focus.
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        {/* Named by what it shows (the first name) and what it is: an aria-label would hide
            the visible name from speech control ("click Paul"). */}
        <UnstyledButton data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <Avatar radius="xl" size={32} color="brand" aria-hidden>
              {user.firstName.charAt(0).toUpperCase()}
              {user.lastName.charAt(0).toUpperCase()}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {user.firstName}
            </Text>
            <VisuallyHidden>{t('nav.account')}</VisuallyHidden>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to={profilePath} leftSection={<IconUser size={16} />}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item onClick={leave} leftSection={<IconLogout size={16} />}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
