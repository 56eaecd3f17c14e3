// The signing form's rules, as the server has them (POST /api/contracts/{id}/sign): a full
// name of 2 to 200 characters, the explicit consent, and an optional drawn signature.
import type { Errors } from '../../lib/validation';
import type { SignInput } from './api';

export interface SignDraft {
  fullName: string;
  consent: boolean;
  /** The drawn signature's data URL, null when none was drawn. */
  signature: string | null;
}

export type SignField = 'fullName' | 'consent';

const FULL_NAME_MIN = 2;
export const FULL_NAME_MAX = 200;

/** i18n keys of what to fix, by field; empty when the contract may be signed. */
export function signErrors(draft: SignDraft): Errors<SignField> {
  const errors: Errors<SignField> = {};
  const name = draft.fullName.trim();
  if (!name) errors.fullName = 'contracts.sign.nameRequired';
  else if ([...name].length < FULL_NAME_MIN) errors.fullName = 'contracts.sign.nameTooShort';
  else if ([...name].length > FULL_NAME_MAX) errors.fullName = 'validation.tooLong';
  if (!draft.consent) errors.consent = 'contracts.sign.consentRequired';
  return errors;
}

/** What is sent once the draft is valid. */
export function signInput(draft: SignDraft): SignInput {
  return { fullName: draft.fullName.trim(), consent: true, ...(draft.signature ? { signature: draft.signature } : {}) };
}
