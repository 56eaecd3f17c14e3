// The studio's legal details printed on its contracts (PUT /api/settings), as the settings
// form edits them: a SIRET of 14 digits (typed with or without spaces), a VAT number (4 to 20
// characters) or none.
import { collect, type Errors } from '../../lib/validation';
import type { Settings } from './api';

export type LegalField = 'legalName' | 'legalAddress' | 'siret' | 'vatNumber';
export type LegalDraft = Record<LegalField, string>;

const MAX: Record<LegalField, number> = { legalName: 200, legalAddress: 300, siret: 20, vatNumber: 24 };

export const legalMax = (field: LegalField): number => MAX[field];

const digits = (siret: string) => siret.replace(/[\s.]/g, '');

export function legalDraftOf(s: Settings): LegalDraft {
  return { legalName: s.legalName ?? '', legalAddress: s.legalAddress ?? '', siret: s.siret ?? '', vatNumber: s.vatNumber ?? '' };
}

/** i18n keys of what to fix, by field. */
export function legalErrors(v: LegalDraft): Errors<LegalField> {
  const tooLong = (f: LegalField) => (v[f].trim().length > MAX[f] ? 'validation.tooLong' : undefined);
  return collect({
    legalName: tooLong('legalName'),
    legalAddress: tooLong('legalAddress'),
    siret: v.siret.trim() && !/^\d{14}$/.test(digits(v.siret)) ? 'settings.legal.siretInvalid' : undefined,
    vatNumber: tooLong('vatNumber') ?? (v.vatNumber.trim() && v.vatNumber.replace(/\s+/g, '').length < 4 ? 'settings.legal.vatInvalid' : undefined),
  });
}

/** What is saved: trimmed, the SIRET as its 14 digits, null for what is left empty. */
export function legalValues(v: LegalDraft): Pick<Settings, LegalField> {
  return {
    legalName: v.legalName.trim() || null,
    legalAddress: v.legalAddress.trim() || null,
    siret: digits(v.siret) || null,
    vatNumber: v.vatNumber.trim().replace(/\s+/g, '') || null,
  };
}
