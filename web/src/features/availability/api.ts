import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** A working range on a weekday (1 = Monday … 7 = Sunday), "HH:MM" in the studio's zone. */
export interface WeeklyRange {
  weekday: number;
  start: string;
  end: string;
}

export interface Block {
  id: string;
  start: string;
  end: string;
  reason: string | null;
}

export interface Slot {
  start: string;
  end: string;
}

export interface Slots {
  timeZone: string;
  slots: Slot[];
}

const keys = {
  weekly: ['availability', 'weekly'] as const,
  blocks: ['availability', 'blocks'] as const,
  slots: (serviceId: string, from: string, to: string) => ['slots', serviceId, from, to] as const,
};

export function useWeekly() {
  return useQuery({ queryKey: keys.weekly, queryFn: () => api.get<WeeklyRange[]>('/api/availability/weekly') });
}

export function useSaveWeekly() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ranges: WeeklyRange[]) => api.put<WeeklyRange[]>('/api/availability/weekly', ranges),
    onSuccess: (saved) => {
      client.setQueryData(keys.weekly, saved);
      return client.invalidateQueries({ queryKey: ['slots'] });
    },
  });
}

export function useBlocks() {
  return useQuery({
    queryKey: keys.blocks,
    queryFn: async () => (await api.get<{ items: Block[] }>('/api/availability/blocks')).items,
  });
}

export function useAddBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (block: Omit<Block, 'id'>) => api.post<Block>('/api/availability/blocks', block),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: keys.blocks }), client.invalidateQueries({ queryKey: ['slots'] })]),
  });
}

export function useDeleteBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/availability/blocks/${encodeURIComponent(id)}`),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: keys.blocks }), client.invalidateQueries({ queryKey: ['slots'] })]),
  });
}

/** Free start times of a service between two days (inclusive), in the studio's zone. */
export function useSlots(serviceId: string, from: string, to: string) {
  return useQuery({
    queryKey: keys.slots(serviceId, from, to),
    queryFn: () => api.get<Slots>(`/api/services/${encodeURIComponent(serviceId)}/slots`, { query: { from, to } }),
    staleTime: 15_000,
  });
}
