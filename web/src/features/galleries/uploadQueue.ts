// The photos being sent to a gallery, as pure state: what each file is doing, how far the
// whole batch is, how fast it goes and how long is left. The tus uploads themselves live in
// useUploadQueue, which feeds this reducer.

export type UploadState = 'queued' | 'uploading' | 'paused' | 'done' | 'duplicate' | 'failed';

/** Why a file did not make it, in words the screen chooses (413, 415, 404, no network…). */
export type UploadProblem = 'tooLarge' | 'unsupported' | 'galleryGone' | 'network' | 'other';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  /** Bytes the server has acknowledged. */
  sent: number;
  state: UploadState;
  problem?: UploadProblem;
  /** The photo's id once stored (Declic-File-Id). */
  fileId?: string | null;
}

export type QueueAction =
  | { type: 'add'; items: Pick<UploadItem, 'key' | 'name' | 'size'>[]; refused?: Pick<UploadItem, 'key' | 'name' | 'size'>[] }
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; sent: number }
  | { type: 'done'; key: string; fileId: string | null; duplicate: boolean }
  | { type: 'failed'; key: string; problem: UploadProblem }
  | { type: 'pauseAll' }
  | { type: 'resumeAll' }
  | { type: 'retry'; key: string }
  | { type: 'clearFinished' };

/** At most this many files go up at once (each one in 8 MiB chunks). */
export const MAX_ACTIVE = 3;

const FINISHED: readonly UploadState[] = ['done', 'duplicate'];

function update(items: UploadItem[], key: string, change: (item: UploadItem) => UploadItem): UploadItem[] {
  return items.map((item) => (item.key === key ? change(item) : item));
}

export function queueReducer(items: UploadItem[], action: QueueAction): UploadItem[] {
  switch (action.type) {
    case 'add':
      return [
        ...items,
        ...action.items.map((i): UploadItem => ({ ...i, sent: 0, state: 'queued' })),
        ...(action.refused ?? []).map((i): UploadItem => ({ ...i, sent: 0, state: 'failed', problem: 'unsupported' })),
      ];
    case 'start':
      return update(items, action.key, (i) => ({ ...i, state: 'uploading', problem: undefined }));
    case 'progress':
      return update(items, action.key, (i) => (i.state === 'uploading' ? { ...i, sent: Math.min(i.size, action.sent) } : i));
    case 'done':
      return update(items, action.key, (i) => ({ ...i, sent: i.size, state: action.duplicate ? 'duplicate' : 'done', fileId: action.fileId }));
    case 'failed':
      return update(items, action.key, (i) => ({ ...i, state: 'failed', problem: action.problem }));
    case 'pauseAll':
      return items.map((i) => (i.state === 'queued' || i.state === 'uploading' ? { ...i, state: 'paused' } : i));
    case 'resumeAll':
      return items.map((i) => (i.state === 'paused' ? { ...i, state: 'queued' } : i));
    case 'retry':
      return update(items, action.key, (i) => (i.state === 'failed' && retryable(i) ? { ...i, state: 'queued', problem: undefined } : i));
    case 'clearFinished':
      return items.filter((i) => !FINISHED.includes(i.state) && !(i.state === 'failed' && !retryable(i)));
  }
}

/** A file refused for what it is (not a photo) stays refused; anything else may be tried again. */
export function retryable(item: UploadItem): boolean {
  return item.state === 'failed' && item.problem !== 'unsupported';
}

/** The queued files to start now, in order, so that at most MAX_ACTIVE go up at once. */
export function nextToStart(items: readonly UploadItem[], maxActive = MAX_ACTIVE): string[] {
  const active = items.filter((i) => i.state === 'uploading').length;
  return items
    .filter((i) => i.state === 'queued')
    .slice(0, Math.max(0, maxActive - active))
    .map((i) => i.key);
}

export interface Totals {
  /** Files still to send or being sent (paused included). */
  pending: number;
  /** Files stored (or found already there). */
  finished: number;
  failed: number;
  /** Bytes of the files that can still arrive, and how many of them have. */
  bytes: number;
  sent: number;
  /** 0 to 1 (1 for an empty batch). */
  fraction: number;
}

/** The whole batch; failed files are left out of the bytes, so that the bar can reach the end. */
export function totals(items: readonly UploadItem[]): Totals {
  let bytes = 0;
  let sent = 0;
  let pending = 0;
  let finished = 0;
  let failed = 0;
  for (const i of items) {
    if (i.state === 'failed') {
      failed++;
      continue;
    }
    if (FINISHED.includes(i.state)) finished++;
    else pending++;
    bytes += i.size;
    sent += i.sent;
  }
  return { pending, finished, failed, bytes, sent, fraction: bytes === 0 ? 1 : sent / bytes };
}

// ---------------------------------------------------------------------------------------
// Speed and time left, from samples of the bytes sent so far.

export interface Sample {
  /** ms (performance.now or Date.now). */
  at: number;
  /** Bytes sent by then, all files together. */
  sent: number;
}

/** The speed is measured over the last few seconds: it follows a network that slows down. */
export const SPEED_WINDOW_MS = 8_000;

/** The samples of the window, with the new one. */
export function addSample(samples: readonly Sample[], sample: Sample, windowMs = SPEED_WINDOW_MS): Sample[] {
  return [...samples.filter((s) => sample.at - s.at <= windowMs), sample];
}

/** Bytes per second over the samples; null until a second of measure (or when nothing moved). */
export function speedOf(samples: readonly Sample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const seconds = (last.at - first.at) / 1000;
  if (seconds < 1) return null;
  const rate = (last.sent - first.sent) / seconds;
  return rate > 0 ? rate : null;
}

/** Whole seconds left at this speed; null when unknown. */
export function secondsLeft(remainingBytes: number, bytesPerSecond: number | null): number | null {
  if (!bytesPerSecond || remainingBytes <= 0) return remainingBytes <= 0 ? 0 : null;
  return Math.ceil(remainingBytes / bytesPerSecond);
}

// ---------------------------------------------------------------------------------------
// What goes in the queue.

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/tiff'];
const EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'heic', 'heif', 'tif', 'tiff'];
/** For the file chooser (the server checks the content again). */
export const ACCEPT = [...TYPES, ...EXTENSIONS.map((e) => `.${e}`)].join(',');

interface FileLike {
  name: string;
  size: number;
  type: string;
  lastModified?: number;
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** JPEG, PNG, WebP, HEIC or TIFF, by type or (HEIC often comes without one) by extension. */
export function isPhoto(file: FileLike): boolean {
  return TYPES.includes(file.type.toLowerCase()) || EXTENSIONS.includes(extension(file.name));
}

/** A system file a folder carries along (.DS_Store, ._DSC_0001.jpg, Thumbs.db): skipped without a word. */
export function isClutter(name: string): boolean {
  return name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

/** The same file from the same disk: its name, size and modification time. */
export function fileIdentity(file: FileLike): string {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified ?? 0}`;
}

/** "DSC_2" before "DSC_10": a folder goes up in the order its photos were taken. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
}

/**
 * Sorts picked or dropped files: photos to send, others refused at once (nothing is sent),
 * each by name; system files and files already in the queue (not failed) are left out.
 */
export function sortPicked<F extends FileLike>(files: readonly F[], queued: ReadonlySet<string>): { photos: F[]; refused: F[] } {
  const photos: F[] = [];
  const refused: F[] = [];
  const seen = new Set(queued);
  for (const file of files) {
    const id = fileIdentity(file);
    if (isClutter(file.name) || seen.has(id)) continue;
    seen.add(id);
    (isPhoto(file) ? photos : refused).push(file);
  }
  return { photos: photos.sort(byName), refused: refused.sort(byName) };
}

/** The problem an upload's failure is, from the HTTP status of the last answer (none: no network). */
export function problemOf(status: number | null): UploadProblem {
  if (!status) return 'network';
  if (status === 413) return 'tooLarge';
  if (status === 415) return 'unsupported';
  if (status === 404) return 'galleryGone';
  return 'other';
}
