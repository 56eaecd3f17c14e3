import type { QueryClient } from '@tanstack/react-query';

/**
 * Where every cached query's key starts: one root per server module, plus the sub-keys
 * that other features refresh. A feature builds its own keys under its root; code outside
 * that feature names its data only through this registry, never with literal arrays.
 */
export const queryRoots = {
  studio: ['studio'],
  settings: ['settings'],
  users: ['users'],
  userOverviews: ['users', 'overview'],
  services: ['services'],
  availability: ['availability'],
  // The working hours, which the agenda shades around too.
  workingHours: ['availability', 'weekly'],
  bookings: ['bookings'],
  slots: ['bookings', 'slots'],
  projects: ['projects'],
  // Messaging: the conversation lists and each one's summary (unread counts, read receipts)…
  conversations: ['conversations'],
  // …the messages of each thread…
  messages: ['messages'],
  // …which conversation is a client's (a get-or-create answer, never stale)…
  conversationIds: ['conversationIds'],
  // …and the studio's saved replies.
  savedReplies: ['savedReplies'],
  // The bell, and what each user wants mailed.
  notifications: ['notifications'],
  notificationPreferences: ['notificationPreferences'],
  // Contracts (refreshed by the live `contract.updated`), and the templates they start from
  // (a root of their own: a contract's event does not change them).
  contracts: ['contracts'],
  contractTemplates: ['contractTemplates'],
  // Galleries: lists, each gallery, its photos, selection, download log and the studio's
  // storage (refreshed by the live `gallery.published` and `gallery.updated`).
  galleries: ['galleries'],
} as const;

export type QueryRoot = keyof typeof queryRoots;

/** Marks every query under these roots stale; the ones on screen fetch again. */
export async function invalidateRoots(client: QueryClient, roots: readonly QueryRoot[]): Promise<void> {
  await Promise.all(roots.map((root) => client.invalidateQueries({ queryKey: queryRoots[root] })));
}
