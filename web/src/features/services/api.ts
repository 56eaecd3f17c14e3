import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Service {
  id: string;
  name: string;
  description: string | null;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  depositCents: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeHours: number;
  category: string | null;
  active: boolean;
}

export type ServiceInput = Omit<Service, 'id' | 'active' | 'currency'> & { currency?: string; active?: boolean };

interface ServiceList {
  items: Service[];
}

export const serviceKeys = {
  all: ['services'] as const,
  list: (includeArchived: boolean) => ['services', 'list', includeArchived] as const,
  one: (id: string) => ['services', 'one', id] as const,
};

export function useServices(includeArchived = false) {
  return useQuery({
    queryKey: serviceKeys.list(includeArchived),
    queryFn: async () =>
      (await api.get<ServiceList>('/api/services', { query: { includeArchived: includeArchived || undefined } })).items,
  });
}

export function useService(id: string) {
  return useQuery({ queryKey: serviceKeys.one(id), queryFn: () => api.get<Service>(`/api/services/${encodeURIComponent(id)}`) });
}

export function useSaveService(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ServiceInput>) =>
      id ? api.patch<Service>(`/api/services/${encodeURIComponent(id)}`, input) : api.post<Service>('/api/services', input),
    onSuccess: () => client.invalidateQueries({ queryKey: serviceKeys.all }),
  });
}

export function useArchiveService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/services/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: serviceKeys.all }),
  });
}
