import { describe, expect, it } from 'vitest';
import { linkify, type BodyPart } from './linkify';

const links = (parts: BodyPart[]) => parts.filter((p) => p.kind === 'link').map((p) => (p.kind === 'link' ? p.href : ''));
const joined = (parts: BodyPart[]) => parts.map((p) => p.text).join('');

describe('linkify', () => {
  it('keeps plain text as one part', () => {
    expect(linkify('Bonjour,\nà demain !')).toEqual([{ kind: 'text', text: 'Bonjour,\nà demain !' }]);
    expect(linkify('')).toEqual([]);
  });

  it('turns http and https addresses into links, leaving the prose around them', () => {
    const parts = linkify('Voir https://example.com/galerie?id=3&x=1. Et http://test.fr/a_(b) (ici).');
    expect(links(parts)).toEqual(['https://example.com/galerie?id=3&x=1', 'http://test.fr/a_(b)']);
    expect(parts[0]).toEqual({ kind: 'text', text: 'Voir ' });
    expect(parts[2]).toEqual({ kind: 'text', text: '. Et ' });
    expect(joined(parts)).toBe('Voir https://example.com/galerie?id=3&x=1. Et http://test.fr/a_(b) (ici).');
  });

  it('never links another scheme, and keeps HTML as text', () => {
    for (const body of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      '<script>alert("x")</script>',
      '<a href="javascript:alert(1)">clic</a>',
      '<img src=x onerror=alert(1)>',
      'vbscript:msgbox(1) file:///etc/passwd ftp://files.example.com',
      'xhttps://example.com',
    ]) {
      const parts = linkify(body);
      expect(links(parts)).toEqual([]);
      expect(joined(parts)).toBe(body);
    }
  });

  it('does not read Markdown: only the address inside it is linked', () => {
    const parts = linkify('[cliquez ici](https://evil.example/x) **gras** [x](javascript:alert(1))');
    expect(links(parts)).toEqual(['https://evil.example/x']);
    expect(parts.find((p) => p.kind === 'link')?.text).toBe('https://evil.example/x');
    expect(joined(parts)).toBe('[cliquez ici](https://evil.example/x) **gras** [x](javascript:alert(1))');
  });

  it('stops an address at quotes and angle brackets', () => {
    const parts = linkify('<https://a.example/b>"https://c.example/d"');
    expect(links(parts)).toEqual(['https://a.example/b', 'https://c.example/d']);
  });

  it('leaves a bare scheme as text', () => {
    expect(links(linkify('https:// et http://'))).toEqual([]);
  });
});
