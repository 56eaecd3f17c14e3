// Messaging, the bell and live updates: a client and the photographer, each in their own
// browser, write to each other and see the other's words arrive without reloading; the bell
// counts up and clears; a project moved by staff changes on the client's open page; all of
// it again on a 390 px phone, in English; a notification made through one server reaches a
// browser connected to the other; and every new screen passes axe in both languages and
// both colour schemes, at 1440 px and at 390 px. On a 375 px phone the client's sections are
// a bottom bar: every one in view and working, the thread's composer above it.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInViewport, expectNoAxeViolations, expectNoSidewaysScroll, setColorScheme } from './support/a11y';
import { Api, confirmedProject, conversationOf } from './support/api';
import { DESKTOP as desktop, expectLabelledFields, field, launchBrowser, openSection, PHONE as phone, screenshot, signIn, switchLanguage, uniqueEmail, VIEWPORTS, type Viewport } from './support/browser';
import { stage } from './support/stage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The narrowest screen the client space must fully work on: 375 × 812. */
const smallPhone: Viewport = VIEWPORTS[1];

const PRO = 'pro@demo.declic.fr'; // Paul Lefèvre
const CHLOE = 'client1@demo.declic.fr'; // Chloé Dubois, reads French
const LUCAS = 'client2@demo.declic.fr'; // Lucas Bernard, reads English
const SERVICE = 'Portrait en studio';


/** The "Messages" link of a space's navigation (its name carries the unread count when there is one). */
function messagesLink(page: Page) {
  return page.getByRole('navigation').getByRole('link', { name: /^Messages/ });
}

/** A filter chip of the inbox (the input is hidden; its label is what one clicks). */
function chip(page: Page, name: string) {
  return page.locator('label').filter({ has: page.getByText(name, { exact: true }) });
}

/** The number on the bell (0 when it shows none). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('bell-count');
  return (await badge.count()) > 0 ? Number((await badge.innerText()).replace('+', '')) : 0;
}

/** Opens the bell and waits for its list. */
async function openBell(page: Page) {
  await page.getByTestId('bell').click();
  const panel = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Notifications', exact: true }) });
  await panel.waitFor();
  await panel.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  return panel;
}

async function closeBell(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Notifications', exact: true }) }).waitFor({ state: 'hidden' });
}

/** The bell's number once its list has loaded (opening it waits for that), closed again. */
async function settledBellCount(page: Page): Promise<number> {
  await openBell(page);
  await closeBell(page);
  return bellCount(page);
}

/** A flag in the page's memory: still there later means the page was never reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { e2eMark: boolean }).e2eMark = true));
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark === true), 'the page was not reloaded').toBe(true);
}

describe('messaging and live updates', () => {
  it('a client and the photographer write to each other live; the bell counts up and clears', async () => {
    const stamp = Date.now();
    const staff = await signIn(browser, PRO, desktop);
    const client = await signIn(browser, CHLOE, desktop);
    const before = await settledBellCount(staff.page);
    await markPage(staff.page);

    // The client's conversation is created on the first visit; the composer sends on Enter.
    await messagesLink(client.page).click();
    await client.page.waitForURL('**/client/messages');
    await client.page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    await client.page.getByRole('textbox', { name: 'Votre message' }).waitFor();
    await expectLabelledFields(client.page);
    await markPage(client.page);
    const question = `Bonjour, peut-on décaler la séance d'une heure ? (e2e ${stamp})`;
    await field(client.page, 'message').fill(question);
    await field(client.page, 'message').press('Enter');
    const asked = client.page.getByTestId('message').filter({ hasText: question });
    await asked.waitFor();
    await expect.poll(() => field(client.page, 'message').inputValue()).toBe('');
    await asked.getByText('Envoyé', { exact: true }).waitFor();

    // Staff, on their dashboard: the bell counts it without a reload, and so does "Messages".
    await expect.poll(() => bellCount(staff.page)).toBe(before + 1);
    await messagesLink(staff.page).getByTestId('messages-unread').waitFor();
    await expectNotReloaded(staff.page);

    // Following the notification opens the thread and clears it from the bell.
    const panel = await openBell(staff.page);
    await panel.getByTestId('notification').filter({ hasText: 'Nouveau message de Chloé Dubois' }).filter({ hasText: question }).first().click();
    await staff.page.waitForURL(/\/pro\/messages\/[0-9a-f-]{36}$/);
    const staffThread = staff.page.getByRole('log', { name: 'Messages de la conversation' });
    await staffThread.getByTestId('message').filter({ hasText: question }).waitFor();
    await expect.poll(() => bellCount(staff.page)).toBe(before);
    await staff.page.getByTestId('conversation').filter({ hasText: 'Chloé Dubois' }).and(staff.page.locator('[aria-current="page"]')).waitFor();

    // The client sees, live, that the studio has read it.
    await asked.getByText('Lu', { exact: true }).waitFor();

    // Staff flag the question to follow up, find it with the filter, then clear the flag.
    const staffQuestion = staffThread.getByTestId('message').filter({ hasText: question });
    await staffQuestion.getByRole('button', { name: 'Marquer « à suivre »' }).click();
    await staffQuestion.getByText('À suivre', { exact: true }).waitFor();
    await chip(staff.page, 'À suivre').click();
    await staff.page.getByTestId('conversation').filter({ hasText: 'Chloé Dubois' }).getByText('1 à suivre').waitFor();
    await staffQuestion.getByRole('button', { name: 'Marquer comme traité' }).click();
    await staff.page.getByText('Aucune conversation ne correspond à ces critères.').waitFor();
    await chip(staff.page, 'À suivre').click();
    await staff.page.getByTestId('conversation').filter({ hasText: 'Chloé Dubois' }).waitFor();

    // A saved reply with placeholders, created from the composer's menu.
    const title = `Décalage ${stamp}`;
    await staff.page.getByRole('button', { name: 'Réponses enregistrées' }).click();
    await staff.page.getByRole('menuitem', { name: 'Gérer les réponses enregistrées' }).click();
    const modal = staff.page.getByRole('dialog', { name: 'Gérer les réponses enregistrées' });
    await modal.getByRole('button', { name: 'Nouvelle réponse' }).click();
    await field(staff.page, 'title').fill(title);
    await field(staff.page, 'body').fill("Bonjour {{client.firstName}}, c'est noté : à bientôt chez {{studio.name}} !");
    await modal.getByRole('button', { name: 'Enregistrer' }).click();
    await modal.getByTestId('saved-reply').filter({ hasText: title }).waitFor();
    await staff.page.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });
    await staff.page.getByRole('button', { name: 'Réponses enregistrées' }).click();
    await staff.page.getByRole('menuitem', { name: title }).click();
    await expect.poll(() => field(staff.page, 'message').inputValue()).toMatch(/^Bonjour Chloé, c'est noté : à bientôt chez .+ !$/);
    expect(await field(staff.page, 'message').inputValue()).not.toContain('{{');

    // The reply, sent with Enter, reaches the client's open thread without a reload.
    await field(staff.page, 'message').press('End');
    await field(staff.page, 'message').pressSequentially(` Réf. ${stamp}`);
    await field(staff.page, 'message').press('Enter');
    await staffThread.getByTestId('message').filter({ hasText: `Réf. ${stamp}` }).waitFor();
    const answer = client.page.getByTestId('message').filter({ hasText: `Réf. ${stamp}` });
    await answer.waitFor();
    await answer.getByText('Paul Lefèvre').waitFor();
    // Read at once (the thread is open): the studio sees the receipt.
    await staffThread.getByTestId('message').filter({ hasText: `Réf. ${stamp}` }).getByText('Lu', { exact: true }).waitFor();
    await expectNotReloaded(client.page);
    await expectNotReloaded(staff.page);
    await screenshot(staff.page, 'pro-messages', desktop);
    await screenshot(client.page, 'client-messages', desktop);

    expect(staff.errors).toEqual([]);
    expect(client.errors).toEqual([]);
    await staff.context.close();
    await client.context.close();
  });

  it('a project moved by staff changes live on the client’s page; the bell announces it; a message links to it', async () => {
    const { projectId } = await confirmedProject(await Api.signIn(CHLOE), await Api.signIn(PRO));
    const staff = await signIn(browser, PRO, desktop);
    const client = await signIn(browser, CHLOE, desktop);

    // The client opens the project's page and leaves it open.
    await client.page.goto(`/client/projects/${projectId}`);
    await client.page.getByRole('heading', { name: SERVICE }).waitFor();
    await client.page.getByTestId('timeline').waitFor();
    const before = await settledBellCount(client.page);
    await markPage(client.page);

    // Staff move it from "Confirmé" to "Séance faite" with a note.
    await staff.page.goto(`/pro/projects/${projectId}`);
    await staff.page.getByRole('heading', { name: SERVICE }).waitFor();
    const note = `La séance est dans la boîte (${Date.now()}).`;
    await field(staff.page, 'note').fill(note);
    await staff.page.getByRole('button', { name: 'Passer à « Séance faite »' }).click();
    await staff.page.getByText('Projet passé à « Séance faite ». Note ajoutée.').waitFor();

    // The client's page follows, and the bell counts the change.
    await client.page.getByTestId('timeline').getByText(note).waitFor();
    await client.page.getByRole('heading', { name: SERVICE }).locator('..').getByText('Séance faite', { exact: true }).waitFor();
    await expect.poll(() => bellCount(client.page)).toBe(before + 1);
    await expectNotReloaded(client.page);
    await screenshot(client.page, 'client-project-live', desktop);

    // Opening the bell shows the sentence; "mark all read" clears the count.
    const panel = await openBell(client.page);
    await panel.getByTestId('notification').filter({ hasText: `Votre projet « ${SERVICE} » passe à l'étape « Séance faite ».` }).first().waitFor();
    await panel.getByText("Aujourd'hui", { exact: true }).first().waitFor();
    await panel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await client.page.getByTestId('bell-count').waitFor({ state: 'detached' });
    await closeBell(client.page);

    // "Écrire au client" from the project: the message carries a card linking to it.
    await staff.page.getByRole('link', { name: 'Écrire au client' }).click();
    await staff.page.waitForURL(/\/pro\/messages\/[0-9a-f-]{36}\?project=/);
    await staff.page.getByText('Ce message portera sur le projet ouvert.').waitFor();
    const text = `Quelques photos arrivent bientôt (${Date.now()}).`;
    await field(staff.page, 'message').fill(text);
    await staff.page.getByRole('button', { name: 'Envoyer' }).click();
    await staff.page.getByRole('log').getByTestId('message').filter({ hasText: text }).getByRole('link', { name: SERVICE }).waitFor();

    // The client's "Messages" tab shows it is unread; opening it reads it; the card leads back.
    await messagesLink(client.page).getByTestId('messages-unread').waitFor();
    await messagesLink(client.page).click();
    const linked = client.page.getByTestId('message').filter({ hasText: text });
    await linked.getByRole('link', { name: SERVICE }).waitFor();
    await messagesLink(client.page).getByTestId('messages-unread').waitFor({ state: 'detached' });
    await linked.getByRole('link', { name: SERVICE }).click();
    await client.page.waitForURL(`**/client/projects/${projectId}`);

    expect(staff.errors).toEqual([]);
    expect(client.errors).toEqual([]);
    await staff.context.close();
    await client.context.close();
  });

  it('on a 390 px phone, in English: messages both ways, the bell, and a project moving, all live', async () => {
    const stamp = Date.now();
    const staffApi = await Api.signIn(PRO);
    // A client of their own (the demo ones' bookings are counted by other flows), reading English.
    const password = 'un mot de passe solide';
    const clientApi = await Api.register({ email: uniqueEmail('phone'), password, firstName: 'Emma', lastName: 'Wilson', locale: 'en' });
    const { projectId } = await confirmedProject(clientApi, staffApi);
    const client = await signIn(browser, clientApi.user.email, phone, { password });
    await client.page.getByRole('heading', { name: 'Hello Emma' }).waitFor();
    const before = await settledBellCount(client.page);
    await markPage(client.page);

    // Staff write first, from the client's page ("Écrire au client").
    const staff = await signIn(browser, PRO, desktop);
    await staff.page.goto(`/pro/clients/${clientApi.user.id}`);
    await staff.page.getByRole('link', { name: 'Écrire au client' }).click();
    await staff.page.waitForURL(/\/pro\/messages\/[0-9a-f-]{36}$/);
    const staffThread = staff.page.getByRole('log');
    const hello = `Hello Emma, your session is confirmed. (e2e ${stamp})`;
    await field(staff.page, 'message').fill(hello);
    await field(staff.page, 'message').press('Enter');
    await staffThread.getByTestId('message').filter({ hasText: hello }).waitFor();

    // The phone's bell counts it; its list fits the screen; following it opens the thread.
    await expect.poll(() => bellCount(client.page)).toBe(before + 1);
    const panel = await openBell(client.page);
    await expectNoSidewaysScroll(client.page, 'the bell on a phone');
    await panel.getByTestId('notification').filter({ hasText: 'New message from Paul Lefèvre' }).filter({ hasText: hello }).first().click();
    await client.page.waitForURL('**/client/messages');
    await client.page.getByTestId('message').filter({ hasText: hello }).waitFor();
    await expect.poll(() => bellCount(client.page)).toBe(before);
    await expectNotReloaded(client.page);

    // The client answers with the Send button; staff see it, and that their message was read.
    await staffThread.getByTestId('message').filter({ hasText: hello }).getByText('Lu', { exact: true }).waitFor();
    const question = `Great, can I bring my dog to the shoot? (e2e ${stamp})`;
    await field(client.page, 'message').fill(question);
    await client.page.getByRole('button', { name: 'Send' }).click();
    await client.page.getByTestId('message').filter({ hasText: question }).waitFor();
    await staffThread.getByTestId('message').filter({ hasText: question }).waitFor();
    await expectNoSidewaysScroll(client.page, 'the client’s thread on a phone');

    // The answer, and the receipt, reach the phone without a reload.
    const reply = `Of course, dogs are welcome! (e2e ${stamp})`;
    await field(staff.page, 'message').fill(reply);
    await field(staff.page, 'message').press('Enter');
    await client.page.getByTestId('message').filter({ hasText: reply }).waitFor();
    await client.page.getByTestId('message').filter({ hasText: question }).getByText('Read', { exact: true }).waitFor();
    await expectNotReloaded(client.page);
    await expectNoSidewaysScroll(client.page, 'the client’s thread on a phone');
    await screenshot(client.page, 'client-messages', phone);

    // The project's page on the phone follows a change staff make through the API.
    await client.page.goto(`/client/projects/${projectId}`);
    await client.page.getByRole('heading', { name: SERVICE }).waitFor();
    const beforeProject = await settledBellCount(client.page);
    await markPage(client.page);
    const note = `Session in the bag (${stamp}).`;
    await staffApi.patch(`/api/projects/${projectId}`, { status: 'SHOT', note });
    await client.page.getByTestId('timeline').getByText(note).waitFor();
    await client.page.getByRole('heading', { name: SERVICE }).locator('..').getByText('Session done', { exact: true }).waitFor();
    await expect.poll(() => bellCount(client.page)).toBe(beforeProject + 1);
    await expectNotReloaded(client.page);
    await expectNoSidewaysScroll(client.page, 'the client’s project on a phone');
    const projectPanel = await openBell(client.page);
    await projectPanel.getByTestId('notification').filter({ hasText: `Your “${SERVICE}” project moves to the “Session done” step.` }).first().waitFor();
    await projectPanel.getByRole('button', { name: 'Mark all as read' }).click();
    await client.page.getByTestId('bell-count').waitFor({ state: 'detached' });
    await closeBell(client.page);

    // Staff's inbox on a phone: the list, then the thread full width with a way back.
    const staffPhone = await signIn(browser, PRO, phone);
    await openSection(staffPhone.page, phone, 'Messages');
    await staffPhone.page.getByTestId('conversation').filter({ hasText: 'Emma Wilson' }).first().click();
    await staffPhone.page.getByRole('log').getByTestId('message').filter({ hasText: reply }).waitFor();
    await expectNoSidewaysScroll(staffPhone.page, 'the staff thread on a phone');
    await screenshot(staffPhone.page, 'pro-messages', phone);
    await staffPhone.page.getByRole('link', { name: 'Retour aux conversations' }).click();
    await staffPhone.page.waitForURL(/\/pro\/messages$/);
    await staffPhone.page.getByTestId('conversation').filter({ hasText: 'Emma Wilson' }).first().waitFor();
    await expectNoSidewaysScroll(staffPhone.page, 'the staff inbox on a phone');

    expect(client.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    expect(staffPhone.errors).toEqual([]);
    await client.context.close();
    await staff.context.close();
    await staffPhone.context.close();
  });

  it('the profile’s e-mail preferences are saved kind by kind', async () => {
    const clientApi = await Api.signIn(LUCAS);
    const client = await signIn(browser, LUCAS, phone);
    await client.page.goto('/client/profile');
    await client.page.getByRole('heading', { name: 'Notification emails' }).waitFor();
    const projects = client.page.getByRole('radiogroup', { name: 'Projects' });
    await projects.getByText('Off', { exact: true }).click();
    await client.page.getByText('Preference saved.').first().waitFor();
    await client.page.getByTestId('preference-help-projects').getByText('No email: progress stays visible in the bell').waitFor();
    expect(await clientApi.get('/api/me/notification-preferences')).toEqual({ messages: 'instant', bookings: 'instant', projects: 'off' });

    await client.page.reload();
    await expect.poll(() => projects.getByRole('radio', { name: 'Off' }).isChecked()).toBe(true);
    expect(await client.page.getByRole('radiogroup', { name: 'Messages' }).getByRole('radio', { name: 'Instant' }).isChecked()).toBe(true);
    await projects.getByText('Instant', { exact: true }).click();
    await client.page.getByTestId('preference-help-projects').getByText('An email at each new step of a project.').waitFor();
    await expect.poll(() => clientApi.get('/api/me/notification-preferences')).toEqual({ messages: 'instant', bookings: 'instant', projects: 'instant' });

    expect(client.errors).toEqual([]);
    await client.context.close();
  });

  it('two servers on one database: what happens through one reaches a browser on the other', async () => {
    const stamp = Date.now();
    const serverB = stage().baseUrlB;
    expect(serverB).not.toBe(stage().baseUrl);

    // The client's browser is on server B; the photographer acts through server A.
    const staffOnA = await Api.signIn(PRO);
    const conversationId = await conversationOf(await Api.signIn(CHLOE, serverB));
    const client = await signIn(browser, CHLOE, desktop, { baseURL: serverB });
    expect(new URL(client.page.url()).origin).toBe(serverB);
    const before = await settledBellCount(client.page);
    await markPage(client.page);

    const text = `Vos photos sont prêtes à être retouchées. (e2e ${stamp})`;
    await staffOnA.post(`/api/conversations/${conversationId}/messages`, { body: text });
    await expect.poll(() => bellCount(client.page)).toBe(before + 1);
    const panel = await openBell(client.page);
    await panel.getByTestId('notification').filter({ hasText: 'Nouveau message de Paul Lefèvre' }).filter({ hasText: text }).first().waitFor();
    await closeBell(client.page);
    await expectNotReloaded(client.page);

    // And back: the client writes on B, the photographer's browser on A counts it.
    const staff = await signIn(browser, PRO, desktop);
    const staffBefore = await settledBellCount(staff.page);
    await messagesLink(client.page).click();
    await client.page.getByTestId('message').filter({ hasText: text }).waitFor();
    const reply = `Merci, j'ai hâte ! (e2e ${stamp})`;
    await field(client.page, 'message').fill(reply);
    await field(client.page, 'message').press('Enter');
    await client.page.getByTestId('message').filter({ hasText: reply }).waitFor();
    await expect.poll(() => bellCount(staff.page)).toBe(staffBefore + 1);
    const staffPanel = await openBell(staff.page);
    await staffPanel.getByTestId('notification').filter({ hasText: 'Nouveau message de Chloé Dubois' }).filter({ hasText: reply }).first().waitFor();
    await closeBell(staff.page);

    expect(client.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await client.context.close();
    await staff.context.close();
  });
});

/** Nothing of `target` is under the bottom bar `bar` (the page scrolled as it is now). */
async function expectAboveBar(target: Locator, bar: Locator, what: string): Promise<void> {
  const [box, barBox] = [await target.boundingBox(), await bar.boundingBox()];
  expect(box, `${what} is shown`).not.toBeNull();
  expect(barBox, 'the bottom bar is shown').not.toBeNull();
  expect(box!.y + box!.height, `bottom of ${what} over the bar's top`).toBeLessThanOrEqual(barBox!.y);
}

/** The bottom bar item's label is shown whole, not cut short with an ellipsis. */
async function expectWholeLabel(item: Locator, what: string): Promise<void> {
  const [text, room] = await item.locator('.client-tabbar-label').evaluate((label) => {
    const range = document.createRange();
    range.selectNodeContents(label);
    return [range.getBoundingClientRect().width, label.getBoundingClientRect().width];
  });
  expect(text, `width of the label ${what}`).toBeLessThanOrEqual(room + 0.5);
}

describe('the client space on a 375 px phone', () => {
  it('every section is in a bottom bar, in view and working; the current one is marked; the composer stays above it', async () => {
    const stamp = Date.now();
    const password = 'un mot de passe solide';
    const clientApi = await Api.register({ email: uniqueEmail('tabbar'), password, firstName: 'Inès', lastName: 'Garnier', locale: 'fr' });
    // A thread longer than the screen, its last messages unread: "Messages" shows a count.
    const conversationId = await conversationOf(clientApi);
    const staffApi = await Api.signIn(PRO);
    for (let i = 1; i <= 8; i++) {
      const body = `Message ${i} : voici quelques lignes pour remplir le fil sur un petit écran. (e2e ${stamp})`;
      await (i % 2 ? clientApi : staffApi).post(`/api/conversations/${conversationId}/messages`, { body });
    }
    const { page, context, errors } = await signIn(browser, clientApi.user.email, smallPhone, { password });
    await page.getByRole('heading', { name: 'Bonjour Inès' }).waitFor();

    // One navigation for the space (the tabs under the name are not shown on a phone), at the
    // bottom of the screen: six sections (the profile is in the account menu), each entirely
    // in view, at least 44 px square.
    const spaces = page.getByRole('navigation', { name: 'Espace client' });
    expect(await spaces.count()).toBe(1);
    const bar = spaces.first();
    const tab = (name: string) => bar.getByRole('link', name === 'Messages' ? { name: /^Messages/ } : { name, exact: true });
    await tab('Messages').getByTestId('messages-unread').waitFor();
    const labels = ['Accueil', 'Réserver', 'Réservations', 'Projets', 'Galeries', 'Messages'];
    expect(await bar.getByRole('link').count()).toBe(labels.length);
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height, 'the bottom bar ends at the bottom of the screen').toBeCloseTo(smallPhone.height, 0);
    for (const label of labels) {
      await expectInViewport(page, tab(label), `« ${label} » in the bottom bar`);
      const box = (await tab(label).boundingBox())!;
      expect(box.width, `width of « ${label} »`).toBeGreaterThanOrEqual(44);
      expect(box.height, `height of « ${label} »`).toBeGreaterThanOrEqual(44);
      // Every label is whole: none cut short with an ellipsis.
      await expectWholeLabel(tab(label), `« ${label} »`);
    }
    await expectNoSidewaysScroll(page, 'the client home at 375 px');
    for (const control of [page.getByTestId('bell'), page.getByTestId('user-menu')]) await expectInViewport(page, control, 'a header control');
    await expectNoAxeViolations(page, 'the client home with the bottom bar (light, 375 px)');
    await screenshot(page, 'client-nav-home', smallPhone);

    // The current section is marked for assistive technology, and by weight as well as colour.
    const weight = (name: string) => tab(name).evaluate((el) => Number(getComputedStyle(el).fontWeight));
    await expect.poll(() => tab('Accueil').getAttribute('aria-current')).toBe('page');
    expect(await weight('Accueil')).toBeGreaterThanOrEqual(600);
    expect(await weight('Projets')).toBeLessThan(600);

    // The end of the page scrolls clear of the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectAboveBar(page.locator('#main > *').last(), bar, 'the end of the home page');

    // Reachable with the keyboard: Tab gets into the bar, Enter follows a section.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let inBar = false;
    for (let i = 0; i < 15 && !inBar; i++) {
      await page.keyboard.press('Tab');
      inBar = await bar.evaluate((nav) => nav.contains(document.activeElement));
    }
    expect(inBar, 'Tab reaches the bottom bar').toBe(true);
    await tab('Réserver').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/client/book');
    await expect.poll(() => tab('Réserver').getAttribute('aria-current')).toBe('page');

    // A tap on "Projets", then on "Messages": each opens its page and becomes the current one.
    await tab('Projets').click();
    await page.waitForURL('**/client/projects');
    await expect.poll(() => tab('Projets').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => tab('Accueil').getAttribute('aria-current')).toBeNull();
    await tab('Messages').click();
    await page.waitForURL('**/client/messages');
    await page.getByTestId('message').filter({ hasText: `Message 8 :` }).waitFor();
    await expect.poll(() => tab('Messages').getAttribute('aria-current')).toBe('page');
    await tab('Messages').getByTestId('messages-unread').waitFor({ state: 'detached' });

    // The thread's composer is whole and above the bar, without scrolling the page; sending works.
    const composer = page.getByRole('textbox', { name: 'Votre message' });
    const send = page.getByRole('button', { name: 'Envoyer', exact: true });
    for (const [control, what] of [[composer, 'the composer'], [send, 'the Send button']] as const) {
      await expectInViewport(page, control, what);
      await expectAboveBar(control, bar, what);
    }
    const text = `Merci, à bientôt ! (e2e ${stamp})`;
    await composer.fill(text);
    await send.click();
    await page.getByTestId('message').filter({ hasText: text }).getByText('Envoyé', { exact: true }).waitFor();
    await expectAboveBar(composer, bar, 'the composer after sending');
    await expectNoSidewaysScroll(page, 'the client’s thread at 375 px');

    // axe, and a look, in light and dark: the thread, then the home page (in light above).
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = scheme === 'dark' ? '-dark' : '';
      await setColorScheme(page, scheme);
      await expectNoAxeViolations(page, `the client's thread with the bottom bar (${scheme}, 375 px)`);
      await screenshot(page, `client-nav-thread${suffix}`, smallPhone);
    }
    await tab('Accueil').click();
    await page.waitForURL(/\/client$/);
    await page.getByRole('heading', { name: 'Bonjour Inès' }).waitFor();
    await expectNoAxeViolations(page, 'the client home with the bottom bar (dark, 375 px)');
    await screenshot(page, 'client-nav-home-dark', smallPhone);

    // In English the short labels fit too.
    await switchLanguage(page, 'EN');
    await page.getByRole('heading', { name: 'Hello Inès' }).waitFor();
    const english = page.getByRole('navigation', { name: 'Client space' });
    for (const label of ['Home', 'Book', 'Bookings', 'Projects', 'Galleries', 'Messages']) {
      const link = english.getByRole('link', label === 'Messages' ? { name: /^Messages/ } : { name: label, exact: true });
      await expectInViewport(page, link, `“${label}” in the bottom bar`);
      await expectWholeLabel(link, `“${label}”`);
    }

    expect(errors).toEqual([]);
    await context.close();
  });
});

// Every screen this module added, for staff and for a client, in both languages and both
// colour schemes: no critical or serious axe violation, and nothing wider than a phone.
describe.each([desktop, phone])('accessibility at $width px', (viewport) => {
  it('inbox, thread, client messages, the bell and the e-mail preferences, in FR and EN, light and dark', async () => {
    const staffApi = await Api.signIn(PRO);
    const clientApi = await Api.signIn(CHLOE);
    const { projectId } = await confirmedProject(clientApi, staffApi);
    const conversationId = await conversationOf(clientApi);
    const staff = await signIn(browser, PRO, viewport);
    const client = await signIn(browser, CHLOE, viewport);

    const check = async (page: Page, what: string, shot: string | null) => {
      await expectNoAxeViolations(page, what);
      if (viewport === phone) await expectNoSidewaysScroll(page, what);
      if (shot) await screenshot(page, shot, viewport);
    };

    try {
      for (const lang of ['FR', 'EN'] as const) {
        for (const scheme of ['light', 'dark'] as const) {
          const what = (screen: string) => `${screen} (${lang}, ${scheme}, ${viewport.width} px)`;
          // A screenshot of each screen in French and light, and in English and dark.
          const shot = (name: string) => (lang === 'FR' && scheme === 'light' ? name : lang === 'EN' && scheme === 'dark' ? `${name}-dark` : null);

          // Something unread on both sides: a question (flagged to follow up) and an answer about the project.
          const stamp = Date.now();
          const question = await clientApi.post<{ id: string }>(`/api/conversations/${conversationId}/messages`, { body: `Question ${lang} ${scheme} ${stamp}` });
          await staffApi.request('PUT', `/api/messages/${question.id}/follow-up`);
          const answer = `Réponse ${lang} ${scheme} ${stamp}`;
          await staffApi.post(`/api/conversations/${conversationId}/messages`, { body: answer, projectId });

          // Staff: the inbox, the bell, a thread, the profile's e-mail preferences.
          await staff.page.goto('/pro/messages');
          await setColorScheme(staff.page, scheme);
          if (lang === 'EN') await staff.page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
          const row = staff.page.getByTestId('conversation').filter({ hasText: 'Chloé Dubois' });
          await row.waitFor();
          await check(staff.page, what('staff inbox'), shot('pro-inbox'));
          const staffBell = await openBell(staff.page);
          await staffBell.getByTestId('notification').first().waitFor();
          await check(staff.page, what('staff bell'), shot('pro-bell'));
          await closeBell(staff.page);
          await row.click();
          await staff.page.getByRole('log').getByTestId('message').filter({ hasText: answer }).waitFor();
          await check(staff.page, what('staff thread'), shot('pro-thread'));
          await staff.page.goto('/pro/profile');
          await staff.page.getByTestId('preference-help-messages').waitFor();
          await check(staff.page, what('staff profile'), shot('pro-profile'));

          // The client: the bell, their conversation, the profile's e-mail preferences.
          await client.page.goto('/client');
          await setColorScheme(client.page, scheme);
          const clientBell = await openBell(client.page);
          await clientBell.getByTestId('notification').first().waitFor();
          await check(client.page, what('client bell'), shot('client-bell'));
          await closeBell(client.page);
          await client.page.goto('/client/messages');
          await client.page.getByTestId('message').filter({ hasText: answer }).getByRole('link', { name: SERVICE }).waitFor();
          await check(client.page, what('client messages'), shot('client-thread'));
          await client.page.goto('/client/profile');
          await client.page.getByTestId('preference-help-messages').waitFor();
          await check(client.page, what('client profile'), shot('client-profile'));

          // Then the same in English (saved on the accounts: put back below).
          if (lang === 'FR' && scheme === 'dark') {
            await switchLanguage(staff.page, 'EN');
            await staff.page.getByRole('heading', { name: 'My profile' }).waitFor();
            await switchLanguage(client.page, 'EN');
            await client.page.getByRole('heading', { name: 'My profile' }).waitFor();
          }
        }
      }
      expect(staff.errors).toEqual([]);
      expect(client.errors).toEqual([]);
    } finally {
      await staffApi.patch('/api/me', { locale: 'fr' });
      await clientApi.patch('/api/me', { locale: 'fr' });
      await staff.context.close();
      await client.context.close();
    }
  });
});
