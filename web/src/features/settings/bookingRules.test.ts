import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import fr from '../../locales/fr/translation.json';
import type { Settings } from './api';
import { BOOKING_RULE_FIELDS, bookingRuleErrors, draftOf } from './bookingRules';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr' }));

const base = { studioName: 'Atelier Lumière', timeZone: 'Europe/Paris', currency: 'EUR', locale: 'fr', slotStepMinutes: 15 };
const rules = { bookingHorizonMonths: 18, maxOpenRequestsPerClient: 3, requestExpiryHours: 72 };

describe('studio booking rules', () => {
  it('keep the saved values, and take the defaults from a server that does not send them yet', () => {
    expect(draftOf({ ...base, bookingHorizonMonths: 6, maxOpenRequestsPerClient: 1, requestExpiryHours: 24 })).toEqual({
      ...base,
      bookingHorizonMonths: 6,
      maxOpenRequestsPerClient: 1,
      requestExpiryHours: 24,
    });
    expect(draftOf(base as Settings)).toEqual({ ...base, ...rules });
  });

  it('accept whole numbers within the server bounds, edges included', () => {
    expect(bookingRuleErrors(rules)).toEqual({});
    expect(bookingRuleErrors({ bookingHorizonMonths: 1, maxOpenRequestsPerClient: 1, requestExpiryHours: 1 })).toEqual({});
    expect(bookingRuleErrors({ bookingHorizonMonths: 60, maxOpenRequestsPerClient: 20, requestExpiryHours: 720 })).toEqual({});
  });

  it('name the field to fix: empty, out of bounds, or not whole', () => {
    expect(bookingRuleErrors({ bookingHorizonMonths: '', maxOpenRequestsPerClient: 21, requestExpiryHours: 0 })).toEqual({
      bookingHorizonMonths: 'validation.required',
      maxOpenRequestsPerClient: 'fieldErrors.maxOpenRequestsPerClient.out_of_range',
      requestExpiryHours: 'fieldErrors.requestExpiryHours.out_of_range',
    });
    expect(bookingRuleErrors({ ...rules, bookingHorizonMonths: 61 })).toEqual({ bookingHorizonMonths: 'fieldErrors.bookingHorizonMonths.out_of_range' });
    expect(bookingRuleErrors({ ...rules, requestExpiryHours: 1.5 })).toEqual({ requestExpiryHours: 'fieldErrors.requestExpiryHours.out_of_range' });
  });

  it('say their bounds in both languages, the same words as the server answer gets', () => {
    for (const lng of ['fr', 'en'])
      for (const f of BOOKING_RULE_FIELDS) expect(i18n.exists(`fieldErrors.${f}.out_of_range`, { lng }), `${f} (${lng})`).toBe(true);
    expect(i18n.t('fieldErrors.requestExpiryHours.out_of_range', { lng: 'fr' })).toBe('Choisissez entre 1 et 720 heures (30 jours).');
  });

  it('write the unit after the number, singular or plural', () => {
    expect(i18n.t('settings.expiryUnit', { lng: 'fr', count: 1 })).toBe(' heure');
    expect(i18n.t('settings.expiryUnit', { lng: 'fr', count: 72 })).toBe(' heures');
    expect(i18n.t('settings.horizonUnit', { lng: 'en', count: 1 })).toBe(' month ahead');
    expect(i18n.t('settings.horizonUnit', { lng: 'en', count: 18 })).toBe(' months ahead');
  });
});
