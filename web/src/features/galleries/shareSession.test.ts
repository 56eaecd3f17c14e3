import { afterEach, describe, expect, it, vi } from 'vitest';
import { shareSession } from './shareSession';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('a guest’s session', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is kept for the tab, by link, and forgotten', () => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    expect(shareSession.get('a')).toBeNull();
    shareSession.set('a', 'session-a');
    shareSession.set('b', 'session-b');
    expect(shareSession.get('a')).toBe('session-a');
    expect(shareSession.get('b')).toBe('session-b');
    shareSession.forget('a');
    expect(shareSession.get('a')).toBeNull();
    expect(shareSession.get('b')).toBe('session-b');
  });

  it('without storage (refused, or none): nothing kept, nothing thrown', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => shareSession.set('a', 's')).not.toThrow();
    expect(shareSession.get('a')).toBeNull();
    expect(() => shareSession.forget('a')).not.toThrow();
  });
});
