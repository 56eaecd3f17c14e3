// A gallery's settings as a form edits them, and what the form sends (POST, or a PATCH of
// what changed). The expiry is a day: the gallery stays open until that day's end, studio time.
import { dayKey, localInputToIso } from '../../lib/time';
import type { Errors } from '../../lib/validation';
import type { Downloads, Gallery, GalleryInput, GalleryPatch } from './api';

/** The server's bounds. */
export const TITLE_MAX = 120;
export const SELECTION_MAX_LIMIT = 10_000;
export const DOWNLOADS: readonly Downloads[] = ['NONE', 'PREVIEWS', 'ORIGINALS'];

export interface GalleryDraft {
  title: string;
  /** "YYYY-MM-DD", or "" for no expiry. */
  expiresOn: string;
  watermark: boolean;
  downloads: Downloads;
  /** "" for no limit. */
  selectionMax: number | '';
}

/** A new gallery: originals to download, no watermark, no expiry, no limit. */
export const NEW_GALLERY: GalleryDraft = { title: '', expiresOn: '', watermark: false, downloads: 'ORIGINALS', selectionMax: '' };

export function draftOf(g: Gallery, timeZone: string): GalleryDraft {
  return {
    title: g.title,
    expiresOn: g.expiresAt ? dayKey(g.expiresAt, timeZone) : '',
    watermark: g.watermark,
    downloads: g.downloads,
    selectionMax: g.selectionMax ?? '',
  };
}

/** The last minute of the day, studio time, as RFC 3339; null for none. */
export function expiryOf(day: string, timeZone: string): string | null {
  return day ? localInputToIso(`${day}T23:59`, timeZone) : null;
}

export function inputOf(d: GalleryDraft, timeZone: string): GalleryInput {
  return {
    title: d.title.trim(),
    expiresAt: expiryOf(d.expiresOn, timeZone),
    watermark: d.watermark,
    downloads: d.downloads,
    selectionMax: d.selectionMax === '' ? null : d.selectionMax,
  };
}

/** Only what differs from the gallery (null clears the expiry or the limit). */
export function patchOf(g: Gallery, d: GalleryDraft, timeZone: string): GalleryPatch {
  const input = inputOf(d, timeZone);
  const before = draftOf(g, timeZone);
  const patch: GalleryPatch = {};
  if (input.title !== g.title) patch.title = input.title;
  if (d.expiresOn !== before.expiresOn) patch.expiresAt = input.expiresAt;
  if (input.watermark !== g.watermark) patch.watermark = input.watermark;
  if (input.downloads !== g.downloads) patch.downloads = input.downloads;
  if (input.selectionMax !== g.selectionMax) patch.selectionMax = input.selectionMax;
  return patch;
}

/** i18n keys of what is wrong, by field. */
export function draftErrors(d: GalleryDraft): Errors<'title' | 'selectionMax'> {
  const errors: Errors<'title' | 'selectionMax'> = {};
  const title = d.title.trim();
  if (!title) errors.title = 'validation.required';
  else if (title.length > TITLE_MAX) errors.title = 'validation.tooLong';
  if (d.selectionMax !== '' && (!Number.isInteger(d.selectionMax) || d.selectionMax < 1 || d.selectionMax > SELECTION_MAX_LIMIT)) {
    errors.selectionMax = 'galleries.form.selectionMaxInvalid';
  }
  return errors;
}
