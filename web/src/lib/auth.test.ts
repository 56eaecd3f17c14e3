import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../types/api';
import { ApiClient } from './api';
import { keepPickedLanguage } from './auth';
import i18n, { pickLanguage, takePickedLanguage } from './i18n';

/** A Storage in memory (node has none). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

const marie: User = { id: 'u1', email: 'marie@example.com', role: 'CLIENT', firstName: 'Marie', lastName: 'Curie', phone: null, locale: 'fr', createdAt: '2027-01-01T00:00:00Z' };

/** An API whose PATCH /api/me answers the profile with the locale sent (or fails). */
function meApi(fail = false) {
  const fetch = vi.fn(async (_url: string, init: RequestInit = {}) => {
    if (fail) return new Response(JSON.stringify({ status: 503 }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } });
    return new Response(JSON.stringify({ ...marie, ...JSON.parse(String(init.body)) }), { headers: { 'Content-Type': 'application/json' } });
  });
  return { fetch, client: new ApiClient({ fetch }) };
}

describe('the language at sign-in', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
    vi.stubGlobal('sessionStorage', memoryStorage());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('English picked on the sign-in page stays, and the account takes it', async () => {
    pickLanguage('en');
    expect(i18n.language).toBe('en');
    const { fetch, client } = meApi();
    const user = await keepPickedLanguage(marie, takePickedLanguage(), client);
    expect(user.locale).toBe('en');
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0];
    expect([url, init?.method, init?.body]).toEqual(['/api/me', 'PATCH', '{"locale":"en"}']);
    expect(takePickedLanguage()).toBeNull(); // asked once: a later sign-in follows the account
  });

  it("without a pick (or the account's own language), the account's language applies, unsaved", async () => {
    const { fetch, client } = meApi();
    await expect(keepPickedLanguage(marie, takePickedLanguage(), client)).resolves.toBe(marie);
    pickLanguage('fr');
    await expect(keepPickedLanguage(marie, takePickedLanguage(), client)).resolves.toBe(marie);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a failed save keeps the pick on screen', async () => {
    const { client } = meApi(true);
    await expect(keepPickedLanguage(marie, 'en', client)).resolves.toMatchObject({ locale: 'en' });
  });
});
