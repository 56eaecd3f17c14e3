// The studio's booking rules as the settings form edits them: the bounds and defaults the
// server enforces (PUT /api/settings), and the checks that mirror them before a save.
import type { Settings } from './api';

export type BookingRule = 'bookingHorizonMonths' | 'maxOpenRequestsPerClient' | 'requestExpiryHours';

export const BOOKING_RULES: Record<BookingRule, { min: number; max: number; fallback: number }> = {
  bookingHorizonMonths: { min: 1, max: 60, fallback: 18 },
  maxOpenRequestsPerClient: { min: 1, max: 20, fallback: 3 },
  requestExpiryHours: { min: 1, max: 720, fallback: 72 },
};

export const BOOKING_RULE_FIELDS = Object.keys(BOOKING_RULES) as BookingRule[];

/** A number input's value: '' while the field is empty. */
export type RuleValue = number | '';

export type SettingsDraft = Omit<Settings, BookingRule> & Record<BookingRule, RuleValue>;

/** The form's draft from the server's settings (a server without the rules yet gets the defaults). */
export function draftOf(s: Settings): SettingsDraft {
  const draft = { ...s } as SettingsDraft;
  for (const f of BOOKING_RULE_FIELDS) {
    const v = (s as Partial<Settings>)[f];
    draft[f] = typeof v === 'number' ? v : BOOKING_RULES[f].fallback;
  }
  return draft;
}

/** i18n keys of the rules to fix, by field; empty when every rule is a whole number in bounds. */
export function bookingRuleErrors(draft: Record<BookingRule, RuleValue>): Partial<Record<BookingRule, string>> {
  const errors: Partial<Record<BookingRule, string>> = {};
  for (const f of BOOKING_RULE_FIELDS) {
    const v = draft[f];
    const { min, max } = BOOKING_RULES[f];
    if (v === '') errors[f] = 'validation.required';
    else if (!Number.isInteger(v) || v < min || v > max) errors[f] = `fieldErrors.${f}.out_of_range`;
  }
  return errors;
}
