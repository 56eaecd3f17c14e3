import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCalendarEvent,
  IconCalendarOff,
  IconCamera,
  IconDashboard,
  IconInbox,
  IconLayoutKanban,
  IconMessages,
  IconPhoto,
  IconSettings,
  IconSignature,
  IconUsers,
  IconUserShield,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { StudioMark } from '../../components/StudioMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useStudio } from '../../lib/studio';
import { useAuth } from '../../lib/auth';
import { useUnreadMessageCount } from '../../features/messages/api';
import { Bell } from '../../features/notifications/Bell';
import { UnreadBadge } from './UnreadBadge';
import { UserMenu } from './UserMenu';
import { usePhone } from '../../lib/usePhone';

interface Section {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  end?: boolean;
  adminOnly?: boolean;
  /** Shows the unread messages count. */
  unread?: boolean;
}

// Only sections that work are listed; later modules add theirs here.
const SECTIONS: Section[] = [
  { to: '/pro', label: 'nav.dashboard', icon: IconDashboard, end: true },
  { to: '/pro/calendar', label: 'nav.calendar', icon: IconCalendarEvent },
  { to: '/pro/requests', label: 'nav.requests', icon: IconInbox },
  { to: '/pro/messages', label: 'nav.messages', icon: IconMessages, unread: true },
  { to: '/pro/projects', label: 'nav.projects', icon: IconLayoutKanban },
  { to: '/pro/clients', label: 'nav.clients', icon: IconUsers },
  { to: '/pro/services', label: 'nav.services', icon: IconCamera },
  { to: '/pro/contracts', label: 'nav.contracts', icon: IconSignature },
  { to: '/pro/galleries', label: 'nav.galleries', icon: IconPhoto },
  { to: '/pro/availability', label: 'nav.availability', icon: IconCalendarOff },
  { to: '/pro/users', label: 'nav.users', icon: IconUserShield, adminOnly: true },
  { to: '/pro/settings', label: 'nav.settings', icon: IconSettings, adminOnly: true },
];

export function ProfessionalLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const studio = useStudio();
  const [opened, { toggle, close }] = useDisclosure();
  // On a phone the closed menu is only moved off-screen: inert, so Tab never lands there unseen.
  const phone = usePhone();
  const location = useLocation();
  const unread = useUnreadMessageCount();
  const sections = SECTIONS.filter((s) => !s.adminOnly || user?.role === 'ADMIN');

  const isActive = (s: Section) =>
    s.end ? location.pathname === s.to : location.pathname === s.to || location.pathname.startsWith(s.to + '/');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        {/* On a 375 px phone a long studio name is cut short, never the account menu. */}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} style={{ flexShrink: 0 }} />
            <StudioMark name={studio.data?.name ?? 'Déclic'} logoUrl={studio.data?.logoUrl} size={32} />
            <Text className="studio-name" fz="xl" truncate miw={0}>
              {studio.data?.name ?? 'Déclic'}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSwitch />
            <Bell audience="staff" />
            <UserMenu profilePath="/pro/profile" />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.professionalSpace')} inert={phone && !opened}>
        <ScrollArea>
          {sections.map((s) => (
            <NavLink
              key={s.to}
              component={RouterLink}
              to={s.to}
              end={s.end}
              label={t(s.label)}
              leftSection={<s.icon size={18} />}
              rightSection={s.unread ? <UnreadBadge count={unread} /> : undefined}
              active={isActive(s)}
              onClick={close}
              style={{ borderRadius: 8 }}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
