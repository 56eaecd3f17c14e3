// Calendars outside Déclic, end to end. A client saves a session as an .ics file from their
// home page and from "Mes réservations" (a pending request too, never a cancelled one): the
// downloaded file is read back (a calendar, the session's start in UTC, the service's name,
// named seance-YYYY-MM-DD.ics in French and session-….ics in English). The photographer makes
// their private feed address on the profile page, copies it, and Node fetches it (the
// confirmed session and the pending request, not the cancelled one); a new address retires
// the old one (404), turning the feed off retires the new one (404), and the address is never
// shown again after a reload. The client's home with its button and the feed card, without
// and with an address, pass axe in French and English, light and dark, at 1440 px and at
// 390 px, with nothing scrolling sideways. Then the photographer's own agenda: hours,
// blocks, drag and stretch (its section below).
import { readFileSync } from 'node:fs';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, setColorScheme } from './support/a11y';
import { Api, ApiError, confirmedProject } from './support/api';
import { DESKTOP as desktop, launchBrowser, PHONE as phone, screenshot, signIn, switchLanguage, uniqueEmail } from './support/browser';
import { stage } from './support/stage';

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
    await staff.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stage().baseUrl });
    await staff.page.goto('/pro/profile');
    const card = staff.page.locator('.mantine-Card-root').filter({ has: staff.page.getByRole('heading', { name: WORDS.FR.feedTitle }) });
    await card.getByRole('button', { name: WORDS.FR.create }).click();
    const address = card.getByRole('textbox', { name: WORDS.FR.address });
    await address.waitFor();
    expect(await address.getAttribute('readonly')).not.toBeNull();
    const first = await address.inputValue();
    expect(first).toMatch(new RegExp(`^${stage().baseUrl.replace(/\./g, '\\.')}/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$`));
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

// ---------------------------------------------------------------------------------------
// The photographer's agenda (/pro/calendar), two weeks ahead: weekdays 09:00–18:00 drawn from
// 08:00 to 19:00 with the rest shaded, a blocked Wednesday morning hatched and titled by its
// reason; a confirmed session dragged to a free time moves (the API says so), one dropped onto
// another session is put back with the error said; a session stretched by half an hour ends
// later (once the server takes `end`); the drawer links to the client's page and the project;
// on a phone nothing drags and a tap opens the drawer. axe in French and English, light and
// dark, at 1440 px and 390 px. Hours, sessions and the block are put back afterwards.

/** "+01:00" / "+02:00": Paris's offset on a day (at noon: no change of time falls then). */
function parisOffset(day: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name?.replace('GMT', '') || '+00:00';
}

/** A wall-clock time in Paris on `day` as RFC 3339: 2027-03-23T10:00:00+01:00. */
const paris = (day: string, time: string) => `${day}T${time}:00${parisOffset(day)}`;

/** "YYYY-MM-DD" `days` after `day`. */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const AGENDA = {
  FR: { title: 'Agenda', next: /suivant/i, week: /^Semaine/, blocked: 'Indisponible\u00a0: Repérage en extérieur', outside: 'Hors horaires de travail' },
  EN: { title: 'Calendar', next: /next/i, week: /^Week/, blocked: 'Unavailable: Repérage en extérieur', outside: 'Outside working hours' },
} as const;

interface StagedBooking {
  id: string;
  start: string;
  end: string;
}

describe('the staff agenda', () => {
  // Two weeks ahead: past any notice, clear of the first free slots other tests take.
  const monday = (() => {
    const today = studioDate(new Date());
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    return addDays(today, 14 - weekday);
  })();
  const tuesday = addDays(monday, 1);
  const wednesday = addDays(monday, 2);
  let staffApi: Api;
  let savedHours: unknown;
  let blockId = '';
  let clientA: Api;
  let clientB: Api;
  let projectA = '';
  const bookings: string[] = [];

  const booking = async (id: string) => staffApi.get<StagedBooking>(`/api/bookings/${id}`);
  const eventOf = (page: Page, client: Api) => page.locator('.fc-timegrid-event', { hasText: `${client.user.firstName} ${client.user.lastName}` });

  /** The agenda on the staged week (the week view), its sessions drawn. */
  async function openAgenda(page: Page, lang: keyof typeof AGENDA = 'FR'): Promise<void> {
    await page.goto('/pro/calendar');
    await page.getByRole('heading', { name: AGENDA[lang].title, level: 1 }).waitFor();
    await page.locator('.fc-timegrid').waitFor();
    if ((await page.locator('.fc-timeGridDay-view').count()) > 0) await page.getByRole('button', { name: AGENDA[lang].week }).click();
    const column = page.locator(`td.fc-timegrid-col[data-date="${tuesday}"]`);
    for (let i = 0; i < 4 && (await column.count()) === 0; i++) {
      await page.getByRole('button', { name: AGENDA[lang].next }).click();
      await page.waitForTimeout(100);
    }
    await eventOf(page, clientA).waitFor();
    await eventOf(page, clientB).waitFor();
  }

  /** Presses the mouse at `from`, moves in small steps to `to` and lets go (FullCalendar's drag). */
  async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y + 8, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 15 });
    await page.mouse.up();
  }

  /**
   * Drags `client`'s session by its top edge to `time` until the question shows (a drag that
   * starts while the grid is still settling is not taken as one: tried again, up to 3 times).
   */
  async function dragAsking(page: Page, client: Api, time: string, ask: Locator): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const box = (await eventOf(page, client).boundingBox())!;
      await drag(page, { x: box.x + box.width / 2, y: box.y + 4 }, await slotPoint(page, time));
      const asked = await ask
        .waitFor({ timeout: 4000 })
        .then(() => true)
        .catch(() => false);
      if (asked) return;
      if (attempt === 3) throw new Error(`dragging ${client.user.firstName}’s session to ${time} never asked`);
      await centreOn(page, '13:00');
    }
  }

  /** Where a time starts on the staged Tuesday: the column's middle, just under the slot's top line. */
  async function slotPoint(page: Page, time: string): Promise<{ x: number; y: number }> {
    const column = (await page.locator(`td.fc-timegrid-col[data-date="${tuesday}"]`).boundingBox())!;
    const row = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox())!;
    return { x: column.x + column.width / 2, y: row.y + 4 };
  }

  /** Brings the staged Tuesday's middle hours into view (drags happen within the viewport). */
  async function centreOn(page: Page, time: string): Promise<void> {
    await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  }

  beforeAll(async () => {
    staffApi = await Api.signIn(PRO);
    savedHours = await staffApi.get('/api/availability/weekly');
    await staffApi.request('PUT', '/api/availability/weekly', [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })));
    const services = await staffApi.get<{ items: { id: string; name: string }[] }>('/api/services');
    const portrait = services.items.find((s) => s.name === PORTRAIT);
    if (!portrait) throw new Error(`no service named ${PORTRAIT}`);
    clientA = await Api.register({ email: uniqueEmail('agenda-a'), password: PASSWORD, firstName: 'Agathe', lastName: 'Moreau', locale: 'fr' });
    clientB = await Api.register({ email: uniqueEmail('agenda-b'), password: PASSWORD, firstName: 'Bruno', lastName: 'Lemaire', locale: 'fr' });
    // Staff book for the clients: Tuesday 10:00 and 14:00, both confirmed.
    for (const [client, time] of [
      [clientA, '10:00'],
      [clientB, '14:00'],
    ] as const) {
      const made = await staffApi.post<{ id: string }>('/api/bookings', { serviceId: portrait.id, start: paris(tuesday, time), clientId: client.user.id });
      bookings.push(made.id);
      const confirmed = await staffApi.post<{ projectId: string }>(`/api/bookings/${made.id}/confirm`);
      if (client === clientA) projectA = confirmed.projectId;
    }
    blockId = (await staffApi.post<{ id: string }>('/api/availability/blocks', { start: paris(wednesday, '09:00'), end: paris(wednesday, '12:00'), reason: 'Repérage en extérieur' })).id;
  });

  afterAll(async () => {
    if (!staffApi) return;
    for (const id of bookings) await staffApi.post(`/api/bookings/${id}/cancel`, { reason: 'Fin du test (e2e)' }).catch(() => undefined);
    if (blockId) await staffApi.request('DELETE', `/api/availability/blocks/${blockId}`).catch(() => undefined);
    if (Array.isArray(savedHours)) await staffApi.request('PUT', '/api/availability/weekly', savedHours);
    await staffApi.patch('/api/me', { locale: 'fr' });
  });

  it('draws the working hours (the rest shaded) and a blocked period, in French and English, light and dark', async () => {
    const staff = await signIn(browser, PRO, desktop);
    const { page } = staff;
    try {
      await openAgenda(page);
      // From an hour before the first start to an hour after the last end.
      expect(await page.locator('.fc-timegrid-slot-label').first().getAttribute('data-time')).toBe('08:00:00');
      expect(await page.locator('.fc-timegrid-slot-lane').last().getAttribute('data-time')).toBe('18:30:00');
      // Outside the hours: the early and late hours of a weekday, and all of Saturday.
      expect(await page.locator(`td.fc-timegrid-col[data-date="${tuesday}"] .fc-non-business`).count()).toBe(2);
      expect(await page.locator(`td.fc-timegrid-col[data-date="${addDays(monday, 5)}"] .fc-non-business`).count()).toBe(1);
      // The block, on Wednesday, titled by its reason; and the legend saying what each means.
      const block = page.locator(`td.fc-timegrid-col[data-date="${wednesday}"] .fc-bg-event`);
      expect(await block.innerText()).toBe(AGENDA.FR.blocked);
      await page.getByText(AGENDA.FR.outside, { exact: true }).waitFor();
      // Sessions a member of staff may move can be dragged and stretched.
      const classes = (await eventOf(page, clientA).getAttribute('class'))?.split(/\s+/) ?? [];
      expect(classes).toEqual(expect.arrayContaining(['fc-event-draggable', 'fc-event-resizable']));
      await expectAccessible(page, 'the agenda with working hours, a block and two sessions (FR, 1440 px)');
      await screenshot(page, 'pro-agenda-hours', desktop);
      await setColorScheme(page, 'dark');
      await screenshot(page, 'pro-agenda-hours-dark', desktop);
      await setColorScheme(page, 'light');

      await toEnglish(page);
      await openAgenda(page, 'EN');
      await page.locator(`td.fc-timegrid-col[data-date="${wednesday}"] .fc-bg-event`, { hasText: AGENDA.EN.blocked }).waitFor();
      await page.getByText(AGENDA.EN.outside, { exact: true }).waitFor();
      await expectAccessible(page, 'the agenda with working hours, a block and two sessions (EN, 1440 px)');
      expect(staff.errors).toEqual([]);
    } finally {
      await staffApi.patch('/api/me', { locale: 'fr' });
      await staff.context.close();
    }
  });

  it('moves a confirmed session dragged to a free time, and puts back one dropped onto another session', async () => {
    const staff = await signIn(browser, PRO, desktop);
    const { page } = staff;
    const [idA, idB] = bookings;
    await openAgenda(page);
    await centreOn(page, '13:00');

    // Agathe's session, 10:00 → 16:00 the same day: asked first, then saved.
    const ask = page.getByRole('dialog', { name: 'Déplacer la séance\u00a0?' });
    await dragAsking(page, clientA, '16:00', ask);
    await ask.getByText(/^Après\u00a0: \S+ \d+ \S+, 16:00–17:00$/).waitFor();
    await expectAccessible(page, 'the question before a session moves');
    await ask.getByRole('button', { name: 'Déplacer', exact: true }).click();
    await page.getByText(/^Séance déplacée\u00a0: /).waitFor();
    await ask.waitFor({ state: 'hidden' });
    const moved = await booking(idA);
    expect(Date.parse(moved.start)).toBe(Date.parse(paris(tuesday, '16:00')));
    expect(Date.parse(moved.end)).toBe(Date.parse(paris(tuesday, '17:00')));

    // Bruno's session onto Agathe's new time: the server refuses (409), the session goes back.
    await centreOn(page, '13:00');
    const before = (await eventOf(page, clientB).boundingBox())!;
    await dragAsking(page, clientB, '16:00', ask);
    await ask.getByRole('button', { name: 'Déplacer', exact: true }).click();
    await page.getByText(/^La séance n'a pas été modifiée\. Ce créneau vient d'être réservé\./).waitFor();
    // The question fades out: its overlay would catch the next drag.
    await ask.waitFor({ state: 'hidden' });
    await expect.poll(async () => Math.round((await eventOf(page, clientB).boundingBox())!.y)).toBe(Math.round(before.y));
    const kept = await booking(idB);
    expect(Date.parse(kept.start)).toBe(Date.parse(paris(tuesday, '14:00')));

    // "Keep it as it was" puts a dragged session back without asking the server.
    await dragAsking(page, clientB, '11:00', ask);
    await ask.getByRole('button', { name: 'Garder l\'horaire' }).click();
    await ask.waitFor({ state: 'hidden' });
    await expect.poll(async () => Math.round((await eventOf(page, clientB).boundingBox())!.y)).toBe(Math.round(before.y));
    expect(Date.parse((await booking(idB)).start)).toBe(Date.parse(paris(tuesday, '14:00')));

    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('stretches a session by half an hour from its bottom edge', async () => {
    const staff = await signIn(browser, PRO, desktop);
    const { page } = staff;
    const [idA] = bookings;
    const start = (await booking(idA)).start;
    await openAgenda(page);
    await centreOn(page, '13:00');
    const event = eventOf(page, clientA);
    await event.hover();
    const box = (await event.boundingBox())!;
    const row = (await page.locator('td.fc-timegrid-slot-lane[data-time="12:00:00"]').boundingBox())!;
    // Just above the bottom edge (on the resize handle), down by one half-hour row.
    const grip = { x: box.x + box.width / 2, y: box.y + box.height - 2 };
    await drag(page, grip, { x: grip.x, y: grip.y + row.height });
    const ask = page.getByRole('dialog', { name: 'Changer la durée de la séance\u00a0?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Changer la durée' }).click();
    await page.getByText(/^Durée modifiée\u00a0: la séance finit à \d\d:\d\d\.$/).waitFor();
    const stretched = await booking(idA);
    expect(Date.parse(stretched.start)).toBe(Date.parse(start));
    expect(Date.parse(stretched.end) - Date.parse(stretched.start)).toBe(90 * 60_000);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('links the drawer to the client’s page and the project', async () => {
    const staff = await signIn(browser, PRO, desktop);
    const { page } = staff;
    await openAgenda(page);
    await eventOf(page, clientA).click();
    const drawer = page.getByRole('dialog', { name: 'Séance' });
    await drawer.waitFor();
    const client = drawer.getByRole('link', { name: 'Fiche client' });
    expect(await client.getAttribute('href')).toBe(`/pro/clients/${clientA.user.id}`);
    expect(await drawer.getByRole('link', { name: 'Voir le projet' }).getAttribute('href')).toBe(`/pro/projects/${projectA}`);
    await expectAccessible(page, 'the session’s drawer with its links');
    await client.click();
    await page.waitForURL(`**/pro/clients/${clientA.user.id}`);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('on a phone, nothing drags and a tap opens the drawer (390 px, light and dark)', async () => {
    const staff = await signIn(browser, PRO, phone);
    const { page } = staff;
    await openAgenda(page);
    const event = eventOf(page, clientA);
    expect(await event.getAttribute('class')).not.toMatch(/\bfc-event-(draggable|resizable)\b/);
    await page.getByText('Cliquez sur une séance pour agir.', { exact: false }).waitFor();
    await expectAccessible(page, 'the agenda on a phone');
    await screenshot(page, 'pro-agenda-hours', phone);
    await event.tap();
    await page.getByRole('dialog', { name: 'Séance' }).getByRole('link', { name: 'Fiche client' }).waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });
});
