import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/problem';
import type { Gallery } from './api';
import { lockedMinutes, moveBy, PIN_PATTERN, shareRefusal, swipeDirection, selectionFull, selectionOpen, selectionRefusal } from './rules';

const gallery = (over: Partial<Gallery> = {}) =>
  ({ status: 'PUBLISHED', expired: false, selectionMax: 30, selection: { status: 'OPEN', submittedAt: null, count: 12 }, ...over }) as Gallery;

describe('the client’s selection', () => {
  it('is open while published, not expired and not submitted', () => {
    expect(selectionOpen(gallery())).toBe(true);
    expect(selectionOpen(gallery({ status: 'DRAFT' }))).toBe(false);
    expect(selectionOpen(gallery({ expired: true }))).toBe(false);
    expect(selectionOpen(gallery({ selection: { status: 'SUBMITTED', submittedAt: '2027-07-01T10:00:00Z', count: 12 } }))).toBe(false);
  });

  it('is full at the studio’s limit; without a limit, never', () => {
    expect(selectionFull(gallery())).toBe(false);
    expect(selectionFull(gallery({ selection: { status: 'OPEN', submittedAt: null, count: 30 } }))).toBe(true);
    expect(selectionFull(gallery({ selectionMax: null, selection: { status: 'OPEN', submittedAt: null, count: 500 } }))).toBe(false);
  });

  it('reads the server’s refusals: submitted already, over the limit, nothing marked', () => {
    expect(selectionRefusal(new ApiError({ status: 409, code: 'selection_submitted' }))).toBe('submitted');
    expect(selectionRefusal(new ApiError({ status: 422, errors: [{ field: 'favorite', code: 'selection_full', message: '' }] }))).toBe('full');
    expect(selectionRefusal(new ApiError({ status: 422, errors: [{ field: 'selection', code: 'empty', message: '' }] }))).toBe('empty');
    expect(selectionRefusal(new ApiError({ status: 410, code: 'gallery_expired' }))).toBeNull();
    expect(selectionRefusal(new ApiError({ status: 422, code: 'validation_failed', errors: [{ field: 'comment', code: 'too_long', message: '' }] }))).toBeNull();
    expect(selectionRefusal(new ApiError({ status: 500 }))).toBeNull();
    expect(selectionRefusal(new Error('x'))).toBeNull();
  });
});

describe('photo order', () => {
  it('moves a photo one place earlier or later, not past either end', () => {
    expect(moveBy(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moveBy(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moveBy(['a', 'b', 'c'], 'z', 1)).toBeNull();
  });
});

describe('swipes in the viewer', () => {
  it('a finger to the left shows the next photo, to the right the previous; short or vertical moves do nothing', () => {
    const at = { x: 200, y: 300 };
    expect(swipeDirection(at, { x: 120, y: 310 })).toBe(1);
    expect(swipeDirection(at, { x: 280, y: 290 })).toBe(-1);
    expect(swipeDirection(at, { x: 170, y: 300 })).toBe(0);
    expect(swipeDirection(at, { x: 120, y: 420 })).toBe(0);
  });
});

describe('a guest link', () => {
  it('takes a PIN of 4 to 8 digits', () => {
    for (const pin of ['2468', '12345678']) expect(PIN_PATTERN.test(pin)).toBe(true);
    for (const pin of ['246', '123456789', '12a4', ' 2468', '']) expect(PIN_PATTERN.test(pin)).toBe(false);
  });

  it('reads why it did not open', () => {
    expect(shareRefusal(new ApiError({ status: 403 }))).toBe('wrongPin');
    expect(shareRefusal(new ApiError({ status: 429, code: 'rate_limited' }, 900))).toBe('locked');
    expect(shareRefusal(new ApiError({ status: 404 }))).toBe('invalid');
    expect(shareRefusal(new ApiError({ status: 410, code: 'gallery_expired' }))).toBe('expired');
    expect(shareRefusal(new ApiError({ status: 401 }))).toBe('session');
    expect(shareRefusal(new ApiError({ status: 500 }))).toBeNull();
    expect(shareRefusal(new Error('network'))).toBeNull();
  });

  it('says how long a locked link waits, in whole minutes', () => {
    expect(lockedMinutes(new ApiError({ status: 429 }, 900))).toBe(15);
    expect(lockedMinutes(new ApiError({ status: 429 }, 61))).toBe(2);
    expect(lockedMinutes(new ApiError({ status: 429 }, 5))).toBe(1);
    expect(lockedMinutes(new ApiError({ status: 429 }))).toBe(15);
  });
});
