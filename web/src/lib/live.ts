import type { QueryClient } from '@tanstack/react-query';
import { invalidateRoots, type QueryRoot } from './queryKeys';

/**
 * The events the server announces and the cached data each one makes stale. A booking and
 * its project move together, and what may be done with a booking (`actions`) depends on its
 * project's progress, so each refreshes the other; a client's overview shows both.
 */
export const LIVE_INVALIDATIONS = {
  'booking.updated': ['bookings', 'projects', 'userOverviews'],
  'project.updated': ['projects', 'bookings', 'userOverviews'],
  'message.created': ['messages'],
  'message.read': ['messages'],
  notification: ['notifications'],
  'contract.updated': ['contracts'],
  'gallery.published': ['galleries'],
} as const satisfies Record<string, readonly QueryRoot[]>;

export type LiveEvent = keyof typeof LIVE_INVALIDATIONS;

/** Refreshes what an event changed: the same call for a server push and for our own mutations. */
export function invalidateFor(client: QueryClient, event: LiveEvent): Promise<void> {
  return invalidateRoots(client, LIVE_INVALIDATIONS[event]);
}
