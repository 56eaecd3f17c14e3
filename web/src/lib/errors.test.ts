import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en/translation.json';
import fr from '../locales/fr/translation.json';
import { fieldMessage, problemMessage } from './errors';
import { ApiError, NetworkError } from './problem';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr' }));

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('French and English have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    for (const k of keys(fr)) expect(i18n.t(k, { lng: 'fr' }), k).not.toBe('');
  });
});

describe('problem messages', () => {
  it('translates a field error by field and code, then by code, then keeps the server text', () => {
    const t = i18n.getFixedT('fr');
    expect(fieldMessage(t, { field: 'currentPassword', code: 'wrong_password', message: 'x' })).toBe(
      'Le mot de passe actuel est incorrect.',
    );
    expect(fieldMessage(t, { field: 'firstName', code: 'too_long', message: 'x' })).toBe('Ce texte est trop long.');
    expect(fieldMessage(t, { field: 'x', code: 'brand_new', message: 'Server words.' })).toBe('Server words.');
  });

  it('says what to do for each kind of failure', () => {
    const t = i18n.getFixedT('en');
    expect(problemMessage(t, new NetworkError(new TypeError()))).toMatch(/does not answer/);
    expect(problemMessage(t, new ApiError({ status: 429 }, 30))).toBe('Too many attempts. Try again in 30 seconds.');
    expect(problemMessage(t, new ApiError({ status: 409, code: 'email_taken' }))).toMatch(/already uses/);
    expect(problemMessage(t, new ApiError({ status: 500, detail: 'stack trace' }))).not.toMatch(/stack/);
    expect(problemMessage(t, new Error('boom'))).toMatch(/Something went wrong/);
  });
});
