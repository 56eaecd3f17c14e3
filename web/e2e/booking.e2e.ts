// The booking workflow end to end: staff open their hours and a service; a client books a
// slot; the slot disappears for a second client; staff confirm in the calendar; the project
// appears for both; staff move it to SHOT; the client sees it in the timeline and as the step
// on their home page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSection, field, launchBrowser, openSection, screenshot, signIn, VIEWPORTS } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const viewport = VIEWPORTS[0];

// The first demo client reads French, the second English.
const WORDS = {
  fr: { book: 'Réserver', firstFree: /^Première disponibilité/, times: 'Choisir un horaire' },
  en: { book: 'Book', firstFree: /^First free day/, times: 'Choose a time' },
};

/** Opens the service's page on its first day with free times; returns that day's date. */
async function openFirstFreeDay(page: Page, service: string, lang: 'fr' | 'en'): Promise<string> {
  const words = WORDS[lang];
  await clientSection(page, words.book).click();
  await page.getByRole('link', { name: `${words.book} — ${service}` }).click();
  await page.getByRole('heading', { name: service }).waitFor();
  await page.getByRole('button', { name: words.firstFree }).click();
  await page.getByRole('group', { name: words.times }).getByRole('button').first().waitFor();
  return page.getByTestId('chosen-day').getAttribute('data-day') as Promise<string>;
}

describe('booking workflow', () => {
  it('goes from a free slot to a project the client follows', async () => {
    const service = `Portrait e2e ${Date.now()}`;

    // Staff: working hours every day, then a service.
    const staff = await signIn(browser, 'pro@demo.declic.fr', viewport);
    await openSection(staff.page, viewport, 'Disponibilités');
    await staff.page.getByRole('heading', { name: 'Horaires de la semaine' }).waitFor();
    const remove = staff.page.getByRole('button', { name: 'Retirer cette plage' });
    while ((await remove.count()) > 0) await remove.first().click();
    for (const day of ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']) {
      await staff.page.getByRole('button', { name: `Ajouter une plage — ${day}` }).click();
    }
    await staff.page.getByRole('button', { name: 'Enregistrer les horaires' }).click();
    await staff.page.getByText('Horaires enregistrés.').waitFor();
    await screenshot(staff.page, 'pro-availability', viewport);

    await openSection(staff.page, viewport, 'Prestations');
    await staff.page.getByRole('button', { name: 'Nouvelle prestation' }).first().click();
    const dialog = staff.page.getByRole('dialog');
    await field(staff.page, 'name').fill(service);
    await field(staff.page, 'description').fill('Une heure de portrait en studio, retouches comprises.');
    await field(staff.page, 'price').fill('150');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.page.getByRole('row').filter({ hasText: service }).waitFor();
    await screenshot(staff.page, 'pro-services', viewport);

    // First client: the first free time of the first free day.
    const first = await signIn(browser, 'client1@demo.declic.fr', viewport);
    await clientSection(first.page, 'Réserver').click();
    await first.page.getByTestId('service-card').filter({ hasText: service }).getByText('150,00 €').waitFor();
    await screenshot(first.page, 'client-catalog', viewport);
    const day = await openFirstFreeDay(first.page, service, 'fr');
    const times = first.page.getByRole('group', { name: 'Choisir un horaire' });
    const time = (await times.getByRole('button').first().innerText()).trim();
    await times.getByRole('button', { name: time, exact: true }).click();
    await expect.poll(() => first.page.getByTestId('booking-summary').innerText()).toContain(time);
    await screenshot(first.page, 'client-book', viewport);
    await first.page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await first.page.waitForURL('**/client/bookings');
    const mine = first.page.getByTestId('booking').filter({ hasText: service });
    await mine.getByText('En attente').waitFor();
    await screenshot(first.page, 'client-bookings', viewport);

    // Second client: the same day no longer offers that time.
    const second = await signIn(browser, 'client2@demo.declic.fr', viewport);
    // Either that day still has other times, without this one, or it is now full.
    const secondDay = await openFirstFreeDay(second.page, service, 'en');
    if (secondDay === day) {
      const offered = await second.page.getByRole('group', { name: 'Choose a time' }).getByRole('button').allInnerTexts();
      expect(offered.map((s) => s.trim())).not.toContain(time);
    } else {
      expect(secondDay > day).toBe(true);
      const cell = second.page.locator(`[data-date="${day}"]`).first();
      expect(await cell.getAttribute('data-free')).toBeNull();
    }
    await second.context.close();

    // Staff confirm in the calendar (the session may be next week).
    await openSection(staff.page, viewport, 'Agenda');
    const event = staff.page.locator('.fc-event', { hasText: service });
    const shown = () =>
      event
        .first()
        .waitFor({ timeout: 3000 })
        .then(() => true)
        .catch(() => false);
    for (let i = 0; i < 3 && !(await shown()); i++) {
      await staff.page.getByRole('button', { name: /suivant/i }).click();
    }
    await event.first().click();
    const drawer = staff.page.getByRole('dialog');
    await drawer.getByText('En attente').waitFor();
    await screenshot(staff.page, 'pro-calendar', viewport);
    await drawer.getByRole('button', { name: 'Confirmer' }).click();
    await staff.page.getByText('Séance confirmée : le projet est créé.').waitFor();

    // The project appears for both.
    await openSection(staff.page, viewport, 'Projets');
    const card = staff.page.getByTestId('column-CONFIRMED').getByTestId('project-card').filter({ hasText: service });
    await card.waitFor();
    await screenshot(staff.page, 'pro-projects', viewport);
    await clientSection(first.page, 'Mes projets').click();
    await first.page.getByRole('link', { name: service }).waitFor();

    // Staff move it to SHOT with a note.
    await card.getByRole('link', { name: service }).click();
    await staff.page.getByRole('heading', { name: service }).waitFor();
    await field(staff.page, 'note').fill('Séance faite, merci pour votre bonne humeur !');
    await staff.page.getByRole('button', { name: 'Passer à « Séance faite »' }).click();
    await staff.page.getByText('Projet passé à « Séance faite ». Note ajoutée.').waitFor();
    await screenshot(staff.page, 'pro-project', viewport);

    // The client sees the timeline.
    await first.page.getByRole('link', { name: service }).click();
    const timeline = first.page.getByTestId('timeline');
    await timeline.getByText('Séance faite', { exact: true }).waitFor();
    await timeline.getByText('Séance faite, merci pour votre bonne humeur !').waitFor();
    await timeline.getByText('Confirmé', { exact: true }).waitFor();
    await screenshot(first.page, 'client-project', viewport);

    // Their home shows the project's step, not the booking's status (still "Confirmé").
    await clientSection(first.page, 'Accueil').click();
    const step = first.page.getByTestId('next-step').filter({ hasText: service });
    await step.getByText('Séance faite', { exact: true }).waitFor();
    expect(await step.getByText('Confirmé', { exact: true }).count()).toBe(0);

    // Staff book on a client's behalf from the client's page.
    await openSection(staff.page, viewport, 'Clients');
    await staff.page.getByRole('link', { name: 'Lucas Bernard' }).click();
    await staff.page.getByRole('button', { name: 'Réserver', exact: true }).click();
    const modal = staff.page.getByRole('dialog');
    await modal.getByRole('textbox', { name: 'Prestation' }).click();
    await staff.page.getByRole('option', { name: service }).click();
    await modal.getByRole('button', { name: /^Première disponibilité/ }).click();
    await modal.getByRole('group', { name: 'Choisir un horaire' }).getByRole('button').first().click();
    await modal.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await staff.page.getByText('Séance réservée pour Lucas Bernard.').waitFor();
    await staff.page.getByRole('tab', { name: 'Réservations (1)' }).waitFor();
    await staff.page.getByTestId('booking').filter({ hasText: service }).getByText('En attente').waitFor();
    await screenshot(staff.page, 'pro-client-history', viewport);

    expect(staff.errors).toEqual([]);
    expect(first.errors).toEqual([]);
    await staff.context.close();
    await first.context.close();
  });
});
