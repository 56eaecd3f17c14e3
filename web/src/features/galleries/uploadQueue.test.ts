import { describe, expect, it } from 'vitest';
import {
  addSample,
  nextToStart,
  problemOf,
  queueReducer,
  secondsLeft,
  sortPicked,
  speedOf,
  totals,
  type QueueAction,
  type UploadItem,
} from './uploadQueue';

const MB = 1_000_000;
const run = (actions: QueueAction[], from: UploadItem[] = []) => actions.reduce(queueReducer, from);
const added = (...sizes: number[]): QueueAction => ({ type: 'add', items: sizes.map((size, i) => ({ key: `k${i}`, name: `DSC_${i}.jpg`, size })) });

describe('the upload queue', () => {
  it('starts at most three files at once, in order, and the next one when one ends', () => {
    let items = run([added(1, 2, 3, 4, 5)]);
    expect(nextToStart(items)).toEqual(['k0', 'k1', 'k2']);
    items = run([{ type: 'start', key: 'k0' }, { type: 'start', key: 'k1' }, { type: 'start', key: 'k2' }], items);
    expect(nextToStart(items)).toEqual([]);
    items = run([{ type: 'done', key: 'k1', fileId: 'f1', duplicate: false }], items);
    expect(nextToStart(items)).toEqual(['k3']);
  });

  it('follows each file and the whole batch; failed files leave the total, a duplicate counts as arrived', () => {
    const items = run([
      added(10 * MB, 20 * MB, 30 * MB, 40 * MB),
      { type: 'start', key: 'k0' },
      { type: 'progress', key: 'k0', sent: 5 * MB },
      { type: 'start', key: 'k1' },
      { type: 'done', key: 'k1', fileId: 'f1', duplicate: true },
      { type: 'start', key: 'k3' },
      { type: 'failed', key: 'k3', problem: 'tooLarge' },
    ]);
    expect(items.map((i) => i.state)).toEqual(['uploading', 'duplicate', 'queued', 'failed']);
    expect(items[1]).toMatchObject({ sent: 20 * MB, fileId: 'f1' });
    expect(totals(items)).toEqual({ pending: 2, finished: 1, failed: 1, bytes: 60 * MB, sent: 25 * MB, fraction: 25 / 60 });
    expect(totals([]).fraction).toBe(1);
  });

  it('never counts more than a file’s size, nor progress of a paused file', () => {
    let items = run([added(100), { type: 'start', key: 'k0' }, { type: 'progress', key: 'k0', sent: 150 }]);
    expect(items[0].sent).toBe(100);
    items = run([{ type: 'pauseAll' }, { type: 'progress', key: 'k0', sent: 20 }], run([added(100), { type: 'start', key: 'k0' }, { type: 'progress', key: 'k0', sent: 60 }]));
    expect(items[0]).toMatchObject({ state: 'paused', sent: 60 });
  });

  it('pauses and resumes everything that has not finished', () => {
    const paused = run([added(1, 2, 3), { type: 'start', key: 'k0' }, { type: 'done', key: 'k0', fileId: 'f', duplicate: false }, { type: 'start', key: 'k1' }, { type: 'pauseAll' }]);
    expect(paused.map((i) => i.state)).toEqual(['done', 'paused', 'paused']);
    expect(nextToStart(paused)).toEqual([]);
    const resumed = queueReducer(paused, { type: 'resumeAll' });
    expect(resumed.map((i) => i.state)).toEqual(['done', 'queued', 'queued']);
  });

  it('retries a failed upload, never a file that is not a photo; clears what is over', () => {
    let items = run([
      { type: 'add', items: [{ key: 'a', name: 'a.jpg', size: 1 }], refused: [{ key: 'b', name: 'notes.txt', size: 1 }] },
      { type: 'start', key: 'a' },
      { type: 'failed', key: 'a', problem: 'network' },
    ]);
    expect(items.map((i) => [i.state, i.problem])).toEqual([
      ['failed', 'network'],
      ['failed', 'unsupported'],
    ]);
    items = run([{ type: 'retry', key: 'a' }, { type: 'retry', key: 'b' }], items);
    expect(items.map((i) => i.state)).toEqual(['queued', 'failed']);
    items = run([{ type: 'start', key: 'a' }, { type: 'done', key: 'a', fileId: 'f', duplicate: false }, { type: 'clearFinished' }], items);
    expect(items).toEqual([]);
  });
});

describe('speed and time left', () => {
  it('measures over the last seconds only', () => {
    let samples = addSample([], { at: 0, sent: 0 });
    expect(speedOf(samples)).toBeNull();
    samples = addSample(samples, { at: 500, sent: 1 * MB });
    expect(speedOf(samples)).toBeNull(); // under a second: not yet
    samples = addSample(samples, { at: 2000, sent: 4 * MB });
    expect(speedOf(samples)).toBe(2 * MB);
    // Ten seconds later the first samples are out of the window: the recent speed counts.
    samples = addSample(addSample(samples, { at: 9000, sent: 18 * MB }), { at: 10_000, sent: 18.5 * MB });
    expect(samples.map((s) => s.at)).toEqual([2000, 9000, 10_000]);
    expect(speedOf(samples)).toBeCloseTo((14.5 * MB) / 8, 6);
  });

  it('has no speed when nothing moved (paused, or bytes counted again after a retry)', () => {
    expect(speedOf([{ at: 0, sent: 5 }, { at: 3000, sent: 5 }])).toBeNull();
    expect(speedOf([{ at: 0, sent: 5 }, { at: 3000, sent: 2 }])).toBeNull();
  });

  it('says the seconds left, rounded up, or nothing without a speed', () => {
    expect(secondsLeft(10 * MB, 2 * MB)).toBe(5);
    expect(secondsLeft(10 * MB + 1, 2 * MB)).toBe(6);
    expect(secondsLeft(10 * MB, null)).toBeNull();
    expect(secondsLeft(0, null)).toBe(0);
  });
});

describe('what is sent', () => {
  it('keeps photos, refuses other files, skips system files and files already queued', () => {
    const file = (name: string, type = '', size = 10, lastModified = 1) => ({ name, type, size, lastModified });
    const queued = new Set([`DSC_1.jpg\u000010\u00001`]);
    const { photos, refused } = sortPicked(
      [
        file('DSC_1.jpg', 'image/jpeg'),
        file('DSC_2.JPG', 'image/jpeg'),
        file('DSC_2.JPG', 'image/jpeg'),
        file('IMG_0003.HEIC'),
        file('scan.tiff', 'image/tiff'),
        file('export.webp', 'image/webp'),
        file('DSC_4.NEF'),
        file('DSC_4.xmp', 'application/rdf+xml'),
        file('.DS_Store'),
        file('._DSC_2.JPG', 'image/jpeg'),
        file('Thumbs.db'),
      ],
      queued,
    );
    expect(photos.map((f) => f.name)).toEqual(['DSC_2.JPG', 'export.webp', 'IMG_0003.HEIC', 'scan.tiff']);
    expect(refused.map((f) => f.name)).toEqual(['DSC_4.NEF', 'DSC_4.xmp']);
  });

  it('orders photos as they were taken: DSC_2 before DSC_10', () => {
    const names = ['DSC_10.jpg', 'DSC_2.jpg', 'dsc_1.jpg'].map((name) => ({ name, type: 'image/jpeg', size: 1 }));
    expect(sortPicked(names, new Set()).photos.map((f) => f.name)).toEqual(['dsc_1.jpg', 'DSC_2.jpg', 'DSC_10.jpg']);
  });

  it('names the problem of a refused upload from its status', () => {
    expect([413, 415, 404, 500, 0, null].map(problemOf)).toEqual(['tooLarge', 'unsupported', 'galleryGone', 'other', 'network', 'network']);
  });
});
