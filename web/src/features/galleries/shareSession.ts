// A guest's session for a shared gallery, kept for the tab (sessionStorage) by link: a reload
// does not ask the PIN again, closing the tab forgets it. Without storage (private mode, the
// tests' server-side render), nothing is kept and the PIN is asked each time.
const keyOf = (token: string) => `declic.share.${token}`;

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export const shareSession = {
  get(token: string): string | null {
    try {
      return storage()?.getItem(keyOf(token)) || null;
    } catch {
      return null;
    }
  },
  set(token: string, session: string): void {
    try {
      storage()?.setItem(keyOf(token), session);
    } catch {
      // Full or refused: the session lives in memory only.
    }
  },
  forget(token: string): void {
    try {
      storage()?.removeItem(keyOf(token));
    } catch {
      // Nothing kept.
    }
  },
};
