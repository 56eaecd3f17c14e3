import { describe, expect, it } from 'vitest';
import { aspectOf, justify, targetHeightFor, type Dimensions } from './justify';

const landscape: Dimensions = { width: 3000, height: 2000 };
const portrait: Dimensions = { width: 2000, height: 3000 };
const options = { width: 1000, targetHeight: 200, gap: 8 };

/** How wide a row is drawn: its photos at its height, plus the gaps. */
const drawnWidth = (row: ReturnType<typeof justify>[number], gap: number) =>
  row.items.reduce((sum, item) => sum + item.aspect * row.height, 0) + gap * (row.items.length - 1);

describe('justified rows', () => {
  it('fills each full row exactly, at most as tall as the target, in the photos’ order', () => {
    const photos = [landscape, portrait, landscape, landscape, portrait, landscape, portrait, portrait, landscape];
    const rows = justify(photos, options);
    expect(rows.flatMap((r) => r.items.map((i) => i.index))).toEqual(photos.map((_, i) => i));
    for (const row of rows.filter((r) => r.filled)) {
      expect(drawnWidth(row, 8)).toBeCloseTo(1000, 6);
      expect(row.height).toBeLessThanOrEqual(200);
      expect(row.height).toBeGreaterThan(100);
    }
  });

  it('leaves the last row at the target height, narrower than the container', () => {
    const rows = justify([landscape, landscape, landscape, landscape], options);
    // 3 landscapes at 200 px: 900 + 16 < 1000, the fourth closes the row.
    expect(rows).toHaveLength(1);
    expect(rows[0].filled).toBe(true);
    const [full, last] = justify([landscape, landscape, landscape, landscape, portrait], options);
    expect(full.items).toHaveLength(4);
    expect(last).toEqual({ items: [{ index: 4, aspect: 2 / 3 }], height: 200, filled: false });
    expect(drawnWidth(last, 8)).toBeLessThan(1000);
  });

  it('fits a phone: two landscapes a row on 343 px', () => {
    const rows = justify([landscape, landscape, landscape, landscape], { width: 343, targetHeight: targetHeightFor(343), gap: 4 });
    expect(rows.map((r) => r.items.length)).toEqual([2, 2]);
    expect(rows[0].height).toBeCloseTo((343 - 4) / 3, 6);
  });

  it('lays out photos without dimensions as 3:2 and bounds extreme shapes', () => {
    expect(aspectOf({ width: null, height: null })).toBe(1.5);
    expect(aspectOf({ width: 100, height: 0 })).toBe(1.5);
    expect(aspectOf({ width: 12000, height: 1000 })).toBe(3);
    expect(aspectOf({ width: 500, height: 5000 })).toBeCloseTo(1 / 3);
    const rows = justify([{ width: 12000, height: 1000 }], { width: 500, targetHeight: 200, gap: 4 });
    expect(rows[0]).toMatchObject({ filled: true, height: 500 / 3 });
  });

  it('has no rows for no photos', () => {
    expect(justify([], options)).toEqual([]);
  });
});
