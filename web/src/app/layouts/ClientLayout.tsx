import { AppShell, Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useStudio } from '../../lib/studio';
import { useUnreadMessageCount } from '../../features/messages/api';
import { Bell } from '../../features/notifications/Bell';
import { UnreadBadge } from './UnreadBadge';
import { UserMenu } from './UserMenu';

// Only sections that work are listed; later modules add theirs here.
const TABS: { to: string; label: string; unread?: boolean }[] = [
  { to: '/client', label: 'nav.home' },
  { to: '/client/book', label: 'nav.book' },
  { to: '/client/bookings', label: 'nav.myBookings' },
  { to: '/client/projects', label: 'nav.myProjects' },
  { to: '/client/messages', label: 'nav.messages', unread: true },
  { to: '/client/profile', label: 'nav.profile' },
];

/** The client space: the studio's name, a few sections as links, and room for the content. */
export function ClientLayout() {
  const { t } = useTranslation();
  const studio = useStudio();
  const unread = useUnreadMessageCount();

  return (
    <AppShell header={{ height: 108 }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="md" h="100%">
          <Group h={60} justify="space-between" wrap="nowrap">
            <Text className="studio-name" fz="xl" truncate>
              {studio.data?.name ?? 'Déclic'}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Bell audience="client" />
              <UserMenu profilePath="/client/profile" />
            </Group>
          </Group>
          <nav className="client-nav" aria-label={t('nav.clientSpace')}>
            {TABS.map((tab) => (
              <NavLink key={tab.to} to={tab.to} end={tab.to === '/client'}>
                {t(tab.label)}
                {tab.unread && unread > 0 && (
                  <Box component="span" ml={6}>
                    <UnreadBadge count={unread} />
                  </Box>
                )}
              </NavLink>
            ))}
          </nav>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="md" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
