import { createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';
import { accentPalette } from '../lib/accent';

// One accent (deep teal) over warm neutrals; status colours come from Mantine's palette.
const brand: MantineColorsTuple = [
  '#e6f7f5', '#cdeae6', '#9dd4cc', '#69bdb1', '#41a99b', '#2a9c8d', '#1a8a7c', '#0f766e', '#05675f', '#00564f',
];

export const theme = createTheme({
  primaryColor: 'brand',
  // Shade 7 in both schemes: white text on shade 5 (dark) is under 4.5:1.
  primaryShade: { light: 7, dark: 7 },
  colors: { brand },
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '600',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    // Sentence case, and never squeezed into an ellipsis by a narrow column.
    Badge: { styles: { root: { textTransform: 'none', flexShrink: 0, overflow: 'visible' } } },
    Button: { defaultProps: { radius: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
  },
});

/**
 * The theme with the studio's accent colour as its primary scale (lib/accent.ts keeps it
 * readable); without one, or with a value that is not a colour, the app's own teal.
 */
export function themeFor(accent: string | null | undefined): MantineThemeOverride {
  const palette = accent ? accentPalette(accent) : null;
  return palette ? mergeThemeOverrides(theme, { colors: { brand: palette } }) : theme;
}

// Mantine's light variants (badges, alerts) write shade 7 on a 10 % tint of it, and its
// dimmed text is gray-6: both under 4.5:1 in light mode. Text over a tint is the darkest
// shade darkened further; dimmed text is darker (light) or lighter (dark) grey, ≥ 4.5:1 on
// cards, the page and message bubbles. A field's error (its message, its text) is red-6 on
// white (3.3:1) and red-8 on a dark card (3.0:1) by default: red-9 and red-4 instead (≥ 5:1).
// The accent's own light variant (a "Write to the client" button on the page) is darkened too.
// A red button (a destructive action: give the ADMIN role, cancel, void) is white on red-7,
// 3.8:1, and a green one (confirm a booking) 2.7:1: both on their shade 9 darkened by 15 %
// instead (≥ 5.5:1), darker still when hovered.
const TINTED = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'];

const READABLE_FILLED = Object.fromEntries(
  ['red', 'green'].flatMap((c) => [
    [`--mantine-color-${c}-filled`, `color-mix(in srgb, var(--mantine-color-${c}-9) 85%, black)`],
    [`--mantine-color-${c}-filled-hover`, `color-mix(in srgb, var(--mantine-color-${c}-9) 70%, black)`],
  ]),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(TINTED.map((c) => [`--mantine-color-${c}-light-color`, `color-mix(in srgb, var(--mantine-color-${c}-9) 65%, black)`])),
    // The accent's light buttons on the warm page background: shade 7 is 4.4:1 there, shade 9 over 6:1.
    '--mantine-color-brand-light-color': 'var(--mantine-color-brand-9)',
    ...READABLE_FILLED,
  },
  dark: {
    // ≥ 4.5:1 on a hovered or selected row too (a grey or teal tint over the card).
    '--mantine-color-dimmed': '#b3b3b3',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    // Links: shade 4 is 3.9:1 on a hovered table row; shade 3 keeps 4.5:1 there.
    '--mantine-color-anchor': 'var(--mantine-color-brand-3)',
    // The grey "dark" palette over its own tint (the CLOSED status): its lightest shade.
    '--mantine-color-dark-light-color': 'var(--mantine-color-dark-0)',
    ...READABLE_FILLED,
  },
});
