// The time a visitor chose on a service's public page before having an account: kept in this
// tab (sessionStorage) while they sign up or sign in, then booked at once. A choice older than
// half an hour is forgotten: the times on screen were that old, and the visitor has moved on.

export interface PendingChoice {
  serviceId: string;
  /** Shown on the sign-up page while the choice waits. */
  serviceName: string;
  start: string;
  end: string;
  notes?: string;
  /** The booking's Idempotency-Key: a reload during the booking does not book twice. */
  key: string;
  /** When it was chosen (ms since the epoch). */
  savedAt: number;
}

export const PENDING_KEY = 'declic.pendingBooking';
export const PENDING_TTL_MS = 30 * 60_000;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function session(): Store | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage refused (some private modes)
  }
}

function isChoice(v: unknown): v is PendingChoice {
  const c = v as PendingChoice;
  return (
    !!c &&
    typeof c === 'object' &&
    typeof c.serviceId === 'string' &&
    typeof c.serviceName === 'string' &&
    typeof c.start === 'string' &&
    typeof c.end === 'string' &&
    typeof c.key === 'string' &&
    typeof c.savedAt === 'number'
  );
}

export const pendingChoice = {
  save(choice: Omit<PendingChoice, 'savedAt'>, store: Store | null = session(), now = Date.now()): void {
    try {
      store?.setItem(PENDING_KEY, JSON.stringify({ ...choice, savedAt: now }));
    } catch {
      // Full or refused: the visitor picks again after signing up.
    }
  },

  /** The choice waiting, if any and still fresh (for `serviceId`, when given); a stale or broken one is removed. */
  get(serviceId?: string, store: Store | null = session(), now = Date.now()): PendingChoice | null {
    let choice: unknown = null;
    try {
      const raw = store?.getItem(PENDING_KEY);
      choice = raw ? JSON.parse(raw) : null;
    } catch {
      choice = undefined;
    }
    if (choice === null) return null;
    if (!isChoice(choice) || now - choice.savedAt > PENDING_TTL_MS || choice.savedAt > now + 60_000) {
      this.clear(store);
      return null;
    }
    return serviceId === undefined || choice.serviceId === serviceId ? choice : null;
  },

  clear(store: Store | null = session()): void {
    try {
      store?.removeItem(PENDING_KEY);
    } catch {
      // nothing kept, nothing to remove
    }
  },
};
