import { describe, expect, it } from 'vitest';
import { insertText, placeholderToken, toggleInline, toggleLines, type Selection } from './markdown';

/** A selection written with [ and ] around it (or | for a caret), for readable cases. */
function sel(marked: string): Selection {
  const caret = marked.indexOf('|');
  if (caret >= 0) return { value: marked.replace('|', ''), start: caret, end: caret };
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { value: marked.replace('[', '').replace(']', ''), start, end };
}

/** The same notation back, to compare. */
function show({ value, start, end }: Selection): string {
  return start === end ? value.slice(0, start) + '|' + value.slice(start) : value.slice(0, start) + '[' + value.slice(start, end) + ']' + value.slice(end);
}

describe('bold and italic', () => {
  it('wraps the selection, and unwraps it on a second click', () => {
    expect(show(toggleInline(sel('Le [client] signe.'), 'bold'))).toBe('Le **[client]** signe.');
    expect(show(toggleInline(sel('Le **[client]** signe.'), 'bold'))).toBe('Le [client] signe.');
    expect(show(toggleInline(sel('Le [client] signe.'), 'italic'))).toBe('Le *[client]* signe.');
    expect(show(toggleInline(sel('Le *[client]* signe.'), 'italic'))).toBe('Le [client] signe.');
  });

  it('tells bold from italic when both are there', () => {
    expect(show(toggleInline(sel('**[x]**'), 'italic'))).toBe('***[x]***');
    expect(show(toggleInline(sel('***[x]***'), 'bold'))).toBe('*[x]*');
    expect(show(toggleInline(sel('***[x]***'), 'italic'))).toBe('**[x]**');
    expect(show(toggleInline(sel('*[x]*'), 'bold'))).toBe('***[x]***');
  });

  it('keeps the spaces of a double-click outside the marks', () => {
    expect(show(toggleInline(sel('Le [client ]signe.'), 'bold'))).toBe('Le **[client]** signe.');
  });

  it('puts the caret between the marks when nothing is selected', () => {
    expect(show(toggleInline(sel('Total |'), 'bold'))).toBe('Total **|**');
  });
});

describe('headings and lists', () => {
  it('makes the caret’s line a heading, replaces one level by the other, and removes it', () => {
    expect(show(toggleLines(sel('Objet du con|trat\nSuite'), 'h1'))).toBe('# Objet du contrat|\nSuite');
    expect(show(toggleLines(sel('# Objet|'), 'h2'))).toBe('## Objet|');
    expect(show(toggleLines(sel('## Objet|'), 'h2'))).toBe('Objet|');
  });

  it('starts a heading on an empty line', () => {
    expect(show(toggleLines(sel('Intro\n|'), 'h1'))).toBe('Intro\n# |');
  });

  it('lists every selected line, numbered from 1, and skips blank lines', () => {
    expect(toggleLines(sel('[Séance\nRetouches\n\nLivraison]'), 'numbers').value).toBe('1. Séance\n2. Retouches\n\n3. Livraison');
    expect(toggleLines(sel('Avant\n[Séance\nRetouches]\nAprès'), 'bullets').value).toBe('Avant\n- Séance\n- Retouches\nAprès');
  });

  it('switches a bulleted list to a numbered one, and takes the list off on a second click', () => {
    expect(toggleLines(sel('[- a\n- b]'), 'numbers').value).toBe('1. a\n2. b');
    expect(toggleLines(sel('[1. a\n2. b]'), 'numbers').value).toBe('a\nb');
  });

  it('leaves the line after a selection of whole lines alone', () => {
    expect(show(toggleLines(sel('[a\n]b'), 'bullets'))).toBe('[- a]\nb');
  });
});

describe('placeholders', () => {
  it('go in at the caret or instead of the selection, the caret after them', () => {
    expect(show(insertText(sel('Entre | et le studio'), placeholderToken('client.fullName')))).toBe('Entre {{client.fullName}}| et le studio');
    expect(show(insertText(sel('Prix : [XX €]'), placeholderToken('price')))).toBe('Prix : {{price}}|');
  });
});
