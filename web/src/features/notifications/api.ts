import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../lib/api';
import { queryRoots } from '../../lib/queryKeys';

export type NotificationKind = 'messages' | 'bookings' | 'projects';

export type NotificationType =
  | 'booking.requested'
  | 'booking.confirmed'
  | 'booking.declined'
  | 'booking.cancelled'
  | 'booking.rescheduled'
  | 'booking.expired'
  | 'project.status_changed'
  | 'message.created'
  | 'contract.sent'
  | 'contract.signed'
  | 'contract.countersigned';

/** One line of the bell; `data` holds what its sentence and link need (see text.ts). */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  type: NotificationType | string;
  /** The booking, project or conversation. */
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  nextCursor: string | null;
  unreadCount: number;
}

export type MailMode = 'instant' | 'digest' | 'off';
export type NotificationPreferences = Record<NotificationKind, MailMode>;

export const NOTIFICATION_KINDS: NotificationKind[] = ['messages', 'bookings', 'projects'];
export const MAIL_MODES: MailMode[] = ['instant', 'digest', 'off'];

export const notificationKeys = {
  list: [...queryRoots.notifications, 'list'] as const,
  preferences: queryRoots.notificationPreferences,
};

type Pages = InfiniteData<NotificationPage, string | null>;

/** The bell's list, newest first, with the unread count (the first page's). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) => api.get<NotificationPage>('/api/notifications', { query: { limit: 20, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type ReadRequest = { ids: string[] } | { all: true };

/** Marks notifications read, at once on screen (the server confirms by the refetch). */
export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ReadRequest) => api.post<void>('/api/notifications/read', request),
    onMutate: async (request) => {
      await client.cancelQueries({ queryKey: notificationKeys.list });
      const now = new Date().toISOString();
      const hit = (n: AppNotification) => !n.readAt && ('all' in request || request.ids.includes(n.id));
      client.setQueryData<Pages>(notificationKeys.list, (data) => {
        if (!data) return data;
        const newlyRead = data.pages.reduce((sum, p) => sum + p.items.filter(hit).length, 0);
        return {
          ...data,
          pages: data.pages.map((p, i) => ({
            ...p,
            unreadCount: i === 0 ? ('all' in request ? 0 : Math.max(0, p.unreadCount - newlyRead)) : p.unreadCount,
            items: p.items.map((n) => (hit(n) ? { ...n, readAt: now } : n)),
          })),
        };
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

/**
 * While `subjectId` (a conversation, a project…) is on screen, its unread notifications are
 * marked read: also those that arrive while it stays open.
 */
export function useReadNotificationsAbout(subjectId: string | null) {
  const list = useNotifications();
  const { mutate } = useMarkNotificationsRead();
  const ids = subjectId
    ? (list.data?.pages ?? []).flatMap((p) => p.items).filter((n) => !n.readAt && n.subjectId === subjectId).map((n) => n.id)
    : [];
  const key = ids.join(',');
  useEffect(() => {
    if (key) mutate({ ids: key.split(',') });
  }, [key, mutate]);
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api.get<NotificationPreferences>('/api/me/notification-preferences'),
  });
}

/** Saves one choice (any subset is accepted); shown at once, put back if refused. */
export function useUpdateNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<NotificationPreferences>) => api.put<NotificationPreferences>('/api/me/notification-preferences', change),
    onMutate: async (change) => {
      await client.cancelQueries({ queryKey: notificationKeys.preferences });
      const before = client.getQueryData<NotificationPreferences>(notificationKeys.preferences);
      if (before) client.setQueryData(notificationKeys.preferences, { ...before, ...change });
      return { before };
    },
    onError: (_e, _change, context) => context?.before && client.setQueryData(notificationKeys.preferences, context.before),
    onSuccess: (saved) => client.setQueryData(notificationKeys.preferences, saved),
  });
}
