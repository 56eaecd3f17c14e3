import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryRoots } from '../../lib/queryKeys';
import type { Service } from '../../types/api';

// The keys, and the one query the app's boot may ask before any page's code has loaded
// (app/preload.ts): apart from api.ts, so that the entry script does not take the hooks too.

export const serviceKeys = {
  all: queryRoots.services,
  list: (includeArchived: boolean) => [...queryRoots.services, 'list', includeArchived] as const,
  one: (id: string) => [...queryRoots.services, 'one', id] as const,
};

export const serviceQuery = (id: string) =>
  queryOptions({ queryKey: serviceKeys.one(id), queryFn: () => api.get<Service>(`/api/services/${encodeURIComponent(id)}`) });
