import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { AuthProvider, useAuth } from '../lib/auth';
import { useLiveConnection } from '../lib/live';
import { queryClient } from '../lib/queryClient';
import { useStudioAccent } from '../lib/studio';
import { DatesLocale } from './DatesLocale';
import { AppRoutes } from './router';
import { cssVariablesResolver, themeFor } from './theme';

/** The tab's live connection, open while someone is signed in. */
function LiveUpdates() {
  const { user } = useAuth();
  useLiveConnection(user?.id ?? null);
  return null;
}

/** Mantine, in the studio's accent colour (settings) once known. */
function StudioTheme({ children }: { children: React.ReactNode }) {
  const accent = useStudioAccent();
  const theme = useMemo(() => themeFor(accent), [accent]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {children}
    </MantineProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <StudioTheme>
        <DatesLocale>
          <Notifications position="top-right" limit={3} />
          <AuthProvider>
            <LiveUpdates />
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </AuthProvider>
        </DatesLocale>
      </StudioTheme>
    </QueryClientProvider>
  );
}
