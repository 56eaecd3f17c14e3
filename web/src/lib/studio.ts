import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Studio } from '../types/api';
import { api } from './api';
import { DEFAULT_TIME_ZONE } from './format';
import { queryRoots } from './queryKeys';

/** The studio's public identity; needed before sign-in (name, time zone, currency). */
export const studioQuery = queryOptions({
  queryKey: queryRoots.studio,
  queryFn: () => api.get<Studio>('/api/studio'),
  staleTime: 5 * 60_000,
});

export function useStudio() {
  return useQuery(studioQuery);
}

const ACCENT_KEY = 'declic.accent';

/**
 * The studio's accent colour: as last seen on this browser until the studio's answer arrives
 * (no flash of the default colour at each page load), then the studio's.
 */
export function useStudioAccent(): string | null {
  const studio = useStudio();
  const accent = studio.data ? (studio.data.accentColor ?? null) : undefined;
  useEffect(() => {
    if (accent === undefined) return;
    try {
      if (accent) localStorage.setItem(ACCENT_KEY, accent);
      else localStorage.removeItem(ACCENT_KEY);
    } catch {
      // No storage: the default colour shows until the studio has answered.
    }
  }, [accent]);
  if (accent !== undefined) return accent;
  try {
    return localStorage.getItem(ACCENT_KEY);
  } catch {
    return null;
  }
}

/** The studio's IANA time zone, in which every time is shown (Paris until it has loaded). */
export function useStudioTimeZone(): string {
  return useStudio().data?.timeZone ?? DEFAULT_TIME_ZONE;
}
