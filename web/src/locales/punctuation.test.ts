// French puts a space before : ; ! ? ("Prix : 150 €"), English does not ("Price: €150").
// The space belongs to the translation, never to the code around a translated word.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en/translation.json';
import fr from './fr/translation.json';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPACE = '[ \\u00a0\\u202f]';
// A sign ending a clause: not the colon of "https://" or of a clock time ("9:30").
const SIGN = '(?:[;!?]|:(?!//|\\d))';
// {t('…')} in JSX or ${t('…')} in a template, then a sign written by the code.
const GLUED = new RegExp(`\\{t\\((?:[^()]|\\([^()]*\\))*\\)\\}${SPACE}?${SIGN}`, 'g');

/** Every string of a translation file, with its key. */
function strings(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] =>
    typeof v === 'object' && v !== null ? strings(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  );
}

const matching = (pattern: RegExp, lang: object) => strings(lang).filter(([, text]) => pattern.test(text)).map(([key, text]) => `${key}: ${text}`);

describe('punctuation', () => {
  it('English has no space before : ; ! ?', () => {
    expect(matching(new RegExp(`${SPACE}${SIGN}`), en)).toEqual([]);
  });

  it('French has its space before : ; ! ?', () => {
    expect(matching(new RegExp(`[^\\s\\u00a0\\u202f(«“]${SIGN}`), fr)).toEqual([]);
  });

  it('no code writes a sign after a translated string (the language decides its space)', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const found = files.flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(GLUED)].map((m) => `${f}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('finds what it is meant to find', () => {
    expect(`{t('book.price')} : {price}`.match(GLUED)).toHaveLength(1);
    expect(`\` · \${t('book.deposit', { x: f(1) })}: \${deposit}\``.match(GLUED)).toHaveLength(1);
    expect(`{t('a')} ? <b/> : null`.match(GLUED)).toHaveLength(1);
    expect(`{t('common.labelled', { label: t('book.price'), value })}`.match(GLUED)).toBeNull();
  });
});
