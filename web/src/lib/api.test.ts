import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './api';
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
});
