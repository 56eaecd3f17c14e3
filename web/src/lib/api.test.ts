import { describe, expect, it, vi } from 'vitest';
import { ApiClient, filenameOf, type SessionHint, type XhrLike } from './api';
import { ApiError, NetworkError } from './problem';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/** A scripted server: each handler answers one call, in order. */
function scripted(...handlers: ((call: Call) => Response | Promise<Response>)[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const call = { url, init };
    calls.push(call);
    const handler = handlers.shift();
    if (!handler) throw new Error(`unexpected call ${init.method} ${url}`);
    return handler(call);
  });
  return { fetch, calls };
}

const authHeader = (c: Call) => (c.init.headers as Record<string, string>).Authorization;

describe('ApiClient', () => {
  it('fetches a file with the name its Content-Disposition suggests, after a refresh too', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    const server = scripted(
      () => json(401, { status: 401, code: 'unauthorized' }),
      () => json(200, { accessToken: 't2' }),
      (c) => {
        expect(authHeader(c)).toBe('Bearer t2');
        return new Response(ics, {
          headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="seance-2027-03-29.ics"; filename*=UTF-8''s%C3%A9ance-2027-03-29.ics` },
        });
      },
    );
    const client = new ApiClient({ fetch: server.fetch });
    client.setAccessToken('expired');
    const file = await client.file('/api/bookings/b1/ics');
    expect(file.filename).toBe('séance-2027-03-29.ics');
    expect(await file.blob.text()).toBe(ics);
    await expect(new ApiClient({ fetch: scripted(() => json(404, { status: 404, code: 'not_found' })).fetch }).file('/x')).rejects.toBeInstanceOf(ApiError);
  });

  it('reads file names from Content-Disposition', () => {
    expect(filenameOf('attachment; filename="a b.ics"')).toBe('a b.ics');
    expect(filenameOf('attachment; filename=plain.ics')).toBe('plain.ics');
    expect(filenameOf("attachment; filename=\"x\"; filename*=UTF-8''%E2%82%AC.ics")).toBe('€.ics');
    expect(filenameOf("attachment; filename=\"fallback.ics\"; filename*=UTF-8''%E2%82")).toBe('fallback.ics');
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf('inline')).toBeNull();
  });

  it('sends the access token and JSON body, and decodes the reply', async () => {
    const server = scripted(() => json(200, { ok: true }));
    const client = new ApiClient({ fetch: server.fetch });
    client.setAccessToken('t1');
    await expect(client.post('/api/things', { a: 1 }, { query: { q: 'x y', empty: '' } })).resolves.toEqual({ ok: true });
    const [call] = server.calls;
    expect(call.url).toBe('/api/things?q=x+y');
    expect(authHeader(call)).toBe('Bearer t1');
    expect(call.init.body).toBe('{"a":1}');
    expect((call.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('refreshes once on 401 and retries the request with the new token', async () => {
    const server = scripted(
      () => json(401, { status: 401, code: 'unauthorized' }),
      (c) => {
        expect(c.url).toBe('/api/auth/refresh');
        expect(c.init.method).toBe('POST');
        expect(c.init.credentials).toBe('same-origin');
        return json(200, { accessToken: 't2' });
      },
      (c) => {
        expect(authHeader(c)).toBe('Bearer t2');
        return json(200, { id: 'me' });
      },
    );
    const lost = vi.fn();
    const client = new ApiClient({ fetch: server.fetch, onSessionLost: lost });
    client.setAccessToken('expired');
    await expect(client.get('/api/me')).resolves.toEqual({ id: 'me' });
    expect(server.fetch).toHaveBeenCalledTimes(3);
    expect(client.accessToken).toBe('t2');
    expect(lost).not.toHaveBeenCalled();
  });

  it('retries only once: a second 401 is an error, not a loop', async () => {
    const server = scripted(
      () => json(401, { status: 401 }),
      () => json(200, { accessToken: 't2' }),
      () => json(401, { status: 401, code: 'unauthorized' }),
    );
    const client = new ApiClient({ fetch: server.fetch });
    client.setAccessToken('t1');
    await expect(client.get('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(server.fetch).toHaveBeenCalledTimes(3);
  });

  it('reports a lost session when the refresh is refused', async () => {
    const server = scripted(
      () => json(401, { status: 401 }),
      () => json(401, { status: 401 }),
    );
    const lost = vi.fn();
    const client = new ApiClient({ fetch: server.fetch, onSessionLost: lost });
    client.setAccessToken('t1');
    await expect(client.get('/api/me')).rejects.toBeInstanceOf(ApiError);
    expect(lost).toHaveBeenCalledOnce();
    expect(client.accessToken).toBeNull();
  });

  it('shares one refresh between concurrent 401s (the server rotates the cookie)', async () => {
    let refreshes = 0;
    const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === '/api/auth/refresh') {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { accessToken: 'fresh' });
      }
      const token = (init.headers as Record<string, string>).Authorization;
      return token === 'Bearer fresh' ? json(200, { url }) : json(401, { status: 401 });
    });
    const client = new ApiClient({ fetch });
    client.setAccessToken('stale');
    const results = await Promise.all([client.get('/api/a'), client.get('/api/b'), client.get('/api/c')]);
    expect(results).toEqual([{ url: '/api/a' }, { url: '/api/b' }, { url: '/api/c' }]);
    expect(refreshes).toBe(1);
  });

  it('does not refresh for sign-in failures or anonymous calls', async () => {
    const server = scripted(
      () => json(401, { status: 401, code: 'unauthorized' }),
      () => json(401, { status: 401 }),
    );
    const lost = vi.fn();
    const client = new ApiClient({ fetch: server.fetch, onSessionLost: lost });
    await expect(client.post('/api/auth/login', { email: 'a@b.fr', password: 'x' })).rejects.toMatchObject({ status: 401 });
    await expect(client.get('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(server.fetch).toHaveBeenCalledTimes(2);
    expect(lost).not.toHaveBeenCalled();
  });

  it('turns problem+json into an ApiError with field errors and Retry-After', async () => {
    const server = scripted(
      () =>
        json(422, {
          status: 422,
          code: 'validation',
          errors: [
            { field: 'email', code: 'invalid', message: 'Enter a valid e-mail address.' },
            { field: 'email', code: 'too_long', message: 'later' },
          ],
        }),
      () => json(429, { status: 429, code: 'rate_limited' }, { 'Retry-After': '42' }),
    );
    const client = new ApiClient({ fetch: server.fetch });
    const invalid = (await client.post('/api/auth/register', {}).catch((e: unknown) => e)) as ApiError;
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid.code).toBe('validation');
    expect(invalid.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['email:invalid', 'email:too_long']);
    const limited = (await client.post('/api/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe(42);
  });

  it('handles 204 and non-JSON error bodies', async () => {
    const server = scripted(
      () => new Response(null, { status: 204 }),
      () => new Response('<html>bad gateway</html>', { status: 502 }),
    );
    const client = new ApiClient({ fetch: server.fetch });
    await expect(client.post('/api/auth/logout')).resolves.toBeUndefined();
    await expect(client.get('/api/studio')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports an unreachable server as a NetworkError', async () => {
    const client = new ApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(client.get('/api/studio')).rejects.toBeInstanceOf(NetworkError);
    await expect(client.refresh()).rejects.toBeInstanceOf(NetworkError);
  });

  it('keeps the session when the network drops during a refresh', async () => {
    const server = scripted(
      () => json(401, { status: 401 }),
      () => {
        throw new TypeError('Failed to fetch');
      },
    );
    const lost = vi.fn();
    const client = new ApiClient({ fetch: server.fetch, onSessionLost: lost });
    client.setAccessToken('t1');
    await expect(client.get('/api/me')).rejects.toBeInstanceOf(NetworkError);
    expect(lost).not.toHaveBeenCalled();
    expect(client.accessToken).toBe('t1');
  });

  it('tells subscribers each new token: sign-in, refresh, sign-out', async () => {
    const server = scripted(() => json(200, { accessToken: 't2' }));
    const client = new ApiClient({ fetch: server.fetch });
    const seen: (string | null)[] = [];
    const off = client.onTokenChange((t) => seen.push(t));
    client.setAccessToken('t1');
    client.setAccessToken('t1'); // unchanged: not told again
    await client.refresh();
    client.setAccessToken(null);
    off();
    client.setAccessToken('t3');
    expect(seen).toEqual(['t1', 't2', null]);
  });

  it('renewSession ends the session when the refresh is refused', async () => {
    const server = scripted(
      () => json(200, { accessToken: 't2' }),
      () => json(401, { status: 401 }),
    );
    const lost = vi.fn();
    const client = new ApiClient({ fetch: server.fetch, onSessionLost: lost });
    await expect(client.renewSession()).resolves.toBe(true);
    expect(lost).not.toHaveBeenCalled();
    await expect(client.renewSession()).resolves.toBe(false);
    expect(lost).toHaveBeenCalledOnce();
  });
});

/** An XMLHttpRequest answering from a script, reporting upload progress first. */
function fakeXhr(answers: { status: number; body: string }[]) {
  const sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const factory = () => {
    const headers: Record<string, string> = {};
    let url = '';
    let answer = { status: 0, body: '' };
    const xhr = {
      upload: { onprogress: null as ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null },
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      onabort: null as (() => void) | null,
      get status() {
        return answer.status;
      },
      get responseText() {
        return answer.body;
      },
      open: (_method: string, u: string) => {
        url = u;
      },
      setRequestHeader: (k: string, v: string) => {
        headers[k] = v;
      },
      getResponseHeader: (k: string) => (k === 'Content-Type' ? 'application/json' : null),
      abort: () => xhr.onabort?.(),
      send: (body: unknown) => {
        sent.push({ url, headers, body });
        answer = answers.shift() ?? { status: 500, body: '' };
        setTimeout(() => {
          xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
          xhr.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
          xhr.onload?.();
        }, 0);
      },
    };
    return xhr as unknown as XhrLike;
  };
  return { factory, sent };
}

/** The session hint in memory, as localStorage would keep it between page loads. */
function memoryHint(present: boolean): SessionHint & { present: boolean } {
  return {
    present,
    get() {
      return this.present;
    },
    set(value) {
      this.present = value;
    },
  };
}

describe('ApiClient session hint', () => {
  it('a page load without a session asks the server nothing (no 401 in the console)', async () => {
    const server = scripted();
    const client = new ApiClient({ fetch: server.fetch, sessionHint: memoryHint(false) });
    await expect(client.restoreSession()).resolves.toBe(false);
    expect(server.fetch).not.toHaveBeenCalled();
  });

  it('a sign-in is remembered, so the next page load renews the session', async () => {
    const hint = memoryHint(false);
    new ApiClient({ fetch: scripted().fetch, sessionHint: hint }).setAccessToken('t1');
    expect(hint.present).toBe(true);
    const server = scripted((c) => {
      expect(c.url).toBe('/api/auth/refresh');
      return json(200, { accessToken: 't2' });
    });
    const reloaded = new ApiClient({ fetch: server.fetch, sessionHint: hint });
    await expect(reloaded.restoreSession()).resolves.toBe(true);
    expect(reloaded.accessToken).toBe('t2');
  });

  it('a refused refresh or a sign-out forgets the session; an unreachable server does not', async () => {
    const hint = memoryHint(true);
    const down = new ApiClient({ fetch: vi.fn(async () => Promise.reject(new TypeError('offline'))), sessionHint: hint });
    await expect(down.restoreSession()).rejects.toBeInstanceOf(NetworkError);
    expect(hint.present).toBe(true);

    const refused = new ApiClient({ fetch: scripted(() => json(401, { status: 401 })).fetch, sessionHint: hint });
    await expect(refused.restoreSession()).resolves.toBe(false);
    expect(hint.present).toBe(false);

    refused.setAccessToken('t1');
    refused.endSession();
    expect(hint.present).toBe(false);
    expect(refused.accessToken).toBeNull();
  });
});

describe('ApiClient.upload', () => {
  it('sends the raw body with its headers and token, reports progress, decodes the reply', async () => {
    const xhr = fakeXhr([{ status: 201, body: JSON.stringify({ id: 'f1' }) }]);
    const client = new ApiClient({ xhr: xhr.factory });
    client.setAccessToken('t1');
    const progress: number[] = [];
    const blob = new Blob(['%PDF-1.4']);
    await expect(client.upload('/api/up', blob, { headers: { 'X-File-Name': 'devis%20%C3%A9t%C3%A9.pdf' }, onProgress: (f) => progress.push(f) })).resolves.toEqual({ id: 'f1' });
    expect(xhr.sent[0]).toMatchObject({ url: '/api/up', body: blob, headers: { Authorization: 'Bearer t1', 'X-File-Name': 'devis%20%C3%A9t%C3%A9.pdf' } });
    expect(progress).toEqual([0.5, 1]);
  });

  it('refreshes once on 401, and turns problem+json into an ApiError', async () => {
    const xhr = fakeXhr([
      { status: 401, body: '' },
      { status: 415, body: JSON.stringify({ status: 415, code: 'unsupported_media_type' }) },
    ]);
    const server = scripted(() => json(200, { accessToken: 't2' }));
    const client = new ApiClient({ xhr: xhr.factory, fetch: server.fetch });
    client.setAccessToken('t1');
    await expect(client.upload('/api/up', new Blob(['x']))).rejects.toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(xhr.sent.map((s) => s.headers.Authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('can be cancelled', async () => {
    const xhr = fakeXhr([{ status: 201, body: '{}' }]);
    const client = new ApiClient({ xhr: xhr.factory });
    const controller = new AbortController();
    const upload = client.upload('/api/up', new Blob(['x']), { signal: controller.signal });
    controller.abort();
    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
  });
});
