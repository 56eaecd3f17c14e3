import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import i18n, { type Language } from '../lib/i18n';
import { DatesLocale } from '../app/DatesLocale';
import { theme } from '../app/theme';

interface Options {
  path?: string;
  lang?: Language;
  /** Answers already in the cache (key and data), so the screen shows them rather than its skeleton. */
  data?: [QueryKey, unknown][];
  /** Open modals and drawers in place rather than in a portal (a portal renders nothing on the server side). */
  inline?: boolean;
}

const inlineTheme = mergeThemeOverrides(theme, {
  components: { Modal: { defaultProps: { withinPortal: false } }, Drawer: { defaultProps: { withinPortal: false } } },
});

/**
 * The HTML a screen shows first, at `path` and in `lang`: rendered on the server side of
 * React (the tests run without a DOM), so no effect runs and nothing is fetched: only `data`
 * has arrived.
 */
export async function renderScreen(screen: ReactNode, { path = '/', lang = 'fr', data = [], inline = false }: Options = {}): Promise<string> {
  await i18n.changeLanguage(lang);
  const client = new QueryClient();
  for (const [key, value] of data) client.setQueryData(key, value);
  return renderToStaticMarkup(
    <MantineProvider theme={inline ? inlineTheme : theme}>
      <DatesLocale>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[path]}>{screen}</MemoryRouter>
        </QueryClientProvider>
      </DatesLocale>
    </MantineProvider>,
  );
}

/** The document title a rendered screen sets ("Agenda · Déclic"). */
export function titleOf(html: string): string | null {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null;
}
