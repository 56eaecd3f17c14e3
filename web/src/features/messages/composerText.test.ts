import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillPlaceholders, insertAt, loadDraft, saveDraft } from './composerText';

const values = { client: { firstName: 'Chloé', lastName: 'Dubois' }, studioName: 'Atelier Lumière' };

describe('saved replies', () => {
  it('fills the three placeholders, spaces allowed, and leaves unknown ones', () => {
    expect(fillPlaceholders('Bonjour {{client.firstName}} {{ client.lastName }}, à bientôt chez {{studio.name}} ! {{client.phone}}', values)).toBe(
      'Bonjour Chloé Dubois, à bientôt chez Atelier Lumière ! {{client.phone}}',
    );
  });

  it('does not read a value as a placeholder', () => {
    expect(fillPlaceholders('{{client.firstName}}', { ...values, client: { firstName: '{{studio.name}}', lastName: '' } })).toBe('{{studio.name}}');
  });

  it('inserts at the caret, replacing a selection, with a space after a word', () => {
    expect(insertAt('Merci', 'Bonjour', 5, 5)).toEqual({ value: 'Merci Bonjour', caret: 13 });
    expect(insertAt('', 'Bonjour', 0, 0)).toEqual({ value: 'Bonjour', caret: 7 });
    expect(insertAt('Un XX deux', 'trois', 3, 5)).toEqual({ value: 'Un trois deux', caret: 8 });
  });
});

describe('drafts', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    globalThis.localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    } as Storage;
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('keeps one draft per conversation and forgets an empty one', () => {
    saveDraft('c1', 'Bonjour');
    saveDraft('c2', 'Hello');
    expect(loadDraft('c1')).toBe('Bonjour');
    expect(loadDraft('c2')).toBe('Hello');
    saveDraft('c1', '   ');
    expect(loadDraft('c1')).toBe('');
    expect(store.has('declic.draft.c1')).toBe(false);
  });

  it('survives a storage that refuses', () => {
    globalThis.localStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    } as unknown as Storage;
    expect(() => saveDraft('c1', 'x')).not.toThrow();
    expect(loadDraft('c1')).toBe('');
  });
});
