import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Block } from './api';
import { ContractDocument } from './ContractDocument';

const html = (blocks: Block[]) => renderToStaticMarkup(<ContractDocument blocks={blocks} />);

describe('the contract document', () => {
  it('renders headings, paragraphs, lists, bold, italic and line breaks', () => {
    const out = html([
      { type: 'heading', level: 1, runs: [{ text: 'Contrat de prestation' }] },
      { type: 'heading', level: 2, runs: [{ text: 'Article 1' }] },
      { type: 'paragraph', runs: [{ text: 'Entre ' }, { text: 'Chloé Dubois', bold: true }, { text: '\net le studio', italic: true }] },
      { type: 'bullets', items: [[{ text: 'Séance' }], [{ text: 'Retouches', bold: true, italic: true }]] },
      { type: 'numbers', items: [[{ text: 'Un' }], [{ text: 'Deux' }]] },
    ]);
    expect(out).toContain('<h2>Contrat de prestation</h2><h3>Article 1</h3>');
    expect(out).toContain('<p>Entre <strong>Chloé Dubois</strong><em><br/>et le studio</em></p>');
    expect(out).toContain('<ul><li>Séance</li><li><strong><em>Retouches</em></strong></li></ul>');
    expect(out).toContain('<ol><li>Un</li><li>Deux</li></ol>');
  });

  it('shows hostile text as text: nothing in it becomes markup', () => {
    const out = html([
      { type: 'heading', level: 1, runs: [{ text: '<img src=x onerror=alert(1)>' }] },
      { type: 'paragraph', runs: [{ text: '<script>alert(1)</script>' }, { text: '<a href="javascript:alert(1)">x</a>', bold: true }] },
      { type: 'bullets', items: [[{ text: '</li></ul><iframe src="//evil">' }]] },
    ]);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toMatch(/<script|<img|<a |<iframe/);
  });

  it('skips a block type it does not know', () => {
    expect(html([{ type: 'table', rows: [] } as unknown as Block, { type: 'paragraph', runs: [{ text: 'ok' }] }])).toBe('<article class="contract-document"><p>ok</p></article>');
  });
});
