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
  /** Clients cannot book further ahead than this (1–60). */
  bookingHorizonMonths: number;
  /** PENDING requests a client may have at once (1–20); staff booking for a client are exempt. */
  maxOpenRequestsPerClient: number;
  /** A request not confirmed within this time becomes EXPIRED and frees its time (1–720). */
  requestExpiryHours: number;
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
