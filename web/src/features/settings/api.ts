import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryRoots } from '../../lib/queryKeys';
import type { Studio } from '../../types/api';

export interface Settings {
  studioName: string;
  timeZone: string;
  currency: string;
  locale: string;
  slotStepMinutes: number;
}

export const settingsKeys = {
  all: queryRoots.settings,
};

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.all, queryFn: () => api.get<Settings>('/api/settings') });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (s: Settings) => api.put<Settings>('/api/settings', s),
    onSuccess: (s) => {
      client.setQueryData(settingsKeys.all, s);
      // GET /api/studio may be cached by the browser for a minute: use what was just saved.
      client.setQueryData<Studio>(queryRoots.studio, { name: s.studioName, timeZone: s.timeZone, currency: s.currency, locale: s.locale });
    },
  });
}
