// The studio's public page and a service's public booking link: a prospect with no account
// opens the studio's page at /, picks a service, a day and a time, then signs up (or signs in)
// and is booked at once, landing on their bookings. At 1280 px and 375 px, in French and
// English, axe in light and dark with nothing scrolling sideways on the public pages. Also: a
// signed-in client books in one click, a time taken meanwhile brings the prospect back to the
// times with the reason, staff are told the page is for clients, and the admin's settings
// and services screens offer the public page and each service's link.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, expectNoAxeViolations } from './support/a11y';
import { Api } from './support/api';
import { field, launchBrowser, newPage, openSection, switchLanguage, uniqueEmail, VIEWPORTS, type Session, type Viewport } from './support/browser';

let browser: Browser;
let admin: Api;
let saved: Record<string, unknown>;
const SERVICE = 'Portrait en studio';
const PAGE = {
  presentation: 'Portraits et mariages en lumière naturelle, au studio ou chez vous.',
  contactEmail: 'bonjour@studio-e2e.fr',
  contactPhone: '+33 6 12 34 56 78',
  address: '12 rue des Arts, 75011 Paris',
  // A light pink: the app must darken it for its buttons and text.
  accentColor: '#f783ac',
};

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await Api.signIn('admin@demo.declic.fr');
  saved = await admin.get<Record<string, unknown>>('/api/settings');
  await admin.request('PUT', '/api/settings', { ...saved, ...PAGE });
});
afterAll(async () => {
  // The other browser tests meet the studio as seeded.
  await admin?.request('PUT', '/api/settings', saved);
  await browser?.close();
});

const WORDS = {
  fr: {
    login: 'Se connecter',
    book: 'Réserver',
    firstFree: /^Première disponibilité/,
    times: 'Choisir un horaire',
    continue: 'Continuer',
    register: 'Créer mon compte',
    pending: 'En attente',
    confirm: 'Confirmer la réservation',
    taken: "Ce créneau vient d'être réservé. Choisissez un autre horaire.",
  },
  en: {
    login: 'Sign in',
    book: 'Book',
    firstFree: /^First free day/,
    times: 'Choose a time',
    continue: 'Continue',
    register: 'Create my account',
    pending: 'Pending',
    confirm: 'Confirm the booking',
    taken: 'This time has just been booked. Choose another time.',
  },
};
type Lang = keyof typeof WORDS;


/** On a service's page: the first free day, then its first time; returns the time as shown. */
async function pickFirstTime(page: Page, lang: Lang): Promise<string> {
  const words = WORDS[lang];
  await page.getByRole('button', { name: words.firstFree }).click();
  const times = page.getByRole('group', { name: words.times });
  const first = times.getByRole('button').first();
  await first.waitFor();
  const time = (await first.innerText()).trim();
  await first.click();
  await expect.poll(() => page.getByTestId('booking-summary').innerText()).toContain(time);
  return time;
}

async function fillSignUp(page: Page, email: string): Promise<void> {
  await field(page, 'firstName').fill('Inès');
  await field(page, 'lastName').fill('Prospect');
  await field(page, 'email').fill(email);
  await field(page, 'password').fill('un-mot-de-passe-sûr');
}

async function serviceId(): Promise<string> {
  const { items } = await admin.get<{ items: { id: string; name: string }[] }>('/api/services');
  return items.find((s) => s.name === SERVICE)!.id;
}

const RUNS: { viewport: Viewport; lang: Lang }[] = [
  { viewport: VIEWPORTS[0], lang: 'fr' },
  { viewport: VIEWPORTS[1], lang: 'en' },
  { viewport: VIEWPORTS[1], lang: 'fr' },
  { viewport: VIEWPORTS[0], lang: 'en' },
];

describe('public booking', () => {
  for (const { viewport, lang } of RUNS) {
    it(`a prospect books from the studio's page and signs up at the end (${viewport.name}, ${lang})`, async () => {
      const words = WORDS[lang];
      const { context, page, errors } = await newPage(browser, viewport);
      await page.goto('/');
      if (lang === 'en') await switchLanguage(page, 'EN');

      // The studio's page: name, presentation, contact, services.
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByText(PAGE.presentation).waitFor();
      expect(await page.getByRole('link', { name: PAGE.contactPhone }).getAttribute('href')).toBe('tel:+33612345678');
      expect(await page.getByRole('link', { name: PAGE.contactEmail }).getAttribute('href')).toBe(`mailto:${PAGE.contactEmail}`);
      await page.getByText(PAGE.address).waitFor();
      await page.getByRole('link', { name: words.login, exact: true }).waitFor();
      const book = page.getByRole('link', { name: `${words.book} — ${SERVICE}` });
      await book.waitFor();
      await expectAccessible(page, `studio page ${viewport.name} ${lang}`);

      // The service's page: a day, a time, the summary.
      await book.click();
      await page.waitForURL(/\/book\/[^/]+$/);
      await page.getByRole('heading', { level: 1, name: SERVICE }).waitFor();
      const time = await pickFirstTime(page, lang);
      await expectAccessible(page, `service page ${viewport.name} ${lang}`);
      await page.getByRole('button', { name: words.continue, exact: true }).click();

      // Sign up, the choice recalled; then booked at once.
      await page.waitForURL(/\/register\?next=%2Fbook%2F/);
      await expect.poll(() => page.getByTestId('pending-choice').innerText()).toContain(time);
      await expectAccessible(page, `sign-up with a waiting booking ${viewport.name} ${lang}`);
      await fillSignUp(page, uniqueEmail('prospect'));
      await page.getByRole('button', { name: words.register }).click();
      await page.waitForURL('**/client/bookings');
      const booking = page.getByTestId('booking').filter({ hasText: SERVICE });
      await booking.getByText(words.pending).waitFor();
      await expect.poll(() => booking.innerText()).toContain(time);
      // The choice is gone once booked: the service's page starts afresh.
      expect(await page.evaluate(() => sessionStorage.getItem('declic.pendingBooking'))).toBeNull();

      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a prospect with an account switches to sign in and is booked too', async () => {
    const email = uniqueEmail('returning');
    await Api.register({ email, password: inject('demoPassword'), firstName: 'Marc', lastName: 'Retour', locale: 'fr' });
    const { context, page, errors } = await newPage(browser, VIEWPORTS[0]);
    await page.goto(`/book/${await serviceId()}`);
    await pickFirstTime(page, 'fr');
    await page.getByRole('button', { name: 'Continuer', exact: true }).click();
    await page.waitForURL(/\/register\?next=/);
    await page.getByRole('link', { name: 'Se connecter' }).last().click();
    await page.waitForURL(/\/login\?next=%2Fbook%2F/);
    await page.getByTestId('pending-choice').waitFor();
    await field(page, 'email').fill(email);
    await field(page, 'password').fill(inject('demoPassword'));
    await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/client/bookings');
    await page.getByTestId('booking').filter({ hasText: SERVICE }).getByText('En attente').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a time taken meanwhile brings the prospect back to the times, saying so', async () => {
    const id = await serviceId();
    const { context, page, errors } = await newPage(browser, VIEWPORTS[1]);
    await page.goto(`/book/${id}`);
    await pickFirstTime(page, 'fr');
    await page.getByRole('button', { name: 'Continuer', exact: true }).click();
    await page.waitForURL(/\/register\?next=/);
    // Someone else books that very time while the prospect types.
    const start = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('declic.pendingBooking')!) as { start: string }).start);
    const other = await Api.register({ email: uniqueEmail('faster'), password: inject('demoPassword'), firstName: 'Rapide', lastName: 'Client', locale: 'fr' });
    await other.post('/api/bookings', { serviceId: id, start });
    await fillSignUp(page, uniqueEmail('slower'));
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('alert').filter({ hasText: WORDS.fr.taken }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/book/${id}`);
    await page.getByRole('button', { name: WORDS.fr.firstFree }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a signed-in client books in one click after choosing the time', async () => {
    const email = uniqueEmail('oneclick');
    await Api.register({ email, password: inject('demoPassword'), firstName: 'Zoé', lastName: 'Rapide', locale: 'en' });
    const { context, page, errors } = await newPage(browser, VIEWPORTS[0]);
    await page.goto('/login');
    await field(page, 'email').fill(email);
    await field(page, 'password').fill(inject('demoPassword'));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/client');
    await page.goto(`/book/${await serviceId()}`);
    await page.getByRole('link', { name: 'My space' }).waitFor();
    const time = await pickFirstTime(page, 'en');
    await page.getByRole('button', { name: WORDS.en.confirm }).click();
    await page.waitForURL('**/client/bookings');
    await expect.poll(() => page.getByTestId('booking').filter({ hasText: SERVICE }).first().innerText()).toContain(time);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('staff are told the page is for their clients; the admin finds the public page and each link', async () => {
    const { context, page, errors }: Session = await newPage(browser, VIEWPORTS[0]);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/login');
    await field(page, 'email').fill('admin@demo.declic.fr');
    await field(page, 'password').fill(inject('demoPassword'));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/pro');

    await page.goto(`/book/${await serviceId()}`);
    await page.getByText('Cette page est destinée à vos clients').waitFor();
    expect(await page.getByRole('group', { name: 'Choisir un horaire' }).count()).toBe(0);

    await page.goto('/pro/settings');
    const card = page.getByRole('form', { name: 'Page publique du studio' });
    await card.waitFor();
    expect(await field(page, 'presentation').inputValue()).toBe(PAGE.presentation);
    expect(await card.getByRole('link', { name: 'Voir ma page publique' }).getAttribute('href')).toBe('/studio');
    await expectNoAxeViolations(page, 'settings with the public page card');

    await openSection(page, VIEWPORTS[0], 'Prestations');
    await page.getByRole('button', { name: `Copier le lien — ${SERVICE}` }).click();
    await page.getByText(/\/book\/[0-9a-f-]+/).first().waitFor();

    await page.goto('/studio');
    await page.getByRole('link', { name: 'Mon espace' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
