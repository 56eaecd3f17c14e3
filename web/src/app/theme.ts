import { createTheme, type MantineColorsTuple } from '@mantine/core';

// One accent (deep teal) over warm neutrals; status colours come from Mantine's palette.
const brand: MantineColorsTuple = [
  '#e6f7f5', '#cdeae6', '#9dd4cc', '#69bdb1', '#41a99b', '#2a9c8d', '#1a8a7c', '#0f766e', '#05675f', '#00564f',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 5 },
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
