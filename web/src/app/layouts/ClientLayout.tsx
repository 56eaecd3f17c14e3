import { AppShell, Container, Group, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useStudio } from '../../features/studio/api';
import { UserMenu } from './UserMenu';

// Only sections that work are listed; later modules add theirs here.
const TABS = [
  { to: '/client', label: 'nav.home' },
  { to: '/client/book', label: 'nav.book' },
  { to: '/client/bookings', label: 'nav.myBookings' },
  { to: '/client/projects', label: 'nav.myProjects' },
  { to: '/client/profile', label: 'nav.profile' },
];

/** The client space: the studio's name, a few tabs, and room for the content. */
export function ClientLayout() {
  const { t } = useTranslation();
  const studio = useStudio();
  const location = useLocation();
  const navigate = useNavigate();
  const active = [...TABS].reverse().find((tab) => location.pathname.startsWith(tab.to))?.to ?? '/client';
  // Five tabs do not fit a 375 px phone: the list scrolls sideways instead of wrapping.

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
              <UserMenu profilePath="/client/profile" />
            </Group>
          </Group>
          <Tabs value={active} onChange={(v) => v && navigate(v)} aria-label={t('nav.clientSpace')}>
            <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', scrollbarWidth: 'none' }}>
              {TABS.map((tab) => (
                <Tabs.Tab key={tab.to} value={tab.to}>
                  {t(tab.label)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
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
