// The client's grid: rows of equal height that fill the width, each photo at its own shape
// (a "justified" layout). Which photos share a row depends on the width; within a row the
// browser does the rest (flex-grow by aspect ratio), so a row never overflows its container.

export interface Dimensions {
  width: number | null;
  height: number | null;
}

export interface LayoutOptions {
  /** The container's width, in CSS pixels. */
  width: number;
  /** The height rows aim at: a full row is at most this tall. */
  targetHeight: number;
  /** The space between two photos of a row. */
  gap: number;
}

export interface Row {
  /** The photos of the row: their index in the list and the aspect ratio they are laid out at. */
  items: { index: number; aspect: number }[];
  /** The row's height at `width` (a full row), or `targetHeight` (the last one, not stretched). */
  height: number;
  /** Whether the row spans the whole width (every row but, usually, the last). */
  filled: boolean;
}

/** A photo still without dimensions is laid out as a 3:2 landscape. */
const UNKNOWN_ASPECT = 3 / 2;
/** Panoramas and very tall crops are shown cropped, so that no row becomes a thin strip. */
const MIN_ASPECT = 1 / 3;
const MAX_ASPECT = 3;

/** Width over height, bounded; 3:2 when unknown. */
export function aspectOf({ width, height }: Dimensions): number {
  if (!width || !height || width <= 0 || height <= 0) return UNKNOWN_ASPECT;
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, width / height));
}

/**
 * Photos go into a row until the row, at `targetHeight`, is as wide as the container; the
 * row is then shrunk to fit exactly (so full rows are at most `targetHeight` tall). What is
 * left at the end forms a last row at `targetHeight`, not stretched.
 */
export function justify(photos: readonly Dimensions[], { width, targetHeight, gap }: LayoutOptions): Row[] {
  const rows: Row[] = [];
  let items: Row['items'] = [];
  let sum = 0;
  photos.forEach((photo, index) => {
    const aspect = aspectOf(photo);
    items.push({ index, aspect });
    sum += aspect;
    const gaps = gap * (items.length - 1);
    if (sum * targetHeight + gaps >= width) {
      rows.push({ items, height: (width - gaps) / sum, filled: true });
      items = [];
      sum = 0;
    }
  });
  if (items.length > 0) rows.push({ items, height: targetHeight, filled: false });
  return rows;
}

/** Row height for a container: shorter rows on a phone, where two photos share 340 px. */
export function targetHeightFor(width: number): number {
  return width < 600 ? 140 : 220;
}
