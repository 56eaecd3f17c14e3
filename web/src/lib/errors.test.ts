import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en/translation.json';
import fr from '../locales/fr/translation.json';
import { actionProblemMessage, fieldMessage, problemMessage } from './errors';
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
    // The server's message quoted where the translation asks for it, never interpreted.
    expect(fieldMessage(t, { field: 'body', code: 'unknown_placeholder', message: '{{foo}}' })).toBe('Champ inconnu\u00a0: {{foo}}. Choisissez les champs dans la liste «\u00a0Insérer un champ\u00a0».');
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

describe('booking and sign-up limits', () => {
  it('a busy server says to come back in a few seconds (its Retry-After when given); an outage stays an outage', () => {
    const fr = i18n.getFixedT('fr');
    const en = i18n.getFixedT('en');
    expect(problemMessage(fr, new ApiError({ status: 503, code: 'busy' }))).toBe('Le service est très sollicité. Réessayez dans quelques secondes.');
    expect(problemMessage(fr, new ApiError({ status: 503, code: 'busy' }, 1))).toBe('Le service est très sollicité. Réessayez dans 1 seconde.');
    expect(problemMessage(fr, new ApiError({ status: 503, code: 'busy' }, 3))).toBe('Le service est très sollicité. Réessayez dans 3 secondes.');
    expect(problemMessage(en, new ApiError({ status: 503, code: 'busy' }, 2))).toBe('The service is very busy. Try again in 2 seconds.');
    expect(problemMessage(en, new ApiError({ status: 503 }))).toMatch(/briefly unavailable/);
  });

  it('reads Retry-After from a busy answer', async () => {
    const res = new Response(JSON.stringify({ status: 503, code: 'busy', detail: 'busy' }), {
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' },
    });
    const error = await ApiError.from(res);
    expect(error.retryAfter).toBe(2);
    expect(problemMessage(i18n.getFixedT('fr'), error)).toMatch(/dans 2 secondes/);
  });

  it('too many requests waiting says what to do', () => {
    const t = i18n.getFixedT('fr');
    expect(problemMessage(t, new ApiError({ status: 409, code: 'too_many_open_requests', detail: 'You already have 3 requests' }))).toBe(
      'Vous avez déjà plusieurs demandes en attente de réponse du studio. Attendez sa réponse ou annulez l\'une d\'elles pour en envoyer une nouvelle.',
    );
  });

  it('an action without form fields shows the field errors themselves, not "some fields need fixing"', () => {
    const t = i18n.getFixedT('fr');
    const beyond = new ApiError({ status: 422, code: 'validation_failed', errors: [{ field: 'start', code: 'beyond_horizon', message: 'Too far ahead.' }] });
    expect(problemMessage(t, beyond)).toBe('Certains champs sont à corriger.');
    expect(actionProblemMessage(t, beyond)).toBe("Le studio n'ouvre pas encore ses réservations à cette date. Choisissez une date plus proche.");
    expect(actionProblemMessage(i18n.getFixedT('en'), beyond)).toMatch(/that far ahead/);
    const twice = new ApiError({ status: 422, errors: [{ field: 'a', code: 'required', message: '' }, { field: 'b', code: 'required', message: '' }] });
    expect(actionProblemMessage(t, twice)).toBe('Ce champ est obligatoire.');
    expect(actionProblemMessage(t, new ApiError({ status: 429 }, 12))).toBe('Trop de tentatives. Réessayez dans 12 secondes.');
    expect(actionProblemMessage(t, new ApiError({ status: 409, code: 'slot_taken' }))).toMatch(/vient d'être réservé/);
  });
});
