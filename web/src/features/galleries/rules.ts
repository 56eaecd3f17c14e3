// What may be done with a gallery and its photos, and how the server's refusals read.
import { ApiError } from '../../lib/problem';
import type { Gallery } from './api';

/** The client may still mark and unmark favourites: published, open, not expired. */
export function selectionOpen(g: Gallery): boolean {
  return g.status === 'PUBLISHED' && !g.expired && g.selection.status === 'OPEN';
}

/** As many favourites as the studio allows: another one would be refused. */
export function selectionFull(g: Gallery): boolean {
  return g.selectionMax !== null && g.selection.count >= g.selectionMax;
}

function hasCode(error: ApiError, code: string): boolean {
  return error.code === code || error.errors.some((e) => e.code === code);
}

/**
 * Why a favourite or a submission was refused: sent already (409 `selection_submitted`), the
 * limit (422, field error `selection_full`), or nothing marked (422, field error `empty`).
 * Anything else (an expired gallery's 410, a network loss) is for the generic message.
 */
export type SelectionRefusal = 'submitted' | 'full' | 'empty';

export function selectionRefusal(error: unknown): SelectionRefusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 409 && hasCode(error, 'selection_submitted')) return 'submitted';
  if (error.status !== 422) return null;
  if (hasCode(error, 'selection_full')) return 'full';
  if (hasCode(error, 'empty')) return 'empty';
  return null;
}

/** The ids in their new order when `id` moves `by` places (-1: earlier); null at either end. */
export function moveBy(ids: readonly string[], id: string, by: number): string[] | null {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** A horizontal move of at least this much (and more sideways than up or down) is a swipe. */
const SWIPE_PX = 50;

/** A pointer that went from `start` to `end`: 1 (next, a swipe to the left), -1 (previous) or 0. */
export function swipeDirection(start: { x: number; y: number }, end: { x: number; y: number }): -1 | 0 | 1 {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) <= Math.abs(dy)) return 0;
  return dx < 0 ? 1 : -1;
}

/** A guest link's PIN: 4 to 8 digits, as the server takes it. */
export const PIN_PATTERN = /^\d{4,8}$/;

/**
 * Why a guest link did not open: a wrong PIN (403), locked after five wrong ones (429, for
 * Retry-After seconds), revoked, unknown or past its own expiry (404), the gallery itself
 * expired (410 `gallery_expired`), or the session no longer valid (401: the PIN again).
 * Anything else (a network loss, a 5xx) is for the generic message.
 */
export type ShareRefusal = 'wrongPin' | 'locked' | 'invalid' | 'expired' | 'session';

export function shareRefusal(error: unknown): ShareRefusal | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.status) {
    case 401:
      return 'session';
    case 403:
      return 'wrongPin';
    case 404:
      return 'invalid';
    case 410:
      return 'expired';
    case 429:
      return 'locked';
    default:
      return null;
  }
}

/** The minutes a locked link asks to wait (Retry-After, rounded up; 15 when not said). */
export function lockedMinutes(error: unknown): number {
  const seconds = error instanceof ApiError ? error.retryAfter : null;
  return seconds ? Math.max(1, Math.ceil(seconds / 60)) : 15;
}
