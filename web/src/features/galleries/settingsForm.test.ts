import { describe, expect, it } from 'vitest';
import type { Gallery } from './api';
import { draftErrors, draftOf, inputOf, NEW_GALLERY, patchOf } from './settingsForm';

const gallery = {
  id: 'g1',
  title: 'Mariage de Chloé',
  expiresAt: '2027-07-31T21:59:00Z',
  watermark: false,
  downloads: 'ORIGINALS',
  selectionMax: 30,
} as Gallery;

describe('gallery settings form', () => {
  it('reads the expiry as the studio’s day, and sends that day’s last minute back', () => {
    const draft = draftOf(gallery, 'Europe/Paris');
    expect(draft).toEqual({ title: 'Mariage de Chloé', expiresOn: '2027-07-31', watermark: false, downloads: 'ORIGINALS', selectionMax: 30 });
    expect(inputOf({ ...draft, expiresOn: '2027-12-31' }, 'Europe/Paris').expiresAt).toBe('2027-12-31T22:59:00Z');
  });

  it('a new gallery: trimmed title, nulls for no expiry and no limit', () => {
    expect(inputOf({ ...NEW_GALLERY, title: '  Portraits  ' }, 'Europe/Paris')).toEqual({
      title: 'Portraits',
      expiresAt: null,
      watermark: false,
      downloads: 'ORIGINALS',
      selectionMax: null,
    });
  });

  it('patches only what changed; emptying the expiry or the limit sends null', () => {
    const draft = draftOf(gallery, 'Europe/Paris');
    expect(patchOf(gallery, draft, 'Europe/Paris')).toEqual({});
    expect(patchOf(gallery, { ...draft, watermark: true, downloads: 'PREVIEWS' }, 'Europe/Paris')).toEqual({ watermark: true, downloads: 'PREVIEWS' });
    expect(patchOf(gallery, { ...draft, expiresOn: '', selectionMax: '' }, 'Europe/Paris')).toEqual({ expiresAt: null, selectionMax: null });
  });

  it('asks for a title of at most 120 characters and a limit between 1 and 10,000', () => {
    expect(draftErrors({ ...NEW_GALLERY, title: ' ' })).toEqual({ title: 'validation.required' });
    expect(draftErrors({ ...NEW_GALLERY, title: 'x'.repeat(121) })).toEqual({ title: 'validation.tooLong' });
    expect(draftErrors({ ...NEW_GALLERY, title: 'x', selectionMax: 0 })).toEqual({ selectionMax: 'galleries.form.selectionMaxInvalid' });
    expect(draftErrors({ ...NEW_GALLERY, title: 'x', selectionMax: 2.5 })).toHaveProperty('selectionMax');
    expect(draftErrors({ ...NEW_GALLERY, title: 'x', selectionMax: 10_000 })).toEqual({});
  });
});
