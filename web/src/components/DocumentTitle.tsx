const APP_NAME = 'Déclic';

/** "Agenda · Déclic": a screen's name in the browser tab, the history and bookmarks. */
export function documentTitle(screen?: string): string {
  return screen ? `${screen} · ${APP_NAME}` : APP_NAME;
}

/**
 * The document title while this screen is shown: React moves the <title> into <head>, before
 * any earlier one (so the screen mounted last names the tab), and removes it with the screen.
 */
export function DocumentTitle({ screen }: { screen?: string }) {
  return <title>{documentTitle(screen)}</title>;
}
