import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTH_EXPIRED,
  backoffDelay,
  BACKOFF_MAX_MS,
  fetchingQueries,
  invalidateFor,
  invalidateMissed,
  invalidationBatcher,
  LIVE_INVALIDATIONS,
  LiveConnection,
  liveUrl,
  type LiveConnectionOptions,
  type LiveMessage,
  type LiveReady,
  type SocketLike,
} from './live';

const KEYS: QueryKey[] = [
  ['bookings', 'list', {}],
  ['bookings', 'slots', 'service-1', '2027-03-01', '2027-03-31'],
  ['projects', 'one', 'p1'],
  ['users', 'overview', 'u1'],
  ['users', 'list', 'CLIENT', ''],
  ['services', 'list', false],
  ['studio'],
  ['messages', 'c1'],
  ['conversations', 'list', {}],
  ['conversations', 'one', 'c1'],
  ['conversationIds', 'u1'],
  ['savedReplies'],
  ['notifications', 'list'],
  ['notificationPreferences'],
  ['galleries', 'list', 'p1'],
  ['galleries', 'one', 'g1'],
  ['galleries', 'files', 'g1'],
  ['galleries', 'usage'],
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

  it('a new message refreshes its threads and the conversations, not saved replies or get-or-create answers', async () => {
    expect(await staleAfter('message.created')).toEqual([['messages', 'c1'], ['conversations', 'list', {}], ['conversations', 'one', 'c1']]);
  });

  it('a read receipt refreshes the conversations only; a notification the bell only', async () => {
    expect(await staleAfter('message.read')).toEqual([['conversations', 'list', {}], ['conversations', 'one', 'c1']]);
    expect(await staleAfter('notification')).toEqual([['notifications', 'list']]);
  });

  it('a gallery published or changed refreshes the galleries (lists, photos, storage) and nothing else', async () => {
    const galleries = KEYS.filter((key) => key[0] === 'galleries');
    expect(galleries).toHaveLength(4);
    expect(await staleAfter('gallery.published')).toEqual(galleries);
    expect(await staleAfter('gallery.updated')).toEqual(galleries);
  });
});

describe('invalidation batches', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('invalidates each root once for a burst of events, and ignores unknown types', async () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    const invalidate = invalidationBatcher(client, 50);
    invalidate('message.created');
    invalidate('message.read');
    invalidate('message.created');
    invalidate('something.new');
    expect(spy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([['messages'], ['conversations']]);
    invalidate('notification');
    await vi.advanceTimersByTimeAsync(50);
    expect(spy).toHaveBeenCalledTimes(3);
  });
});

describe('backoff', () => {
  it('waits a random time below 0.5 s × 2^attempt, capped at 30 s (full jitter)', () => {
    const caps = [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];
    caps.forEach((cap, attempt) => {
      expect(backoffDelay(attempt, () => 0)).toBe(0);
      const high = backoffDelay(attempt, () => 0.999999);
      expect(high).toBeLessThan(cap);
      expect(high).toBeGreaterThanOrEqual(cap - 1);
      expect(backoffDelay(attempt, () => 0.5)).toBe(cap / 2);
    });
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(i % 12);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(BACKOFF_MAX_MS);
    }
  });
});

/** A WebSocket driven by the test: it records what the page sends. */
class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  static get last(): FakeSocket {
    return FakeSocket.all[FakeSocket.all.length - 1];
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.readyState = 3;
    this.closedWith = code ?? 1005;
  }
  // The server's side:
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function connection(overrides: Partial<LiveConnectionOptions> = {}) {
  let token = 't1';
  const events: LiveMessage[] = [];
  const statuses: string[] = [];
  const readies: LiveReady[] = [];
  const renew = vi.fn(async () => {
    token = 't2';
    return true;
  });
  const live = new LiveConnection({
    url: 'ws://studio.test/api/ws',
    token: () => token,
    renew,
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    onReady: (r) => readies.push(r),
    socket: (url) => new FakeSocket(url),
    random: () => 0.5,
    ...overrides,
  });
  return { live, events, statuses, readies, renew, setToken: (t: string) => (token = t) };
}

describe('live connection', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('authenticates with its first frame, then hands on events and remembers their ids', () => {
    const { live, events, statuses } = connection();
    live.start();
    const socket = FakeSocket.last;
    expect(socket.url).toBe('ws://studio.test/api/ws');
    socket.open();
    expect(socket.sent).toEqual([{ type: 'auth', token: 't1' }]); // no lastEventId on a first connection
    socket.receive({ type: 'ready', lastEventId: 40 });
    expect(live.lastEventId).toBe(40);
    socket.receive({ id: 41, type: 'message.created', data: { conversationId: 'c1' } });
    socket.receive({ id: 41, type: 'message.created', data: { conversationId: 'c1' } }); // a duplicate
    socket.receive('not json');
    expect(events).toEqual([{ id: 41, type: 'message.created', data: { conversationId: 'c1' } }]);
    expect(live.lastEventId).toBe(41);
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('reconnects after an unexpected close with backoff, asking for what it missed', async () => {
    const { live } = connection();
    live.start();
    FakeSocket.last.open();
    FakeSocket.last.receive({ type: 'ready', lastEventId: 7 });
    FakeSocket.last.receive({ id: 9, type: 'notification', data: {} });
    FakeSocket.last.drop(1006);

    // random = 0.5: 250 ms, then 500, 1000… while no connection gets to `ready`.
    await vi.advanceTimersByTimeAsync(249);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last.drop(1006); // refused before opening
    await vi.advanceTimersByTimeAsync(499);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent).toEqual([{ type: 'auth', token: 't1', lastEventId: 9 }]);

    // The catch-up moves the id forward; a reconnection's `ready` does not jump over it.
    FakeSocket.last.receive({ type: 'ready', lastEventId: 15 });
    expect(live.lastEventId).toBe(9);
    FakeSocket.last.receive({ id: 12, type: 'booking.updated', data: {} });
    expect(live.lastEventId).toBe(12);

    // `ready` reset the backoff: the next wait is 250 ms again.
    FakeSocket.last.drop(1001);
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all).toHaveLength(4);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent).toEqual([{ type: 'auth', token: 't1', lastEventId: 12 }]);
  });

  it('tells which ready is the first, and when its socket opened', async () => {
    let now = 1_000;
    const opened = vi.fn();
    const { live, readies } = connection({ now: () => now, onOpen: opened });
    live.start();
    now = 1_500;
    FakeSocket.last.open();
    expect(opened).toHaveBeenCalledOnce();
    now = 1_600;
    FakeSocket.last.receive({ type: 'ready', lastEventId: 7 });
    FakeSocket.last.drop(1006);
    await vi.advanceTimersByTimeAsync(250);
    now = 9_000;
    FakeSocket.last.open();
    FakeSocket.last.receive({ type: 'ready', lastEventId: 8 });
    expect(readies).toEqual([
      { first: true, reset: false, openedAt: 1_500 },
      { first: false, reset: false, openedAt: 9_000 },
    ]);
  });

  it('after a reset, goes on from the server’s id (what it missed is refetched, not replayed)', async () => {
    const { live, readies } = connection();
    live.start();
    FakeSocket.last.open();
    FakeSocket.last.receive({ type: 'ready', lastEventId: 7 });
    FakeSocket.last.receive({ id: 9, type: 'notification', data: {} });
    FakeSocket.last.drop(1006);
    await vi.advanceTimersByTimeAsync(250);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent).toEqual([{ type: 'auth', token: 't1', lastEventId: 9 }]);

    // Too much was missed: the server starts from its newest id, and so does the page.
    FakeSocket.last.receive({ type: 'ready', lastEventId: 5000, reset: true });
    expect(readies[1]).toMatchObject({ first: false, reset: true });
    expect(live.lastEventId).toBe(5000);
    FakeSocket.last.receive({ id: 4000, type: 'notification', data: {} }); // older: not replayed
    FakeSocket.last.receive({ id: 5001, type: 'notification', data: {} });
    expect(live.lastEventId).toBe(5001);
    FakeSocket.last.drop(1006);
    await vi.advanceTimersByTimeAsync(250);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent).toEqual([{ type: 'auth', token: 't1', lastEventId: 5001 }]);
  });

  it('never waits more than 30 s', async () => {
    const { live } = connection({ random: () => 0.999999 });
    live.start();
    for (let i = 0; i < 10; i++) {
      const before = FakeSocket.all.length;
      FakeSocket.last.drop(1006);
      await vi.advanceTimersByTimeAsync(BACKOFF_MAX_MS);
      expect(FakeSocket.all).toHaveLength(before + 1);
    }
  });

  it('on 4001 renews the token and reconnects at once with the new one, keeping the catch-up id', async () => {
    const { live, renew } = connection();
    live.start();
    FakeSocket.last.open();
    FakeSocket.last.receive({ type: 'ready', lastEventId: 3 });
    FakeSocket.last.receive({ id: 5, type: 'project.updated', data: {} });
    FakeSocket.last.drop(AUTH_EXPIRED);
    await vi.advanceTimersByTimeAsync(0);
    expect(renew).toHaveBeenCalledOnce();
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent).toEqual([{ type: 'auth', token: 't2', lastEventId: 5 }]);

    // A fresh token refused again: no tight loop, the backoff applies.
    FakeSocket.last.drop(AUTH_EXPIRED);
    await vi.advanceTimersByTimeAsync(0);
    expect(renew).toHaveBeenCalledTimes(2);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all).toHaveLength(3);
  });

  it('stops when the session cannot be renewed, and retries later when the server cannot be reached', async () => {
    const over = connection({ renew: async () => false });
    over.live.start();
    FakeSocket.last.open();
    FakeSocket.last.drop(AUTH_EXPIRED);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(over.live.status).toBe('closed');

    FakeSocket.all = [];
    const offline = connection({
      renew: async () => {
        throw new Error('network');
      },
    });
    offline.live.start();
    FakeSocket.last.drop(AUTH_EXPIRED);
    await vi.advanceTimersByTimeAsync(249);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('sends a refreshed token on the open socket without reconnecting', () => {
    const { live } = connection();
    live.reauthenticate('ignored'); // no socket yet
    live.start();
    live.reauthenticate('ignored'); // still connecting: the first frame will carry the token
    FakeSocket.last.open();
    FakeSocket.last.receive({ type: 'ready', lastEventId: 1 });
    live.reauthenticate('t3');
    expect(FakeSocket.last.sent).toEqual([{ type: 'auth', token: 't1' }, { type: 'auth', token: 't3' }]);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('closes deliberately on stop and does not come back', async () => {
    const { live, statuses } = connection();
    live.start();
    const socket = FakeSocket.last;
    socket.open();
    socket.receive({ type: 'ready', lastEventId: 1 });
    live.stop();
    expect(socket.closedWith).toBe(1000);
    socket.drop(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(statuses).toEqual(['connecting', 'open', 'closed']);
  });

  it('retries at once when the browser is back online', async () => {
    const { live } = connection({ random: () => 0.999 });
    live.start();
    FakeSocket.last.drop(1006);
    live.retryNow();
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('speaks ws: or wss: like the page', () => {
    expect(liveUrl({ protocol: 'https:', host: 'studio.example' })).toBe('wss://studio.example/api/ws');
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/ws');
  });
});

describe('what a ready makes stale', () => {
  const OPENED = 10_000;
  /** One query fetched before the socket opened, one after, and one without data. */
  function cache() {
    const client = new QueryClient();
    client.setQueryData(['bookings', 'list', {}], 'old', { updatedAt: OPENED - 1 });
    client.setQueryData(['notifications', 'list'], 'new', { updatedAt: OPENED + 5 });
    client.setQueryData(['studio'], 'new', { updatedAt: OPENED });
    return client;
  }
  const stale = (client: QueryClient) =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey);

  it('the first: what was fetched before the socket opened, or was being fetched then', async () => {
    const client = cache();
    await invalidateMissed(client, { first: true, reset: false, openedAt: OPENED });
    expect(stale(client)).toEqual([['bookings', 'list', {}]]);

    const again = cache();
    const inFlight = new Set([again.getQueryCache().find({ queryKey: ['studio'] })!.queryHash]);
    await invalidateMissed(again, { first: true, reset: false, openedAt: OPENED }, inFlight);
    expect(stale(again)).toEqual([['bookings', 'list', {}], ['studio']]);
  });

  it('a reconnection: nothing (its catch-up says what changed)', async () => {
    const client = cache();
    await invalidateMissed(client, { first: false, reset: false, openedAt: OPENED + 100 });
    expect(stale(client)).toEqual([]);
  });

  it('a reset: everything', async () => {
    const client = cache();
    const spy = vi.spyOn(client, 'invalidateQueries');
    await invalidateMissed(client, { first: false, reset: true, openedAt: OPENED + 100 });
    expect(spy).toHaveBeenCalledWith();
    expect(stale(client)).toHaveLength(3);
  });

  it('knows which queries are being fetched', async () => {
    const client = new QueryClient();
    client.setQueryData(['studio'], 'done');
    let finish: (v: string) => void = () => {};
    const pending = client.fetchQuery({ queryKey: ['bookings', 'list', {}], queryFn: () => new Promise<string>((ok) => (finish = ok)) });
    const hashes = fetchingQueries(client);
    expect(hashes).toEqual(new Set([client.getQueryCache().find({ queryKey: ['bookings', 'list', {}] })!.queryHash]));
    finish('ok');
    await pending;
    expect(fetchingQueries(client).size).toBe(0);
  });
});
