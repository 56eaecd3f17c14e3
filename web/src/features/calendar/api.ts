import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** Whether the professional has a private feed, and since when; its address is shown once. */
export interface FeedState {
  active: boolean;
  createdAt: string | null;
}

export interface NewFeed {
  url: string;
  createdAt: string;
}

const feedKey = ['calendar-feed'] as const;

export function useCalendarFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => api.get<FeedState>('/api/calendar-feed') });
}

/** A new address; the previous one stops working at once. */
export function useRenewFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<NewFeed>('/api/calendar-feed'),
    onSuccess: (feed) => client.setQueryData<FeedState>(feedKey, { active: true, createdAt: feed.createdAt }),
  });
}

export function useRevokeFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/calendar-feed'),
    onSuccess: () => client.setQueryData<FeedState>(feedKey, { active: false, createdAt: null }),
  });
}
