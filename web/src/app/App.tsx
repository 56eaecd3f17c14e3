import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AuthProvider, useAuth } from '../lib/auth';
import { useLiveConnection } from '../lib/live';
import { queryClient } from '../lib/queryClient';
import { AppRoutes } from './router';
import { cssVariablesResolver, theme } from './theme';

/** The tab's live connection, open while someone is signed in. */
function LiveUpdates() {
  const { user } = useAuth();
  useLiveConnection(user?.id ?? null);
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" limit={3} />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <LiveUpdates />
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
