import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { api } from './api';
import { invalidateRoots, type QueryRoot } from './queryKeys';

/**
 * The events the server announces and the cached data each one makes stale. A booking and
 * its project move together, and what may be done with a booking (`actions`) depends on its
 * project's progress, so each refreshes the other; a client's overview shows both. A new
 * message changes its thread and the conversation lists (last message, unread counts); a
 * read receipt only the conversations (their read seqs).
 */
export const LIVE_INVALIDATIONS = {
  'booking.updated': ['bookings', 'projects', 'userOverviews'],
  'project.updated': ['projects', 'bookings', 'userOverviews'],
  'message.created': ['messages', 'conversations'],
  'message.read': ['conversations'],
  notification: ['notifications'],
  'contract.updated': ['contracts'],
  // A client's gallery was published; staff: a photo finished processing or a gallery changed.
  'gallery.published': ['galleries'],
  'gallery.updated': ['galleries'],
} as const satisfies Record<string, readonly QueryRoot[]>;

export type LiveEvent = keyof typeof LIVE_INVALIDATIONS;

/** Refreshes what an event changed: the same call for a server push and for our own mutations. */
export function invalidateFor(client: QueryClient, event: LiveEvent): Promise<void> {
  return invalidateRoots(client, LIVE_INVALIDATIONS[event]);
}

/**
 * Invalidations of events that arrive close together (the catch-up after a reconnect) in
 * one go: each root once, `delayMs` after the first event.
 */
export function invalidationBatcher(client: QueryClient, delayMs = 50): (type: string) => void {
  const pending = new Set<QueryRoot>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (type) => {
    const roots: readonly QueryRoot[] | undefined = LIVE_INVALIDATIONS[type as LiveEvent];
    if (!roots) return;
    for (const root of roots) pending.add(root);
    timer ??= setTimeout(() => {
      timer = null;
      const batch = [...pending];
      pending.clear();
      void invalidateRoots(client, batch);
    }, delayMs);
  };
}

// ---------------------------------------------------------------------------------------
// The connection: GET /api/ws, authenticated by its first frame.

/** An event as the server sends it: `{"id": N, "type": "…", "data": {…}}`. */
export interface LiveMessage<T = Record<string, unknown>> {
  id: number;
  type: string;
  data: T;
}

export type LiveStatus = 'connecting' | 'open' | 'closed';

/** The close code of a missing, bad or expired token. */
export const AUTH_EXPIRED = 4001;
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

/**
 * Exponential backoff with full jitter: a random wait in [0, min(30 s, 0.5 s × 2^attempt)),
 * so a server restart is not met by every tab at the same instant.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.floor(random() * cap);
}

/** What the connection uses of a WebSocket (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const OPEN = 1;

export interface LiveConnectionOptions {
  url: string;
  /** The current access token (null while there is none). */
  token: () => string | null;
  /** Renews the token: true when renewed, false when the session is over; throws when the server cannot be asked. */
  renew: () => Promise<boolean>;
  onEvent: (event: LiveMessage) => void;
  /** The socket is open and has sent its first frame (what is cached now may predate the subscription). */
  onOpen?: () => void;
  /** The server confirmed the subscription (each `ready`). */
  onReady?: (ready: LiveReady) => void;
  onStatus?: (status: LiveStatus) => void;
  socket?: (url: string) => SocketLike;
  random?: () => number;
  now?: () => number;
}

/** What a `ready` frame means for the data already on screen. */
export interface LiveReady {
  /** The first `ready` of this connection (of the page): nothing before it was announced. */
  first: boolean;
  /** The server could not replay what was missed (too much, purged, unknown id): refetch everything. */
  reset: boolean;
  /** When the socket that got this `ready` opened (ms since the epoch). */
  openedAt: number;
}

/**
 * One live connection: authenticates with its first frame, remembers the id of the last
 * event seen and asks for what it missed when it reconnects (a `ready` with `reset`: the
 * server cannot replay it, `onReady` refetches instead). A 4001 close renews the token
 * and reconnects at once; any other close it did not ask for reconnects with backoff, reset
 * by each `ready`.
 */
export class LiveConnection {
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private authFailures = 0;
  private running = false;
  private last: number | null = null;
  private current: LiveStatus = 'closed';
  private openedAt = 0;
  private readies = 0;

  constructor(private readonly options: LiveConnectionOptions) {}

  /** The id to catch up from (null until the first `ready`). */
  get lastEventId(): number | null {
    return this.last;
  }

  get status(): LiveStatus {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  /** A deliberate close (sign-out, page left): no reconnection. */
  stop(): void {
    this.running = false;
    this.clearTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close(1000);
    }
    this.setStatus('closed');
  }

  /** After a token refresh: the new token on the open socket, so it does not expire (4001). */
  reauthenticate(token: string): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify({ type: 'auth', token }));
  }

  /** Reconnects now rather than at the end of the backoff (the browser is back online). */
  retryNow(): void {
    if (!this.running || this.timer === null) return;
    this.clearTimer();
    this.attempt = 0;
    this.connect();
  }

  private connect(): void {
    this.timer = null;
    if (!this.options.token()) {
      this.authFailures++;
      void this.renewThenConnect();
      return;
    }
    this.setStatus('connecting');
    const socket = (this.options.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike))(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.openedAt = (this.options.now ?? Date.now)();
      const frame: Record<string, unknown> = { type: 'auth', token: this.options.token() };
      if (this.last !== null) frame.lastEventId = this.last;
      socket.send(JSON.stringify(frame));
      this.options.onOpen?.();
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closed(event.code);
    };
    socket.onerror = () => {}; // a close follows
  }

  private receive(raw: unknown): void {
    let frame: { type?: unknown; id?: unknown; lastEventId?: unknown; reset?: unknown; data?: unknown };
    try {
      frame = JSON.parse(String(raw));
    } catch {
      return;
    }
    if (frame.type === 'ready') {
      this.attempt = 0;
      this.authFailures = 0;
      const reset = frame.reset === true;
      // A first connection starts from now; a reconnection keeps its own id, which the
      // catch-up that follows moves forward, unless the server cannot replay from it (reset):
      // then from now too, the caller refetching everything instead.
      if ((this.last === null || reset) && typeof frame.lastEventId === 'number') this.last = frame.lastEventId;
      this.setStatus('open');
      this.options.onReady?.({ first: this.readies++ === 0, reset, openedAt: this.openedAt });
      return;
    }
    if (typeof frame.id !== 'number' || typeof frame.type !== 'string') return;
    if (this.last !== null && frame.id <= this.last) return; // seen already
    this.last = frame.id;
    this.options.onEvent({ id: frame.id, type: frame.type, data: (frame.data ?? {}) as Record<string, unknown> });
  }

  private closed(code: number): void {
    if (!this.running) return;
    this.setStatus('closed');
    if (code === AUTH_EXPIRED) {
      this.authFailures++;
      void this.renewThenConnect();
    } else {
      this.schedule(backoffDelay(this.attempt++, this.options.random));
    }
  }

  private async renewThenConnect(): Promise<void> {
    let renewed: boolean;
    try {
      renewed = await this.options.renew();
    } catch {
      if (this.running) this.schedule(backoffDelay(this.attempt++, this.options.random));
      return;
    }
    if (!this.running) return;
    if (!renewed) {
      this.stop(); // the session is over: the app signs the user out
      return;
    }
    // Straight back with the new token, unless a fresh token was refused already.
    this.schedule(this.authFailures <= 1 ? 0 : backoffDelay(this.attempt++, this.options.random));
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => this.connect(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.options.onStatus?.(status);
  }
}

/**
 * What a `ready` makes stale. After a reset, everything: what was missed is unknown. After
 * the first `ready` of a page, what was fetched before the socket opened (`dataUpdatedAt` <
 * `openedAt`) or was being fetched then (`fetchingAtOpen`, query hashes): the changes made
 * before the subscription are never announced. Data fetched since is fresh; a reconnection's
 * catch-up announces what it missed, event by event.
 */
export function invalidateMissed(client: QueryClient, ready: LiveReady, fetchingAtOpen: ReadonlySet<string> = new Set()): Promise<void> {
  if (ready.reset) return client.invalidateQueries();
  if (!ready.first) return Promise.resolve();
  return client.invalidateQueries({
    predicate: (query) => query.state.dataUpdatedAt < ready.openedAt || fetchingAtOpen.has(query.queryHash),
  });
}

/** The hashes of the queries being fetched now. */
export function fetchingQueries(client: QueryClient): Set<string> {
  return new Set(
    client
      .getQueryCache()
      .findAll({ fetchStatus: 'fetching' })
      .map((query) => query.queryHash),
  );
}

/** ws(s)://<this host>/api/ws. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/ws`;
}

// ---------------------------------------------------------------------------------------
// In the app: one connection per tab, its events to the cache and to whoever listens.

const listeners = new Set<(event: LiveMessage) => void>();
let liveStatus: LiveStatus = 'closed';
const statusListeners = new Set<() => void>();

/** Calls `listener` with every live event (after its invalidations are scheduled). */
export function subscribeLive(listener: (event: LiveMessage) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `handler` on each live event while the component is mounted. */
export function useLiveEvents(handler: (event: LiveMessage) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribeLive((event) => latest.current(event)), []);
}

function setLiveStatus(status: LiveStatus): void {
  liveStatus = status;
  for (const listener of [...statusListeners]) listener();
}

function subscribeStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** The live connection's state, for a discreet "reconnecting" hint. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribeStatus, () => liveStatus, () => 'closed');
}

/** Keeps the tab's live connection open while `userId` is signed in (mounted once, in the app's providers). */
export function useLiveConnection(userId: string | null): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    const invalidate = invalidationBatcher(client);
    let fetchingAtOpen = new Set<string>();
    const connection = new LiveConnection({
      url: liveUrl(window.location),
      token: () => api.accessToken,
      renew: () => api.renewSession(),
      onEvent: (event) => {
        invalidate(event.type);
        for (const listener of [...listeners]) listener(event);
      },
      onOpen: () => (fetchingAtOpen = fetchingQueries(client)),
      onReady: (ready) => void invalidateMissed(client, ready, fetchingAtOpen),
      onStatus: setLiveStatus,
    });
    const offToken = api.onTokenChange((token) => token && connection.reauthenticate(token));
    const online = () => connection.retryNow();
    window.addEventListener('online', online);
    connection.start();
    return () => {
      window.removeEventListener('online', online);
      offToken();
      connection.stop();
    };
  }, [userId, client]);
}
