import { ApiError, NetworkError } from './problem';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: FetchLike;
  baseUrl?: string;
  /** Called once when a request needed a session and none could be renewed. */
  onSessionLost?: () => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * The one way the web app talks to the API. The access token lives in memory only;
 * the refresh token is an HttpOnly cookie the browser sends to /api/auth. A 401 on a
 * signed-in request triggers one silent refresh (shared by concurrent callers) and one
 * retry; if the session cannot be renewed, onSessionLost tells the app to sign in again.
 */
export class ApiClient {
  private token: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly fetchFn: FetchLike;
  private readonly baseUrl: string;
  private onSessionLost: () => void;

  constructor(options: ApiClientOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
    this.onSessionLost = options.onSessionLost ?? (() => {});
  }

  get accessToken(): string | null {
    return this.token;
  }

  setAccessToken(token: string | null): void {
    this.token = token;
  }

  setSessionLostHandler(handler: () => void): void {
    this.onSessionLost = handler;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options);
  }
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, body, options);
  }
  delete<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const hadToken = this.token !== null;
    let res = await this.send(method, path, body, options);
    // A refresh that could not reach the server throws: a network blip is not a sign-out.
    if (res.status === 401 && hadToken && !isAuthPath(path)) {
      if (await this.refresh()) {
        res = await this.send(method, path, body, options);
      } else {
        this.onSessionLost();
      }
    }
    if (!res.ok) throw await ApiError.from(res);
    if (res.status === 204 || res.headers.get('Content-Length') === '0') return undefined as T;
    return (await res.json()) as T;
  }

  /**
   * Renews the access token through the refresh cookie: true when renewed, false when the
   * server refused (the session is over); a NetworkError when it could not be asked.
   * Concurrent callers share one request, and tabs take turns (Web Locks): the server
   * rotates the token, so two refreshes with one cookie would look like a replay and end
   * the session.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.acrossTabs().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async acrossTabs(): Promise<boolean> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return this.doRefresh();
    return (await locks.request('declic-refresh', () => this.doRefresh())) as boolean;
  }

  private async doRefresh(): Promise<boolean> {
    let res: Response;
    try {
      res = await this.fetchFn(this.baseUrl + '/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch (e) {
      throw new NetworkError(e);
    }
    if (!res.ok) {
      await res.text(); // read to the end: an unread body keeps the request open
      if (res.status >= 500) throw new ApiError({ status: res.status });
      this.token = null;
      return false;
    }
    const body = (await res.json()) as { accessToken?: string };
    this.token = body.accessToken ?? null;
    return this.token !== null;
  }

  private async send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    try {
      return await this.fetchFn(this.baseUrl + path + queryString(options.query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new NetworkError(e);
    }
  }
}

function isAuthPath(path: string): boolean {
  return path.startsWith('/api/auth/');
}

export function queryString(query?: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const api = new ApiClient();
