import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Studio {
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
}

/** The studio's public identity; needed before sign-in (name, time zone, currency). */
export function useStudio() {
  return useQuery({
    queryKey: ['studio'],
    queryFn: () => api.get<Studio>('/api/studio'),
    staleTime: 5 * 60_000,
  });
}
