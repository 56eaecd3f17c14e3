// The public studio page's details as the settings form edits them (PUT /api/settings):
// a presentation, contact e-mail and phone, where sessions happen, and the accent colour.
import { collect, emailError, type Errors } from '../../lib/validation';
import type { Settings } from './api';

export type StudioPageField = 'presentation' | 'contactEmail' | 'contactPhone' | 'address' | 'accentColor';
export type StudioPageDraft = Record<StudioPageField, string>;

const MAX: Record<Exclude<StudioPageField, 'accentColor'>, number> = { presentation: 2000, contactEmail: 254, contactPhone: 40, address: 300 };

export const studioPageMax = (field: Exclude<StudioPageField, 'accentColor'>): number => MAX[field];

/** A few colours that suit a studio, offered beside the picker (the app's own teal first). */
export const ACCENT_SWATCHES = ['#0f766e', '#1e3a8a', '#6d28d9', '#be185d', '#b45309', '#166534', '#334155', '#9f1239'];

export function studioPageDraftOf(s: Settings): StudioPageDraft {
  return {
    presentation: s.presentation ?? '',
    contactEmail: s.contactEmail ?? '',
    contactPhone: s.contactPhone ?? '',
    address: s.address ?? '',
    accentColor: s.accentColor ?? '',
  };
}

/** i18n keys of what to fix, by field; each field may be left empty. */
export function studioPageErrors(v: StudioPageDraft): Errors<StudioPageField> {
  const tooLong = (f: keyof typeof MAX) => (v[f].trim().length > MAX[f] ? 'validation.tooLong' : undefined);
  return collect({
    presentation: tooLong('presentation'),
    contactEmail: v.contactEmail.trim() ? emailError(v.contactEmail) : undefined,
    contactPhone: tooLong('contactPhone'),
    address: tooLong('address'),
    accentColor: v.accentColor.trim() && !/^#[0-9a-f]{6}$/i.test(v.accentColor.trim()) ? 'settings.page.colorInvalid' : undefined,
  });
}

/** What is saved: trimmed, the colour in lower case, null for what is left empty. */
export function studioPageValues(v: StudioPageDraft): Pick<Settings, StudioPageField> {
  return {
    presentation: v.presentation.trim() || null,
    contactEmail: v.contactEmail.trim() || null,
    contactPhone: v.contactPhone.trim() || null,
    address: v.address.trim() || null,
    accentColor: v.accentColor.trim().toLowerCase() || null,
  };
}
