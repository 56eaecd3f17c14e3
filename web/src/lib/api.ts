import { ApiError, NetworkError } from './problem';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The part of XMLHttpRequest an upload uses (injectable in tests). */
export type XhrLike = Pick<
  XMLHttpRequest,
  'open' | 'setRequestHeader' | 'send' | 'abort' | 'status' | 'responseText' | 'getResponseHeader' | 'upload' | 'onload' | 'onerror' | 'onabort'
>;

export interface ApiClientOptions {
  fetch?: FetchLike;
  xhr?: () => XhrLike;
  baseUrl?: string;
  /** Called once when a request needed a session and none could be renewed. */
  onSessionLost?: () => void;
  /** Whether there is a session to renew at a page load; by default kept in localStorage. */
  sessionHint?: SessionHint;
}

/**
 * Whether this browser may hold a refresh cookie, which the page cannot see (HttpOnly): kept
 * by the page itself, so that a visitor without a session is not sent to a refresh that can
 * only answer 401 (an error line in the console of every signed-out page load).
 */
export interface SessionHint {
  get(): boolean;
  set(present: boolean): void;
}

const SESSION_KEY = 'declic.session';

/** The hint in localStorage, shared by the tabs; without storage, every load tries the refresh. */
const storedSessionHint: SessionHint = {
  get() {
    try {
      return localStorage.getItem(SESSION_KEY) === '1';
    } catch {
      return true;
    }
  },
  set(present) {
    try {
      if (present) localStorage.setItem(SESSION_KEY, '1');
      else localStorage.removeItem(SESSION_KEY);
    } catch {
      // No storage (private mode): get() keeps answering true.
    }
  },
};

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface UploadOptions {
  /** POST unless told (a picture replacing another is a PUT). */
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The share of the body sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * The one way the web app talks to the API. The access token lives in memory only;
 * the refresh token is an HttpOnly cookie the browser sends to /api/auth. A 401 on a
 * signed-in request triggers one silent refresh (shared by concurrent callers) and one
 * retry; if the session cannot be renewed, onSessionLost tells the app to sign in again.
 * A SessionHint remembers whether there is a cookie to refresh with at all.
 */
export class ApiClient {
  private token: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly fetchFn: FetchLike;
  private readonly xhrFn: () => XhrLike;
  private readonly baseUrl: string;
  private onSessionLost: () => void;
  private readonly sessionHint: SessionHint;
  private readonly tokenListeners = new Set<(token: string | null) => void>();

  constructor(options: ApiClientOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.xhrFn = options.xhr ?? (() => new XMLHttpRequest());
    this.baseUrl = options.baseUrl ?? '';
    this.onSessionLost = options.onSessionLost ?? (() => {});
    this.sessionHint = options.sessionHint ?? storedSessionHint;
  }

  get accessToken(): string | null {
    return this.token;
  }

  setAccessToken(token: string | null): void {
    this.setToken(token);
  }

  /**
   * Calls `listener` with every new access token (a sign-in, each refresh, null at sign-out),
   * e.g. for the live connection to re-authenticate its socket. Returns the unsubscribe.
   */
  onTokenChange(listener: (token: string | null) => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /** Sign-out, or a session found lost: no refresh is tried on the next page load. */
  endSession(): void {
    this.setToken(null);
    this.sessionHint.set(false);
  }

  private setToken(token: string | null): void {
    if (token) this.sessionHint.set(true); // a sign-in or a refresh: the server set the cookie
    if (token === this.token) return;
    this.token = token;
    for (const listener of [...this.tokenListeners]) listener(token);
  }

  /**
   * A refresh for callers outside request() (the live socket told the token expired): true
   * when renewed; a refusal ends the session as a refused request would (onSessionLost).
   * Throws a NetworkError when the server could not be asked.
   */
  async renewSession(): Promise<boolean> {
    const renewed = await this.refresh();
    if (!renewed) this.onSessionLost();
    return renewed;
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
    const res = await this.answered(method, path, body, options);
    if (res.status === 204 || res.headers.get('Content-Length') === '0') return undefined as T;
    return (await res.json()) as T;
  }

  /** A file the API sends (an .ics, say) with the name it suggests, to save on the device. */
  async file(path: string): Promise<{ blob: Blob; filename: string | null }> {
    const res = await this.answered('GET', path, undefined, {});
    return { blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) };
  }

  /** A 2xx answer, the session renewed once on a 401; an ApiError otherwise. */
  private async answered(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
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
    return res;
  }

  /** Whether this browser may have a session to restore (the hint); nothing is asked. */
  mayHaveSession(): boolean {
    return this.sessionHint.get();
  }

  /**
   * A page load: renews the session when this browser may have one; false, without asking
   * the server, when it has none.
   */
  restoreSession(): Promise<boolean> {
    return this.sessionHint.get() ? this.refresh() : Promise.resolve(false);
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
      this.endSession();
      return false;
    }
    const body = (await res.json()) as { accessToken?: string };
    this.setToken(body.accessToken ?? null);
    return this.token !== null;
  }

  /**
   * Sends a raw body (a file) with upload progress, which fetch cannot report: through
   * XMLHttpRequest, with the same token, one silent refresh on 401 and the same errors.
   */
  async upload<T>(path: string, body: Blob, options: UploadOptions = {}): Promise<T> {
    const hadToken = this.token !== null;
    let res = await this.sendXhr(path, body, options);
    if (res.status === 401 && hadToken) {
      if (await this.refresh()) {
        res = await this.sendXhr(path, body, options);
      } else {
        this.onSessionLost();
      }
    }
    if (res.status === 0) throw new NetworkError(new Error('upload failed'));
    if (res.status < 200 || res.status >= 300) {
      throw await ApiError.from(new Response(res.text || null, { status: res.status, headers: res.headers }));
    }
    return (res.text ? JSON.parse(res.text) : undefined) as T;
  }

  private sendXhr(path: string, body: Blob, options: UploadOptions): Promise<{ status: number; text: string; headers: Headers }> {
    return new Promise((resolve, reject) => {
      const xhr = this.xhrFn();
      const abort = () => xhr.abort();
      const done = () => options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) {
        reject(new DOMException('Aborted', 'AbortError'));
        return;
      }
      options.signal?.addEventListener('abort', abort);
      xhr.open(options.method ?? 'POST', this.baseUrl + path);
      xhr.setRequestHeader('Accept', 'application/json');
      for (const [k, v] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(k, v);
      if (this.token) xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
      };
      xhr.onload = () => {
        done();
        const headers = new Headers();
        for (const name of ['Content-Type', 'Retry-After']) {
          const value = xhr.getResponseHeader(name);
          if (value) headers.set(name, value);
        }
        resolve({ status: xhr.status, text: xhr.responseText, headers });
      };
      xhr.onerror = () => {
        done();
        reject(new NetworkError(new Error('upload failed')));
      };
      xhr.onabort = () => {
        done();
        reject(new DOMException('Aborted', 'AbortError'));
      };
      xhr.send(body);
    });
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

/** The file name a Content-Disposition suggests: its UTF-8 `filename*`, else `filename`. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(disposition);
  return plain ? (plain[1] ?? plain[2]) : null;
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
