import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateRoots, queryRoots } from '../../lib/queryKeys';

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

export const availabilityKeys = {
  weekly: queryRoots.workingHours,
  blocks: [...queryRoots.availability, 'blocks'] as const,
};

export function useWeekly() {
  return useQuery({ queryKey: availabilityKeys.weekly, queryFn: () => api.get<WeeklyRange[]>('/api/availability/weekly') });
}

export function useSaveWeekly() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ranges: WeeklyRange[]) => api.put<WeeklyRange[]>('/api/availability/weekly', ranges),
    onSuccess: (saved) => {
      client.setQueryData(availabilityKeys.weekly, saved);
      return invalidateRoots(client, ['slots']); // hours decide the free slots
    },
  });
}

export function useBlocks() {
  return useQuery({
    queryKey: availabilityKeys.blocks,
    queryFn: async () => (await api.get<{ items: Block[] }>('/api/availability/blocks')).items,
  });
}

/** Blocks decide the free slots too: both are fetched again. */
function useBlocksChanged() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: availabilityKeys.blocks }), invalidateRoots(client, ['slots'])]);
}

export function useAddBlock() {
  const changed = useBlocksChanged();
  return useMutation({
    mutationFn: (block: Omit<Block, 'id'>) => api.post<Block>('/api/availability/blocks', block),
    onSuccess: changed,
  });
}

export function useDeleteBlock() {
  const changed = useBlocksChanged();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/availability/blocks/${encodeURIComponent(id)}`),
    onSuccess: changed,
  });
}
