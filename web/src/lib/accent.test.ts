import { describe, expect, it } from 'vitest';
import { accentPalette, contrast, luminance, parseHex } from './accent';

const LIGHT = ['#ffffff', '#f7f5f2'];
const DARK = ['#141517', '#242424', '#2e2e2e'];
const min = (colour: string, surfaces: string[]) => Math.min(...surfaces.map((s) => contrast(colour, s)));

describe('the accent colour as a primary scale', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a colour that is readable as it is on the buttons (the app’s own teal)', () => {
    expect(accentPalette('#0f766e')![7]).toBe('#0f766e');
    expect(accentPalette('#1e3a8a')![7]).toBe('#1e3a8a');
  });

  it('refuses what is not #rrggbb', () => {
    expect(accentPalette('teal')).toBeNull();
    expect(accentPalette('#fff')).toBeNull();
  });

  for (const colour of ['#ffd43b', '#fff3bf', '#ffffff', '#e64980', '#40c057', '#0f766e', '#1e3a8a', '#000000', '#111111', '#7048e8', '#ff922b']) {
    it(`keeps text and buttons at AA in light and dark for ${colour}`, () => {
      const p = accentPalette(colour)!;
      expect(p).toHaveLength(10);
      // White text on filled buttons (shade 7) and on their hover (8).
      expect(contrast(p[7], '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p[8], '#ffffff')).toBeGreaterThanOrEqual(4.5);
      // Light mode: links (7) on cards and the page, text over a light tint (9).
      expect(min(p[7], LIGHT)).toBeGreaterThanOrEqual(4.5);
      expect(min(p[9], LIGHT)).toBeGreaterThanOrEqual(4.5);
      // Dark mode: links (4) and tinted text (2), outlines (3) on the dark surfaces.
      expect(min(p[4], DARK)).toBeGreaterThanOrEqual(4.5);
      expect(min(p[2], DARK)).toBeGreaterThanOrEqual(4.5);
      expect(min(p[3], DARK)).toBeGreaterThanOrEqual(3);
      // Lightest first.
      const lum = p.map((c) => luminance(parseHex(c)!));
      for (let i = 1; i < 10; i++) expect(lum[i]).toBeLessThanOrEqual(lum[i - 1] + 1e-9);
    });
  }

  it('darkens a light colour only as much as needed, and keeps its hue', () => {
    const yellow = accentPalette('#ffd43b')!;
    const [r, g, b] = parseHex(yellow[7])!;
    expect(contrast(yellow[7], '#f7f5f2')).toBeLessThan(5.2);
    expect(r).toBeGreaterThan(b);
    expect(g).toBeGreaterThan(b);
  });

  it('lightens a very dark colour for dark mode text', () => {
    const black = accentPalette('#000000')!;
    expect(black[7]).toBe('#000000');
    expect(min(black[4], DARK)).toBeGreaterThanOrEqual(4.5);
  });
});
