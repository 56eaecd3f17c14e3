// The template editor's toolbar: each button turns the text and its selection into a new
// text and selection, in the Markdown subset the server reads (`# ` heading, `## `
// sub-heading, `- ` and `1. ` lists, `**bold**`, `*italic*`, `{{placeholder}}`).

/** A textarea's value and selection (start = end: a caret). */
export interface Selection {
  value: string;
  start: number;
  end: number;
}

export type InlineStyle = 'bold' | 'italic';
export type LineStyle = 'h1' | 'h2' | 'bullets' | 'numbers';

const STARS: Record<InlineStyle, number> = { bold: 2, italic: 1 };

const starsAtEnd = (s: string) => s.length - s.replace(/\*+$/, '').length;
const starsAtStart = (s: string) => s.length - s.replace(/^\*+/, '').length;

/**
 * Bold or italic on the selection, or off when it already has it: `**x**` is bold, `*x*`
 * italic, `***x***` both. Spaces at the edges of the selection stay outside the marks (a
 * double-click often takes the space after a word, and `**word **` would not be bold). With
 * no selection, the marks go in with the caret between them.
 */
export function toggleInline(sel: Selection, style: InlineStyle): Selection {
  const picked = sel.value.slice(sel.start, sel.end);
  const start = sel.start + (picked.length - picked.trimStart().length);
  const end = Math.max(start, sel.end - (picked.length - picked.trimEnd().length));
  const before = sel.value.slice(0, start);
  const inner = sel.value.slice(start, end);
  const after = sel.value.slice(end);
  const n = STARS[style];
  // Stars on both sides: bold when there are two or more, italic when their count is odd.
  const around = Math.min(starsAtEnd(before), starsAtStart(after));
  const has = style === 'bold' ? around >= 2 : around % 2 === 1;
  if (has) {
    return { value: before.slice(0, -n) + inner + after.slice(n), start: start - n, end: end - n };
  }
  const marks = '*'.repeat(n);
  return { value: before + marks + inner + marks + after, start: start + n, end: end + n };
}

const PREFIX = /^(#{1,2} |- |\d+\. )/;

function hasStyle(line: string, style: LineStyle): boolean {
  if (style === 'h1') return line.startsWith('# ');
  if (style === 'h2') return line.startsWith('## ');
  if (style === 'bullets') return line.startsWith('- ');
  return /^\d+\. /.test(line);
}

function prefixFor(style: LineStyle, index: number): string {
  return { h1: '# ', h2: '## ', bullets: '- ', numbers: `${index + 1}. ` }[style];
}

/**
 * A heading or a list on every line the selection touches, replacing the style a line had;
 * off again when every line already has it. Numbered lists count from 1; blank lines are
 * left alone. The selection then covers the lines it touched.
 */
export function toggleLines(sel: Selection, style: LineStyle): Selection {
  const from = sel.value.lastIndexOf('\n', sel.start - 1) + 1;
  // A selection of whole lines ends after a line break: the next line is not touched.
  const last = sel.end > sel.start && sel.value[sel.end - 1] === '\n' ? sel.end - 1 : sel.end;
  const nextBreak = sel.value.indexOf('\n', last);
  const to = nextBreak === -1 ? sel.value.length : nextBreak;
  const lines = sel.value.slice(from, to).split('\n');
  const written = lines.filter((l) => l.trim() !== '');
  const off = written.length > 0 && written.every((l) => hasStyle(l, style));
  let index = 0;
  const changed = lines.map((line) => {
    if (line.trim() === '' && lines.length > 1) return line;
    const bare = line.replace(PREFIX, '');
    return off ? bare : prefixFor(style, index++) + bare;
  });
  const block = changed.join('\n');
  const value = sel.value.slice(0, from) + block + sel.value.slice(to);
  // A caret on a line stays a caret, at the end of that line.
  if (sel.start === sel.end && lines.length === 1) return { value, start: from + block.length, end: from + block.length };
  return { value, start: from, end: from + block.length };
}

/** `text` instead of the selection, the caret after it (a placeholder, for instance). */
export function insertText(sel: Selection, text: string): Selection {
  const value = sel.value.slice(0, sel.start) + text + sel.value.slice(sel.end);
  const caret = sel.start + text.length;
  return { value, start: caret, end: caret };
}

/** How a placeholder is written in a template. */
export const placeholderToken = (key: string): string => `{{${key}}}`;
