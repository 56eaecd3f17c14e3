// A message body is plain text: the only thing read into it is web addresses, which become
// links. Nothing else (HTML, Markdown, other URL schemes) is interpreted.

export type BodyPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"]+/gi;
// Punctuation that ends a sentence rather than the address.
const TRAILING = /[.,;:!?'»”’*_~]$/;

/** The address without what follows it in prose (a full stop, a closing bracket it did not open). */
function trimTrailing(url: string): string {
  let s = url;
  for (;;) {
    if (TRAILING.test(s)) s = s.slice(0, -1);
    else if (s.endsWith(')') && count(s, '(') < count(s, ')')) s = s.slice(0, -1);
    else if (s.endsWith(']') && count(s, '[') < count(s, ']')) s = s.slice(0, -1);
    else return s;
  }
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

/** http(s) addresses only, well formed. */
function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits a body into plain text and http(s) links, in order; joined, the texts give the body back. */
export function linkify(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let at = 0;
  const push = (text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += text;
    else parts.push({ kind: 'text', text });
  };
  for (const match of body.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const text = trimTrailing(match[0]);
    const href = safeHref(text);
    push(body.slice(at, start));
    if (href && text.length > 'https://'.length) parts.push({ kind: 'link', text, href });
    else push(text);
    at = start + text.length;
  }
  push(body.slice(at));
  return parts;
}
