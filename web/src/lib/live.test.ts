import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateFor, LIVE_INVALIDATIONS } from './live';

const KEYS: QueryKey[] = [
  ['bookings', 'list', {}],
  ['bookings', 'slots', 'service-1', '2027-03-01', '2027-03-31'],
  ['projects', 'one', 'p1'],
  ['users', 'overview', 'u1'],
  ['users', 'list', 'CLIENT', ''],
  ['services', 'list', false],
  ['studio'],
];

/** A cache holding one fresh query per key above; returns the keys an event made stale. */
async function staleAfter(event: keyof typeof LIVE_INVALIDATIONS): Promise<QueryKey[]> {
  const client = new QueryClient();
  for (const key of KEYS) client.setQueryData(key, 'data');
  await invalidateFor(client, event);
  return KEYS.filter((key) => client.getQueryState(key)?.isInvalidated);
}

describe('live events', () => {
  it('a booking change refreshes bookings, their slots, projects and client overviews only', async () => {
    expect(await staleAfter('booking.updated')).toEqual(KEYS.slice(0, 4));
  });

  it('a project change refreshes bookings too (their allowed actions depend on it)', async () => {
    expect(await staleAfter('project.updated')).toEqual(KEYS.slice(0, 4));
  });

  it('an event of a module to come leaves the others alone', async () => {
    expect(await staleAfter('message.created')).toEqual([]);
  });
});
