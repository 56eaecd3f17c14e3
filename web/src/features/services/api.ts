import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Service } from '../../types/api';
import { serviceKeys, serviceQuery } from './queries';

export { serviceKeys, serviceQuery } from './queries';

export type ServiceInput = Omit<Service, 'id' | 'active' | 'currency'> & { currency?: string; active?: boolean };

interface ServiceList {
  items: Service[];
}

export function useServices(includeArchived = false) {
  return useQuery({
    queryKey: serviceKeys.list(includeArchived),
    queryFn: async () =>
      (await api.get<ServiceList>('/api/services', { query: { includeArchived: includeArchived || undefined } })).items,
  });
}

export function useService(id: string) {
  return useQuery(serviceQuery(id));
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
