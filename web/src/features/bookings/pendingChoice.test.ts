import { describe, expect, it } from 'vitest';
import { PENDING_KEY, PENDING_TTL_MS, pendingChoice } from './pendingChoice';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const choice = { serviceId: 's1', serviceName: 'Portrait', start: '2027-03-02T09:00:00Z', end: '2027-03-02T10:00:00Z', key: 'k1' };
const t0 = 1_800_000_000_000;

describe('the time a visitor chose, kept while they sign up', () => {
  it('comes back as saved, for its service only', () => {
    const store = memoryStore();
    pendingChoice.save({ ...choice, notes: 'Avec mon chien' }, store, t0);
    expect(pendingChoice.get('s1', store, t0 + 60_000)).toEqual({ ...choice, notes: 'Avec mon chien', savedAt: t0 });
    expect(pendingChoice.get(undefined, store, t0 + 60_000)?.serviceId).toBe('s1');
    expect(pendingChoice.get('s2', store, t0 + 60_000)).toBeNull();
    // Another service's page leaves it be.
    expect(store.map.has(PENDING_KEY)).toBe(true);
  });

  it('is forgotten after half an hour, and removed', () => {
    const store = memoryStore();
    pendingChoice.save(choice, store, t0);
    expect(pendingChoice.get('s1', store, t0 + PENDING_TTL_MS)).not.toBeNull();
    expect(pendingChoice.get('s1', store, t0 + PENDING_TTL_MS + 1)).toBeNull();
    expect(store.map.has(PENDING_KEY)).toBe(false);
  });

  it('drops what it cannot read, or what says it was saved in the future', () => {
    const store = memoryStore();
    store.setItem(PENDING_KEY, '{not json');
    expect(pendingChoice.get('s1', store, t0)).toBeNull();
    expect(store.map.has(PENDING_KEY)).toBe(false);
    store.setItem(PENDING_KEY, JSON.stringify({ serviceId: 's1' }));
    expect(pendingChoice.get('s1', store, t0)).toBeNull();
    pendingChoice.save(choice, store, t0 + 3_600_000);
    expect(pendingChoice.get('s1', store, t0)).toBeNull();
  });

  it('is cleared once booked, and works without any storage at all', () => {
    const store = memoryStore();
    pendingChoice.save(choice, store, t0);
    pendingChoice.clear(store);
    expect(pendingChoice.get('s1', store, t0)).toBeNull();
    expect(() => pendingChoice.save(choice, null)).not.toThrow();
    expect(pendingChoice.get('s1', null)).toBeNull();
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(() => pendingChoice.save(choice, refusing)).not.toThrow();
    expect(pendingChoice.get('s1', refusing)).toBeNull();
  });
});
