import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { StudioMark } from '../../components/StudioMark';
import { homePath, useAuth } from '../../lib/auth';
import { useStudio } from '../../lib/studio';

/**
 * The studio's public pages (its page, a service's booking link): the studio's mark and name,
 * the language, and the way in — "Se connecter", back to the page after it, or for someone
 * signed in, their own space.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const studio = useStudio();
  const { pathname } = useLocation();
  const name = studio.data?.name ?? 'Déclic';
  const onStudioPage = pathname === '/' || pathname === '/studio';
  const login = onStudioPage ? '/login' : `/login?next=${encodeURIComponent(pathname)}`;

  return (
    <Box mih="100vh">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Box component="header" className="public-header">
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={user ? '/studio' : '/'} c="inherit" underline="never" miw={0}>
              <Group gap="sm" wrap="nowrap" miw={0}>
                <StudioMark name={name} logoUrl={studio.data?.logoUrl} size={36} />
                <Text component="span" className="studio-name" fz="xl" truncate>
                  {name}
                </Text>
              </Group>
            </Anchor>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <LanguageSwitch />
              {user ? (
                <Button component={Link} to={homePath(user)} variant="default">
                  {t('public.mySpace')}
                </Button>
              ) : (
                <Button component={Link} to={login} variant="default">
                  {t('auth.loginSubmit')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="md" component="main" id="main" py="xl">
        {children}
      </Container>
    </Box>
  );
}
