// Calendars outside Déclic, end to end. A client saves a session as an .ics file from their
// home page and from "Mes réservations" (a pending request too, never a cancelled one): the
// downloaded file is read back (a calendar, the session's start in UTC, the service's name,
// named seance-YYYY-MM-DD.ics in French and session-….ics in English). The photographer makes
// their private feed address on the profile page, copies it, and Node fetches it (the
// confirmed session and the pending request, not the cancelled one); a new address retires
// the old one (404), turning the feed off retires the new one (404), and the address is never
// shown again after a reload. The client's home with its button and the feed card, without
// and with an address, pass axe in French and English, light and dark, at 1440 px and at
// 390 px, with nothing scrolling sideways.
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/a11y';
import { Api, ApiError, confirmedProject } from './support/api';
import { DESKTOP as desktop, launchBrowser, PHONE as phone, screenshot, signIn, switchLanguage, uniqueEmail } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PRO = 'pro@demo.declic.fr'; // Paul Lefèvre
const PASSWORD = 'un mot de passe solide';
const PORTRAIT = 'Portrait en studio';
const FAMILY = 'Séance famille';
const WEDDING = 'Reportage mariage';

/** The words of each language the tests look for. */
const WORDS = {
  FR: {
    add: (service: string) => `Ajouter à mon agenda : ${service}`,
    file: 'seance',
    hello: (name: string) => `Bonjour ${name}`,
    feedTitle: 'Vos séances dans votre agenda',
    create: 'Créer mon adresse d’abonnement',
    renew: 'Nouvelle adresse',
    revoke: 'Désactiver l’abonnement',
    revoked: 'Abonnement désactivé : l’adresse ne fonctionne plus.',
    address: 'Adresse d’abonnement',
    subscribe: 'Ouvrir dans mon agenda',
  },
  EN: {
    add: (service: string) => `Add to my calendar: ${service}`,
    file: 'session',
    hello: (name: string) => `Hello ${name}`,
    feedTitle: 'Your sessions in your calendar',
    create: 'Create my subscription address',
    renew: 'New address',
    revoke: 'Turn off the subscription',
    revoked: 'Subscription turned off: the address no longer works.',
    address: 'Subscription address',
    subscribe: 'Open in my calendar app',
  },
} as const;



/** A local date (YYYY-MM-DD) in the studio's zone: `days` from now, or of an instant. */
function studioDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A request for `serviceName` on its first free slot, left pending (nobody confirms it). */
async function pendingBooking(client: Api, serviceName: string): Promise<string> {
  const services = await client.get<{ items: { id: string; name: string }[] }>('/api/services');
  const service = services.items.find((s) => s.name === serviceName);
  if (!service) throw new Error(`no service named ${serviceName}`);
  const from = studioDate(new Date());
  const to = studioDate(new Date(Date.now() + 60 * 86_400_000));
  const { slots } = await client.get<{ slots: { start: string }[] }>(`/api/services/${service.id}/slots?from=${from}&to=${to}`);
  if (slots.length === 0) throw new Error(`no free slot for ${serviceName}`);
  return (await client.post<{ id: string }>('/api/bookings', { serviceId: service.id, start: slots[0].start })).id;
}

/** iCalendar's UTC form of an instant: 20270328T073000Z. */
function icsUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** The text of an .ics with its folded lines joined back (RFC 5545 §3.1). */
function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

/** Clicks a button that saves a file and returns the download once it is complete. */
async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { file, text: unfold(readFileSync(path, 'utf8')) };
}

/** What the feed address answers, fetched by Node as a calendar application would (no session). */
async function fetchFeed(url: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: unfold(await res.text()) };
}

/** The header's FR/EN switch to English, once the account has saved it. */
async function toEnglish(page: Page): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/me' && r.ok()),
    switchLanguage(page, 'EN'),
  ]);
}

describe('calendars', () => {
  it('a client saves their sessions as .ics files; the photographer subscribes to a private feed, renews it and turns it off', async () => {
    const staffApi = await Api.signIn(PRO);
    const clientApi = await Api.register({ email: uniqueEmail('calendar'), password: PASSWORD, firstName: 'Jeanne', lastName: 'Roux', locale: 'fr' });
    // A confirmed session, a request waiting for the studio, and a request the client cancelled.
    const { bookingId } = await confirmedProject(clientApi, staffApi, PORTRAIT);
    const pendingId = await pendingBooking(clientApi, FAMILY);
    const cancelledId = await pendingBooking(clientApi, WEDDING);
    await clientApi.post(`/api/bookings/${cancelledId}/cancel`, { reason: 'Date changée (e2e)' });
    const bookings = (await clientApi.get<{ items: { id: string; start: string; end: string; status: string }[] }>('/api/bookings?limit=200')).items;
    const byId = (id: string) => {
      const b = bookings.find((x) => x.id === id);
      if (!b) throw new Error(`booking ${id} not in the client's list`);
      return b;
    };
    expect([byId(bookingId).status, byId(pendingId).status, byId(cancelledId).status]).toEqual(['CONFIRMED', 'PENDING', 'CANCELLED']);

    // The client, on a phone: the next session on their home page, saved as an .ics file.
    const client = await signIn(browser, clientApi.user.email, phone, { password: PASSWORD });
    await client.page.getByRole('heading', { name: 'Bonjour Jeanne' }).waitFor();
    const addNext = client.page.getByRole('button', { name: WORDS.FR.add(PORTRAIT) });
    await addNext.waitFor();
    expect(await addNext.innerText()).toBe('Ajouter à mon agenda');
    const next = await download(client.page, () => addNext.click());
    expect(next.file.suggestedFilename()).toBe(`seance-${studioDate(new Date(byId(bookingId).start))}.ics`);
    expect(next.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(next.text).toContain('BEGIN:VEVENT');
    expect(next.text).toContain(`DTSTART:${icsUtc(byId(bookingId).start)}`);
    expect(next.text).toContain(`DTEND:${icsUtc(byId(bookingId).end)}`);
    expect(next.text).toContain(`UID:${bookingId}@declic`);
    expect(next.text).toMatch(new RegExp(`^SUMMARY:${PORTRAIT} — `, 'm'));
    expect(next.text).toContain('STATUS:CONFIRMED');
    expect(next.text).toMatch(/END:VCALENDAR\r\n$/);

    // "Mes réservations": a button for the confirmed session and the request, none for the cancelled one.
    await client.page.goto('/client/bookings');
    await client.page.getByRole('heading', { name: 'Mes réservations', level: 1 }).waitFor();
    await client.page.getByRole('button', { name: WORDS.FR.add(PORTRAIT) }).waitFor();
    const addPending = client.page.getByRole('button', { name: WORDS.FR.add(FAMILY) });
    await addPending.waitFor();
    expect(await client.page.getByRole('button', { name: WORDS.FR.add(WEDDING) }).count()).toBe(0);
    await expectAccessible(client.page, 'the client’s bookings with their calendar buttons (390 px)');
    const pending = await download(client.page, () => addPending.click());
    expect(pending.file.suggestedFilename()).toBe(`seance-${studioDate(new Date(byId(pendingId).start))}.ics`);
    expect(pending.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(pending.text).toContain(`DTSTART:${icsUtc(byId(pendingId).start)}`);
    expect(pending.text).toMatch(new RegExp(`^SUMMARY:${FAMILY} — `, 'm'));
    expect(pending.text).toContain('STATUS:TENTATIVE');
    // The file is the session's people's only: not without a session, not for another client.
    expect((await fetch(`${clientApi.baseUrl}/api/bookings/${bookingId}/ics`)).status).toBe(401);
    const stranger = await Api.register({ email: uniqueEmail('calendar-other'), password: PASSWORD, firstName: 'Marc', lastName: 'Petit', locale: 'fr' });
    const refused = await stranger.get(`/api/bookings/${bookingId}/ics`).then(() => 200, (e: unknown) => (e instanceof ApiError ? e.status : 0));
    expect([403, 404]).toContain(refused);

    // The photographer's profile: no feed yet; the address is made and shown once.
    const staff = await signIn(browser, PRO, desktop);
    await staffApi.request('DELETE', '/api/calendar-feed').catch(() => undefined);
    await staff.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
    await staff.page.goto('/pro/profile');
    const card = staff.page.locator('.mantine-Card-root').filter({ has: staff.page.getByRole('heading', { name: WORDS.FR.feedTitle }) });
    await card.getByRole('button', { name: WORDS.FR.create }).click();
    const address = card.getByRole('textbox', { name: WORDS.FR.address });
    await address.waitFor();
    expect(await address.getAttribute('readonly')).not.toBeNull();
    const first = await address.inputValue();
    expect(first).toMatch(new RegExp(`^${inject('baseUrl').replace(/\./g, '\\.')}/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await card.getByRole('link', { name: WORDS.FR.subscribe }).getAttribute('href')).toBe(first.replace(/^http:\/\//, 'webcal://'));
    await card.getByRole('button', { name: 'Copier l’adresse' }).click();
    await card.getByRole('button', { name: 'Adresse copiée' }).waitFor();
    expect(await staff.page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    await expectAccessible(staff.page, 'the feed card showing its new address');
    await screenshot(staff.page, 'pro-calendar-feed', desktop);

    // What a calendar application reads: the confirmed session and the request, not the cancelled one.
    const feed = await fetchFeed(first);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(feed.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(feed.text).toContain(`UID:${bookingId}@declic`);
    expect(feed.text).toContain(`DTSTART:${icsUtc(byId(bookingId).start)}`);
    expect(feed.text).toContain(`SUMMARY:${PORTRAIT} — Jeanne Roux`);
    expect(feed.text).toContain(`UID:${pendingId}@declic`);
    expect(feed.text).toContain(`SUMMARY:${FAMILY} — Jeanne Roux (à confirmer)`);
    expect(feed.text).not.toContain(`UID:${cancelledId}@declic`);
    // With or without ".ics", as calendars poll it; a made-up token is unknown.
    expect((await fetchFeed(first.replace(/\.ics$/, ''))).status).toBe(200);
    expect((await fetchFeed(first.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${'x'.repeat(43)}.ics`))).status).toBe(404);

    // After a reload the address is not shown again: the subscription is, with its date.
    await staff.page.reload();
    await card.getByText(/^Abonnement actif depuis le /).waitFor();
    expect(await card.getByRole('textbox').count()).toBe(0);
    await expectAccessible(staff.page, 'the feed card with an active subscription');

    // A new address: the old one stops at once, the new one answers.
    await card.getByRole('button', { name: WORDS.FR.renew }).click();
    await expect.poll(() => address.inputValue()).not.toBe(first);
    const second = await address.inputValue();
    expect(second).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await fetchFeed(first)).status).toBe(404);
    const renewed = await fetchFeed(second);
    expect(renewed.status).toBe(200);
    expect(renewed.text).toContain(`SUMMARY:${PORTRAIT} — Jeanne Roux`);

    // Turned off: the address is gone from the card and answers 404.
    await card.getByRole('button', { name: WORDS.FR.revoke }).click();
    await staff.page.getByText(WORDS.FR.revoked).waitFor();
    await card.getByRole('button', { name: WORDS.FR.create }).waitFor();
    expect(await card.getByRole('textbox').count()).toBe(0);
    expect(await card.getByRole('button', { name: WORDS.FR.revoke }).count()).toBe(0);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed(first)).status).toBe(404);

    expect(client.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await client.context.close();
    await staff.context.close();
  });
});

// The client's home with its button and the profile's feed card (no address, then a new
// one shown), in both languages and both colour schemes, on a wide screen and on a phone;
// in English the file is named session-….ics.
describe.each([desktop, phone])('accessibility at $width px', (viewport) => {
  it('the client home with "Add to my calendar" and the feed card in both states, FR and EN, light and dark', async () => {
    const staffApi = await Api.signIn(PRO);
    const clientApi = await Api.register({ email: uniqueEmail('calendar-a11y'), password: PASSWORD, firstName: 'Jeanne', lastName: 'Roux', locale: 'fr' });
    const { bookingId } = await confirmedProject(clientApi, staffApi, PORTRAIT);
    const booking = await clientApi.get<{ items: { id: string; start: string }[] }>('/api/bookings?limit=200');
    const start = booking.items.find((b) => b.id === bookingId)?.start ?? '';
    await staffApi.request('DELETE', '/api/calendar-feed').catch(() => undefined);
    const staff = await signIn(browser, PRO, viewport);
    const client = await signIn(browser, clientApi.user.email, viewport, { password: PASSWORD });
    const size = `${viewport.width} px`;

    try {
      for (const lang of ['FR', 'EN'] as const) {
        const words = WORDS[lang];
        if (lang === 'EN') {
          // Saved on the accounts (the server names the file in the account's language): put back below.
          await toEnglish(client.page);
          await toEnglish(staff.page);
        }

        // The client's home: the next session and its button.
        await client.page.goto('/client');
        await client.page.getByRole('heading', { name: words.hello('Jeanne') }).waitFor();
        const add = client.page.getByRole('button', { name: words.add(PORTRAIT) });
        await add.waitFor();
        await expectAccessible(client.page, `the client home with its calendar button (${lang}, ${size})`);
        if (lang === 'FR') await screenshot(client.page, 'client-home-add-to-calendar', viewport);
        const saved = await download(client.page, () => add.click());
        expect(saved.file.suggestedFilename()).toBe(`${words.file}-${studioDate(new Date(start))}.ics`);
        expect(saved.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
        expect(saved.text).toContain(`DTSTART:${icsUtc(start)}`);
        expect(saved.text).toContain(`SUMMARY:${PORTRAIT} — `);

        // The professional's profile: the card without an address, then with a new one.
        await staff.page.goto('/pro/profile');
        const card = staff.page.locator('.mantine-Card-root').filter({ has: staff.page.getByRole('heading', { name: words.feedTitle }) });
        const create = card.getByRole('button', { name: words.create });
        await create.waitFor();
        await expectAccessible(staff.page, `the feed card without an address (${lang}, ${size})`);
        await create.click();
        const address = card.getByRole('textbox', { name: words.address });
        await address.waitFor();
        await card.getByRole('link', { name: words.subscribe }).waitFor();
        await expectAccessible(staff.page, `the feed card showing its address (${lang}, ${size})`);
        if (lang === 'EN') await screenshot(staff.page, 'pro-calendar-feed-en', viewport);
        const url = await address.inputValue();
        expect((await fetchFeed(url)).status).toBe(200);
        await card.getByRole('button', { name: words.revoke }).click();
        await staff.page.getByText(words.revoked).waitFor();
        expect((await fetchFeed(url)).status).toBe(404);
      }
      expect(client.errors).toEqual([]);
      expect(staff.errors).toEqual([]);
    } finally {
      await staffApi.patch('/api/me', { locale: 'fr' });
      await clientApi.patch('/api/me', { locale: 'fr' });
      await staffApi.request('DELETE', '/api/calendar-feed').catch(() => undefined);
      await staff.context.close();
      await client.context.close();
    }
  });
});
