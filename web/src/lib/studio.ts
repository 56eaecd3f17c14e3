import { useQuery } from '@tanstack/react-query';
import type { Studio } from '../types/api';
import { api } from './api';
import { DEFAULT_TIME_ZONE } from './format';
import { queryRoots } from './queryKeys';

/** The studio's public identity; needed before sign-in (name, time zone, currency). */
export function useStudio() {
  return useQuery({
    queryKey: queryRoots.studio,
    queryFn: () => api.get<Studio>('/api/studio'),
    staleTime: 5 * 60_000,
  });
}

/** The studio's IANA time zone, in which every time is shown (Paris until it has loaded). */
export function useStudioTimeZone(): string {
  return useStudio().data?.timeZone ?? DEFAULT_TIME_ZONE;
}
