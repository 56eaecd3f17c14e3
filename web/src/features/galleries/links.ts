// The photos' signed links last about 15 minutes. Every refetch brings new ones (new
// signatures), and an <img> whose address changes downloads its picture again: a list
// polled every 2 s while photos are processing would reload every thumbnail each time.

/** How often links are renewed; a link kept is never older than twice this (10 min < 15). */
export const LINK_REFRESH_MS = 5 * 60_000;

const LINKS = ['thumbnailUrl', 'previewUrl', 'downloadUrl'] as const;

interface WithLinks {
  id: string;
  status: string;
  thumbnailUrl: string | null;
  previewUrl: string | null;
  downloadUrl: string | null;
}

/** A photo as cached: with when its links were received. */
export type Linked<F> = F & { linkedAt: number };

/**
 * The fresh list, in its order and with its data, but with the links a photo already had
 * while they are younger than LINK_REFRESH_MS and the photo is as it was (same status, links
 * present in both: a photo that became ready, or lost its download, takes the new ones).
 */
export function steadyLinks<F extends WithLinks>(previous: readonly Linked<F>[] | undefined, fresh: readonly F[], now: number): Linked<F>[] {
  const before = new Map((previous ?? []).map((f) => [f.id, f]));
  return fresh.map((f) => {
    const old = before.get(f.id);
    const keep = old && now - old.linkedAt < LINK_REFRESH_MS && old.status === f.status && LINKS.every((k) => (old[k] === null) === (f[k] === null));
    if (!keep) return { ...f, linkedAt: now };
    return { ...f, thumbnailUrl: old.thumbnailUrl, previewUrl: old.previewUrl, downloadUrl: old.downloadUrl, linkedAt: old.linkedAt };
  });
}
