import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { Upload, type DetailedError, type HttpRequest, type UploadOptions } from 'tus-js-client';
import { api } from '../../lib/api';
import { invalidateFor } from '../../lib/live';
import {
  addSample,
  fileIdentity,
  nextToStart,
  problemOf,
  queueReducer,
  retryable,
  sortPicked,
  speedOf,
  totals,
  type Sample,
  type UploadItem,
} from './uploadQueue';

const CHUNK_BYTES = 8 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];
/** A file's progress reaches the screen at most this often (three files report many times a second). */
const PROGRESS_EVERY_MS = 250;
/** Photos arriving one after another refresh the gallery once in a while, not once each. */
const REFRESH_EVERY_MS = 1500;

let nextKey = 0;

/** A 4xx other than a conflict or a lock will not change by asking again (tus-js-client's rule). */
function worthRetrying(error: DetailedError): boolean {
  const status = error.originalResponse?.getStatus() ?? 0;
  const refused = status >= 400 && status < 500 && status !== 409 && status !== 423;
  return !refused && (typeof navigator === 'undefined' || navigator.onLine !== false);
}

/**
 * The tus options of one file. The access token is read at each request (it is renewed every
 * few minutes); a 401 renews it once, and the retry carries the new one. The fingerprint names
 * the gallery: the same file sent to two galleries is two uploads, each resumable after a reload.
 */
function tusOptions(galleryId: string, file: File, handlers: Pick<UploadOptions, 'onProgress' | 'onSuccess' | 'onError'>): UploadOptions {
  let renewing: Promise<unknown> | null = null;
  return {
    endpoint: new URL('/api/uploads', window.location.href).href,
    metadata: { galleryId, filename: file.name, filetype: file.type },
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    fingerprint: async (f: File) => ['declic-gallery', galleryId, f.name, f.size, f.lastModified, f.type].join('/'),
    onBeforeRequest: async (req: HttpRequest) => {
      await renewing;
      if (api.accessToken) req.setHeader('Authorization', `Bearer ${api.accessToken}`);
    },
    onShouldRetry: (error, attempt) => {
      if (error.originalResponse?.getStatus() === 401) {
        renewing = api.renewSession().catch(() => false);
        return attempt < 2;
      }
      return worthRetrying(error);
    },
    ...handlers,
  };
}

/**
 * Staff: the photos being sent to a gallery through tus, three at a time, each resumable
 * (after a pause, a network loss or a reload: drop the same files again), with the batch's
 * progress, speed and time left.
 */
export function useUploadQueue(galleryId: string) {
  const client = useQueryClient();
  const [items, dispatch] = useReducer(queueReducer, []);
  const [speed, setSpeed] = useState<number | null>(null);
  const files = useRef(new Map<string, File>());
  const uploads = useRef(new Map<string, Upload>());
  // The files whose upload is running now: never started twice.
  const running = useRef(new Set<string>());
  const lastReport = useRef(new Map<string, number>());
  const sentByKey = useRef(new Map<string, number>());
  const samples = useRef<Sample[]>([]);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  /** The gallery's photos and counts, once the current burst of arrivals is over. */
  const refreshSoon = useCallback(() => {
    refreshTimer.current ??= setTimeout(() => {
      refreshTimer.current = null;
      void invalidateFor(client, 'gallery.updated');
    }, REFRESH_EVERY_MS);
  }, [client]);

  /** Bytes sent since the page opened, all files together: what the speed is measured on. */
  const sentTotal = useRef(0);
  const measure = useCallback((key: string, sent: number) => {
    const before = sentByKey.current.get(key) ?? 0;
    // A file sent again from its start (its upload expired) counts its bytes again.
    sentTotal.current += sent >= before ? sent - before : sent;
    sentByKey.current.set(key, sent);
    samples.current = addSample(samples.current, { at: performance.now(), sent: sentTotal.current });
    setSpeed(speedOf(samples.current));
  }, []);

  const start = useCallback(
    (key: string) => {
      const file = files.current.get(key);
      if (!file || running.current.has(key)) return;
      running.current.add(key);
      dispatch({ type: 'start', key });
      const known = uploads.current.get(key);
      if (known) {
        known.start(); // resumes from the offset the server has
        return;
      }
      const upload = new Upload(
        file,
        tusOptions(galleryId, file, {
          onProgress: (sent) => {
            const now = performance.now();
            if (now - (lastReport.current.get(key) ?? 0) < PROGRESS_EVERY_MS) return;
            lastReport.current.set(key, now);
            dispatch({ type: 'progress', key, sent });
            measure(key, sent);
          },
          onSuccess: ({ lastResponse }) => {
            running.current.delete(key);
            uploads.current.delete(key);
            measure(key, file.size);
            dispatch({ type: 'done', key, fileId: lastResponse.getHeader('Declic-File-Id') ?? null, duplicate: lastResponse.getHeader('Declic-Duplicate') === 'true' });
            refreshSoon();
          },
          onError: (error) => {
            running.current.delete(key);
            const status = (error as DetailedError).originalResponse?.getStatus() ?? null;
            dispatch({ type: 'failed', key, problem: problemOf(status) });
          },
        }),
      );
      uploads.current.set(key, upload);
      // A file sent before (a reload, a closed tab): on from where the server has it.
      void upload
        .findPreviousUploads()
        .then((previous) => {
          if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        })
        .catch(() => {})
        .finally(() => upload.start());
    },
    [galleryId, measure, refreshSoon],
  );

  // The next files go up as soon as there is room.
  useEffect(() => {
    for (const key of nextToStart(items)) start(key);
  }, [items, start]);

  // Leaving the page pauses what is under way: the server keeps it, a new drop resumes it.
  useEffect(() => {
    const all = uploads.current;
    const timer = refreshTimer;
    return () => {
      for (const upload of all.values()) void upload.abort();
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const busy = items.some((i) => i.state === 'uploading' || i.state === 'queued');
  // Closing the tab mid-upload asks first (the browser's own question).
  useEffect(() => {
    if (!busy) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [busy]);

  const add = (picked: File[]) => {
    const inQueue = new Set(
      items
        .filter((i) => i.state !== 'failed')
        .flatMap((i) => {
          const file = files.current.get(i.key);
          return file ? [fileIdentity(file)] : [];
        }),
    );
    const { photos, refused } = sortPicked(picked, inQueue);
    const entry = (file: File) => {
      const key = `u${++nextKey}`;
      files.current.set(key, file);
      return { key, name: file.name, size: file.size };
    };
    dispatch({ type: 'add', items: photos.map(entry), refused: refused.map(entry) });
  };

  const pauseAll = () => {
    for (const key of running.current) void uploads.current.get(key)?.abort();
    running.current.clear();
    dispatch({ type: 'pauseAll' });
    samples.current = [];
    setSpeed(null);
  };

  /** A file over (stored, or refused for what it is) is dropped; a failed upload stays, to be retried. */
  const forget = (item: UploadItem) => {
    files.current.delete(item.key);
    uploads.current.delete(item.key);
    sentByKey.current.delete(item.key);
  };

  const clearFinished = () => {
    for (const item of items) if (item.state === 'done' || item.state === 'duplicate' || (item.state === 'failed' && !retryable(item))) forget(item);
    dispatch({ type: 'clearFinished' });
  };

  return {
    items,
    totals: totals(items),
    speed,
    busy,
    paused: items.some((i) => i.state === 'paused'),
    add,
    pauseAll,
    resumeAll: () => dispatch({ type: 'resumeAll' }),
    retry: (key: string) => dispatch({ type: 'retry', key }),
    clearFinished,
  };
}
