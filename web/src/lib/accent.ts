// The studio's accent colour (settings, "#rrggbb") as the app's ten-shade primary scale,
// readable whatever colour the studio picked. The theme uses shade 7 for filled buttons
// (white text) and for links in light mode, shade 9 for text over a light tint in light
// mode, shades 4 and 2 for links and tinted text in dark mode (app/theme.ts). Each of those
// is darkened or lightened, only as much as needed, to reach WCAG AA against the surfaces it
// sits on: 4.5:1, as all of them carry text. A colour that passes as it is stays as it is.

export type Rgb = [number, number, number];
export type Palette = [string, string, string, string, string, string, string, string, string, string];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** Where light-mode text and buttons sit: cards, then the warm page (global.css). */
const LIGHT_SURFACES = ['#ffffff', '#f7f5f2'];
/** Where dark-mode text sits: the page, cards (Mantine's dark-7) and a hovered row (dark-6). */
const DARK_SURFACES = ['#141517', '#242424', '#2e2e2e'];
export const AA_TEXT = 4.5;

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex(c: Rgb): string {
  return `#${c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** `a` moved a fraction `t` (0–1) of the way to `b`. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** WCAG 2 relative luminance. */
export function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = Math.round(v) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1–21). */
export function contrast(a: Rgb | string, b: Rgb | string): number {
  const la = luminance(typeof a === 'string' ? parseHex(a)! : a);
  const lb = luminance(typeof b === 'string' ? parseHex(b)! : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * `c` moved towards `towards` (black: darker, white: lighter) in small steps until it reaches
 * `ratio` against every surface; `c` itself when it already does. Rounded to what CSS gets.
 */
function shiftUntil(c: Rgb, towards: Rgb, surfaces: string[], ratio: number): Rgb {
  for (let t = 0; t <= 1; t += 0.02) {
    const next = parseHex(toHex(mix(c, towards, t)))!;
    if (surfaces.every((s) => contrast(next, s) >= ratio)) return next;
  }
  return towards;
}

/**
 * The primary scale for the accent colour `hex`, lightest first; null for a value that is not
 * "#rrggbb" (the app then keeps its own colour).
 */
export function accentPalette(hex: string): Palette | null {
  const base = parseHex(hex);
  if (!base) return null;
  // 7: filled buttons (white text on it) and light-mode links, on cards and on the page.
  const filled = shiftUntil(base, BLACK, [...LIGHT_SURFACES, toHex(WHITE)], AA_TEXT);
  const hover = mix(filled, BLACK, 0.15);
  // 9: text over the accent's 10 % tint (badges, light buttons) in light mode.
  const tints = LIGHT_SURFACES.map((s) => toHex(mix(parseHex(s)!, filled, 0.1)));
  const deepest = shiftUntil(mix(filled, BLACK, 0.3), BLACK, tints, AA_TEXT);
  // 4: links and text in dark mode; 2: text over the accent's tint there, lighter still.
  const darkTints = DARK_SURFACES.map((s) => toHex(mix(parseHex(s)!, base, 0.15)));
  const darkText = shiftUntil(mix(base, WHITE, 0.3), WHITE, [...DARK_SURFACES, ...darkTints], AA_TEXT);
  const darkTint = shiftUntil(mix(darkText, WHITE, 0.35), WHITE, [...DARK_SURFACES, ...darkTints], AA_TEXT);
  const shades: Rgb[] = [
    mix(darkTint, WHITE, 0.8),
    mix(darkTint, WHITE, 0.55),
    darkTint,
    mix(darkTint, darkText, 0.5),
    darkText,
    mix(darkText, filled, 0.33),
    mix(darkText, filled, 0.66),
    filled,
    hover,
    deepest,
  ];
  return shades.map(toHex) as Palette;
}
