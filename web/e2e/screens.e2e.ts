// Screens changed without a browser test of their own, opened for real at 1440 px and at
// 390 px and checked by axe in light and dark with nothing scrolling sideways: the
// availability page with a weekly-hours time list open (24-hour clock) and with a blocked
// period's date-and-time picker open; a project's due-date picker open; the service form
// (its "Temps libre avant la séance" and "Préavis minimum de réservation" wording, in French
// and English); and the dialog before someone is made an administrator, where Cancel leaves
// the role as it was and only the named button gives it (then it is taken back). Every
// modal met here has a named close button.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoSidewaysScroll, setColorScheme } from './support/a11y';
import { Api, confirmedProject } from './support/api';
import { launchBrowser, signIn, switchLanguage, uniqueEmail, type Viewport } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const desktop: Viewport = { name: 'desktop', width: 1440, height: 900 };
const phone: Viewport = { name: 'phone', width: 390, height: 844 };
const PRO = 'pro@demo.declic.fr'; // Paul Lefèvre
const ADMIN = 'admin@demo.declic.fr'; // Alice Martin
/** A calendar's month, in French, as its header button reads and is named: "décembre 2026". */
const FRENCH_MONTH = /^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/i;

/** The header's FR/EN switch, once the account has saved it. */
async function toLanguage(page: Page, lang: 'FR' | 'EN'): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/me' && r.ok()),
    switchLanguage(page, lang),
  ]);
}

/** axe in light then dark (back to light), and nothing wider than the screen on a phone. */
async function expectAccessible(page: Page, viewport: Viewport, what: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await setColorScheme(page, scheme);
    await expectNoAxeViolations(page, `${what} (${scheme}, ${viewport.width} px)`);
    if (viewport === phone) await expectNoSidewaysScroll(page, `${what} (${scheme}, ${viewport.width} px)`);
  }
  await setColorScheme(page, 'light');
}

/** True when `target` has the keyboard focus. */
function focused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

describe.each([desktop, phone])('screens changed today, at $width px', (viewport) => {
  it('availability: the weekly hours’ time list and a blocked period’s date-and-time picker, opened', async () => {
    const staff = await signIn(browser, PRO, viewport);
    const { page } = staff;
    await page.goto('/pro/availability');
    await page.getByRole('heading', { name: 'Disponibilités', level: 1 }).waitFor();
    // Monday 09:00–18:00 (the demo's hours), on the 24-hour clock in two named boxes.
    const mondayStart = page.getByRole('group', { name: 'Lundi — début' });
    const hours = mondayStart.getByRole('spinbutton', { name: 'Lundi — début, heures' });
    expect(await hours.inputValue()).toBe('09');
    expect(await page.getByRole('spinbutton', { name: 'Lundi — fin, heures' }).inputValue()).toBe('18');
    await expectAccessible(page, viewport, 'the availability page');

    // The time list opens under the field: hours 00–23, no AM/PM.
    await hours.click();
    const list = page.locator('.mantine-TimePicker-dropdown');
    await list.waitFor();
    await list.getByText('23', { exact: true }).first().waitFor();
    expect(await list.getByText(/^(AM|PM)$/).count()).toBe(0);
    await expectAccessible(page, viewport, 'the weekly hours with the time list open');
    // It closes when the focus leaves the field (Escape does not close Mantine's time list).
    await page.getByRole('heading', { name: 'Disponibilités', level: 1 }).click();
    await list.waitFor({ state: 'hidden' });

    // A blocked period's start: a calendar in French (a popover, a dialog on a phone) and a time.
    await page.getByRole('button', { name: 'Début' }).click();
    const next = page.getByRole('button', { name: 'Mois suivant' });
    await next.waitFor();
    await page.getByRole('group', { name: 'Début, heure' }).waitFor();
    await page.getByRole('button', { name: "Valider la date et l'heure" }).waitFor();
    await page.getByRole('dialog', { name: 'Début' }).waitFor();
    await page.getByRole('button', { name: FRENCH_MONTH }).waitFor();
    await expectAccessible(page, viewport, 'a blocked period’s date-and-time picker open');
    await page.keyboard.press('Escape');
    await next.waitFor({ state: 'hidden' });

    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('a project’s due date: the date picker opened', async () => {
    const staffApi = await Api.signIn(PRO);
    const clientApi = await Api.register({ email: uniqueEmail('screens'), password: 'un mot de passe solide', firstName: 'Nina', lastName: 'Garnier', locale: 'fr' });
    const { projectId } = await confirmedProject(clientApi, staffApi);
    const staff = await signIn(browser, PRO, viewport);
    const { page } = staff;
    await page.goto(`/pro/projects/${projectId}`);
    const due = page.getByRole('button', { name: 'Échéance' });
    await due.waitFor();
    await due.click();
    const next = page.getByRole('button', { name: 'Mois suivant' });
    await next.waitFor();
    await page.getByRole('dialog', { name: 'Échéance' }).waitFor();
    await page.getByRole('button', { name: FRENCH_MONTH }).waitFor();
    await expectAccessible(page, viewport, 'the due-date picker open');
    await page.keyboard.press('Escape');
    await next.waitFor({ state: 'hidden' });
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('the service form: free time before and after, minimum notice, in French and English', async () => {
    const staffApi = await Api.signIn(PRO);
    const staff = await signIn(browser, PRO, viewport);
    const { page } = staff;
    try {
      for (const [lang, words] of [
        ['FR', { title: 'Prestations', create: 'Nouvelle prestation', before: 'Temps libre avant la séance', after: 'Temps libre après la séance', notice: 'Préavis minimum de réservation', help: "Les clients ne peuvent pas réserver une séance qui commence dans moins de ce nombre d'heures.", close: 'Fermer' }],
        ['EN', { title: 'Services', create: 'New service', before: 'Free time before the session', after: 'Free time after the session', notice: 'Minimum booking notice', help: 'Clients cannot book a session that starts in less than this many hours.', close: 'Close' }],
      ] as const) {
        if (lang === 'EN') await toLanguage(page, 'EN');
        await page.goto('/pro/services');
        await page.getByRole('heading', { name: words.title, level: 1 }).waitFor();
        await page.getByRole('button', { name: words.create }).first().click();
        const dialog = page.getByRole('dialog', { name: words.create });
        await dialog.waitFor();
        for (const label of [words.before, words.after, words.notice]) await dialog.getByRole('textbox', { name: label }).waitFor();
        await dialog.getByText(words.help).waitFor();
        expect(await dialog.getByRole('textbox', { name: words.notice }).inputValue()).toBe('24 h');
        const close = dialog.getByRole('button', { name: words.close, exact: true });
        await close.waitFor();
        await expectAccessible(page, viewport, `the service form (${lang})`);
        await close.click();
        await dialog.waitFor({ state: 'hidden' });
      }
      expect(staff.errors).toEqual([]);
    } finally {
      await staffApi.patch('/api/me', { locale: 'fr' });
      await staff.context.close();
    }
  });

  it('the ADMIN role: a dialog first; Cancel leaves the role, its button gives it; then taken back', async () => {
    const adminApi = await Api.signIn(ADMIN);
    const person = await Api.register({ email: uniqueEmail('role'), password: 'un mot de passe solide', firstName: 'Hugo', lastName: 'Lemoine', locale: 'fr' });
    const roleOf = async () => (await adminApi.get<{ role: string }>(`/api/users/${person.user.id}`)).role;
    const admin = await signIn(browser, ADMIN, viewport);
    const { page } = admin;
    try {
      await page.goto('/pro/users');
      await page.getByRole('heading', { name: 'Utilisateurs et rôles', level: 1 }).waitFor();
      const select = page.getByRole('textbox', { name: `Rôle — ${person.user.email}`, exact: true });
      await select.waitFor();
      expect(await select.inputValue()).toBe('Client');
      await expectAccessible(page, viewport, 'the users page');

      const pickAdmin = async () => {
        await select.click();
        await page.getByRole('option', { name: 'Administrateur' }).click();
        const dialog = page.getByRole('dialog', { name: 'Nommer Hugo Lemoine administrateur ?' });
        await dialog.waitFor();
        return dialog;
      };

      // The dialog says what an administrator can do; the focus starts on Cancel.
      let dialog = await pickAdmin();
      await dialog.getByText('Un administrateur peut tout faire dans Déclic, comme vous :').waitFor();
      await dialog.getByRole('listitem').filter({ hasText: 'modifier les réglages du studio' }).waitFor();
      const cancel = dialog.getByRole('button', { name: 'Annuler', exact: true });
      await expect.poll(() => focused(cancel)).toBe(true);
      await dialog.getByRole('button', { name: 'Fermer', exact: true }).waitFor();
      await expectAccessible(page, viewport, 'the ADMIN role confirmation');

      // Cancel: nothing saved, the select still shows the role as it was.
      await cancel.click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await select.inputValue()).toBe('Client');
      expect(await roleOf()).toBe('CLIENT');

      // The named button gives the role.
      dialog = await pickAdmin();
      await dialog.getByRole('button', { name: 'Oui, nommer administrateur' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(roleOf).toBe('ADMIN');
      await expect.poll(() => select.inputValue()).toBe('Administrateur');

      // Taken back: any other role is saved at once, without a dialog.
      await select.click();
      await page.getByRole('option', { name: 'Client', exact: true }).click();
      await expect.poll(roleOf).toBe('CLIENT');
      await expect.poll(() => select.inputValue()).toBe('Client');
      expect(await page.getByRole('dialog').count()).toBe(0);

      // In English: the same dialog in its words, cancelled.
      await toLanguage(page, 'EN');
      await page.getByRole('heading', { name: 'Users and roles', level: 1 }).waitFor();
      const english = page.getByRole('textbox', { name: `Role — ${person.user.email}`, exact: true });
      await english.click();
      await page.getByRole('option', { name: 'Administrator' }).click();
      dialog = page.getByRole('dialog', { name: 'Make Hugo Lemoine an administrator?' });
      await dialog.getByRole('button', { name: 'Yes, make them an administrator' }).waitFor();
      await dialog.getByRole('button', { name: 'Close', exact: true }).waitFor();
      await expectAccessible(page, viewport, 'the ADMIN role confirmation (EN)');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await roleOf()).toBe('CLIENT');
      expect(admin.errors).toEqual([]);
    } finally {
      await adminApi.patch('/api/me', { locale: 'fr' });
      if ((await roleOf()) !== 'CLIENT') await adminApi.patch(`/api/users/${person.user.id}`, { role: 'CLIENT' });
      await admin.context.close();
    }
  });
});
