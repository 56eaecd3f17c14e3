import { AppShell, Box, Container, Group, Text } from '@mantine/core';
import { IconCalendarCheck, IconCalendarPlus, IconHome, IconLayoutKanban, IconMessages, IconPhoto, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { StudioMark } from '../../components/StudioMark';
import { useStudio } from '../../lib/studio';
import { useUnreadMessageCount } from '../../features/messages/api';
import { Bell } from '../../features/notifications/Bell';
import { UnreadBadge } from './UnreadBadge';
import { UserMenu } from './UserMenu';

interface Section {
  to: string;
  /** The tab's label on a wide screen. */
  label: string;
  /** The phone's bottom bar: a short label under an icon. */
  short: string;
  icon: typeof IconHome;
  /** Shows the unread messages count. */
  unread?: boolean;
  /** Left out of the phone's bottom bar (reached through the account menu there). */
  notInBar?: boolean;
}

// Only sections that work are listed; later modules add theirs here.
const SECTIONS: Section[] = [
  { to: '/client', label: 'nav.home', short: 'nav.short.home', icon: IconHome },
  { to: '/client/book', label: 'nav.book', short: 'nav.short.book', icon: IconCalendarPlus },
  { to: '/client/bookings', label: 'nav.myBookings', short: 'nav.short.bookings', icon: IconCalendarCheck },
  { to: '/client/projects', label: 'nav.myProjects', short: 'nav.short.projects', icon: IconLayoutKanban },
  { to: '/client/galleries', label: 'nav.myGalleries', short: 'nav.short.galleries', icon: IconPhoto },
  { to: '/client/messages', label: 'nav.messages', short: 'nav.short.messages', icon: IconMessages, unread: true },
  // On a phone the profile is in the account menu (top right): seven labels would not fit 375 px whole.
  { to: '/client/profile', label: 'nav.profile', short: 'nav.short.profile', icon: IconUser, notInBar: true },
];
const BAR = SECTIONS.filter((s) => !s.notInBar);

// The phone's bottom bar, above the home indicator of phones that have one (global.css).
const BOTTOM_BAR = 'calc(3.75rem + env(safe-area-inset-bottom, 0rem))';

/**
 * The client space: the studio's name, its sections, and room for the content. From `sm` up
 * the sections are tabs under the name; on a phone they are a bar at the bottom of the screen
 * (six tabs do not fit a 375 px header), always in view, nothing to scroll sideways to; the
 * profile is then in the account menu.
 */
export function ClientLayout() {
  const { t } = useTranslation();
  const studio = useStudio();
  const unread = useUnreadMessageCount();

  return (
    <AppShell header={{ height: { base: 60, sm: 108 } }} footer={{ height: { base: BOTTOM_BAR, sm: 0 } }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="md" h="100%">
          <Group h={60} justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <StudioMark name={studio.data?.name ?? 'Déclic'} logoUrl={studio.data?.logoUrl} size={32} />
              <Text className="studio-name" fz="xl" truncate miw={0}>
                {studio.data?.name ?? 'Déclic'}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              <LanguageSwitch />
              <Bell audience="client" />
              <UserMenu profilePath="/client/profile" />
            </Group>
          </Group>
          <Box component="nav" className="client-nav" visibleFrom="sm" aria-label={t('nav.clientSpace')}>
            {SECTIONS.map((s) => (
              <NavLink key={s.to} to={s.to} end={s.to === '/client'}>
                {/* A tablet takes the short labels: seven long ones overflow 820 px in French. */}
                <Box component="span" visibleFrom="md">
                  {t(s.label)}
                </Box>
                <Box component="span" hiddenFrom="md">
                  {t(s.short)}
                </Box>
                {s.unread && unread > 0 && (
                  <Box component="span" ml={6}>
                    <UnreadBadge count={unread} />
                  </Box>
                )}
              </NavLink>
            ))}
          </Box>
        </Container>
      </AppShell.Header>
      {/* Before the content, as the tabs are on a wide screen: the skip link passes both. */}
      <AppShell.Footer
        className="client-tabbar"
        hiddenFrom="sm"
        aria-label={t('nav.clientSpace')}
        renderRoot={(props) => <nav {...props} />}
      >
        {BAR.map((s) => (
          <NavLink key={s.to} to={s.to} end={s.to === '/client'} className="client-tabbar-item">
            <span className="client-tabbar-icon">
              <s.icon size={22} stroke={1.75} aria-hidden />
            </span>
            <span className="client-tabbar-label" data-label={t(s.short)}>
              {t(s.short)}
            </span>
            {s.unread && unread > 0 && (
              <span className="client-tabbar-badge">
                <UnreadBadge count={unread} />
              </span>
            )}
          </NavLink>
        ))}
      </AppShell.Footer>
      <AppShell.Main id="main">
        <Container size="md" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
