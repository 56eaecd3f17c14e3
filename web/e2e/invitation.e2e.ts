// Staff invite a client → the client opens the mailed link → sets a password → lands in the
// client space; a client cannot open a professional page. Desktop and 375 px phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectLabelledFields,
  field,
  launchBrowser,
  newPage,
  openSection,
  screenshot,
  signIn,
  uniqueEmail,
  VIEWPORTS,
  type Viewport,
} from './support/browser';
import { expectInViewport } from './support/a11y';
import { linkIn, waitForMail } from './support/mail';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORTS)('invitation at $name size', (viewport: Viewport) => {
  it('staff invite a client who sets a password and lands in the client space', async () => {
    const clientEmail = uniqueEmail(`invited-${viewport.name}`);
    const lastName = `Durand-${viewport.name}`;

    // Staff side.
    const staff = await signIn(browser, 'pro@demo.declic.fr', viewport);
    await staff.page.getByRole('heading', { name: /^Bonjour / }).waitFor();
    // The week ahead loads (its bookings are asked for with times to the millisecond).
    const week = staff.page.getByRole('heading', { name: 'Les 7 prochains jours' }).locator('..');
    await expect.poll(() => week.locator('.mantine-Skeleton-root').count()).toBe(0);
    expect(await week.getByRole('alert').count()).toBe(0);
    await screenshot(staff.page, 'pro-dashboard', viewport);
    // The header fits a 375 px phone: a long studio name is cut short, never the menus.
    for (const control of [staff.page.getByTestId('user-menu'), staff.page.getByTestId('bell')]) await expectInViewport(staff.page, control, 'a header control');
    if (viewport.name === 'phone') await expectInViewport(staff.page, staff.page.getByRole('button', { name: 'Menu', exact: true }), 'the menu button');
    await openSection(staff.page, viewport, 'Clients');
    await staff.page.waitForURL('**/pro/clients');
    await staff.page.getByRole('button', { name: 'Inviter un client' }).first().click();
    const dialog = staff.page.getByRole('dialog');
    await dialog.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await dialog.getByText('Ce champ est obligatoire.').first().waitFor();
    await expectLabelledFields(staff.page);
    await field(staff.page, 'firstName').fill('Inès');
    await field(staff.page, 'lastName').fill(lastName);
    await field(staff.page, 'email').fill(clientEmail);
    await dialog.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await staff.page.getByText(`Invitation envoyée à ${clientEmail}.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The new client is listed (search) with a pending invitation.
    await staff.page.getByRole('searchbox', { name: 'Rechercher' }).fill(lastName);
    const row = staff.page.getByRole('row').filter({ hasText: clientEmail });
    await row.getByText('Invitation envoyée').waitFor();
    await screenshot(staff.page, 'pro-clients', viewport);

    // One client's page: notes only the studio sees.
    await row.getByRole('link', { name: `Inès ${lastName}` }).click();
    await staff.page.getByRole('heading', { name: `Inès ${lastName}` }).waitFor();
    await field(staff.page, 'notes').fill('Préfère les séances en extérieur.');
    await staff.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await staff.page.getByText('Modifications enregistrées.').waitFor();
    await screenshot(staff.page, 'pro-client', viewport);

    // Client side: the mailed link, a password, and straight into their space.
    const mail = await waitForMail(clientEmail);
    const link = linkIn(mail, '/invitation');
    const client = await newPage(browser, viewport);
    await client.page.goto(link);
    await client.page.getByRole('heading', { name: 'Bienvenue !' }).waitFor();
    await screenshot(client.page, 'invitation', viewport);
    await field(client.page, 'password').fill('mon-nouveau-secret');
    await field(client.page, 'confirm').fill('mon-nouveau-secreT');
    await client.page.getByRole('button', { name: 'Activer mon espace' }).click();
    await client.page.getByText('Les deux mots de passe ne correspondent pas.').waitFor();
    await field(client.page, 'confirm').fill('mon-nouveau-secret');
    await client.page.getByRole('button', { name: 'Activer mon espace' }).click();
    await client.page.waitForURL(/\/client$/);
    await client.page.getByRole('heading', { name: 'Bonjour Inès' }).waitFor();

    // The link works once.
    const again = await newPage(browser, viewport);
    await again.page.goto(link);
    await field(again.page, 'password').fill('encore-un-secret');
    await field(again.page, 'confirm').fill('encore-un-secret');
    await again.page.getByRole('button', { name: 'Activer mon espace' }).click();
    await again.page.getByRole('alert').filter({ hasText: 'Ce lien a déjà servi' }).waitFor();
    await again.context.close();

    // A client typing a professional URL gets a clear page, not a broken screen.
    await client.page.goto('/pro/clients');
    await client.page.getByRole('heading', { name: 'Accès réservé' }).waitFor();
    await screenshot(client.page, 'not-allowed', viewport);
    await client.page.getByRole('link', { name: 'Retour à mon espace' }).click();
    await client.page.waitForURL(/\/client$/);

    // Staff now see the invitation accepted.
    await staff.page.goto('/pro/clients');
    await staff.page.getByRole('searchbox', { name: 'Rechercher' }).fill(lastName);
    await staff.page.getByRole('row').filter({ hasText: clientEmail }).getByText('Actif').waitFor();

    expect(staff.errors).toEqual([]);
    expect(client.errors).toEqual([]);
    await staff.context.close();
    await client.context.close();
  });
});

describe('administration', () => {
  it('an ADMIN sees users and roles; a PROFESSIONNEL does not', async () => {
    const viewport = VIEWPORTS[0];
    const admin = await signIn(browser, 'admin@demo.declic.fr', viewport);
    await openSection(admin.page, viewport, 'Utilisateurs');
    await admin.page.getByRole('heading', { name: 'Utilisateurs et rôles' }).waitFor();
    // The staff only: every suite adds clients, and the list pages them.
    await admin.page.getByRole('textbox', { name: 'Rôle', exact: true }).click();
    await admin.page.getByRole('option', { name: 'Professionnel' }).click();
    await admin.page.getByRole('row').filter({ hasText: 'pro@demo.declic.fr' }).waitFor();
    await screenshot(admin.page, 'admin-users', viewport);

    // Studio settings: the new name shows at once in the header.
    await openSection(admin.page, viewport, 'Réglages');
    const name = admin.page.getByRole('textbox', { name: 'Nom du studio' });
    await expect.poll(() => name.inputValue()).not.toBe('');
    const before = await name.inputValue();
    // The studio's card: the legal details card has its own save button.
    const save = admin.page.locator('form').filter({ has: name }).getByRole('button', { name: 'Enregistrer', exact: true });
    await name.fill('Studio Lumière');
    await save.click();
    await admin.page.getByText('Modifications enregistrées.').waitFor();
    await admin.page.getByRole('banner').getByText('Studio Lumière').waitFor();
    await screenshot(admin.page, 'admin-settings', viewport);
    await name.fill(before);
    await save.click();
    await admin.page.getByRole('banner').getByText(before).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const pro = await signIn(browser, 'pro@demo.declic.fr', viewport);
    await expect.poll(() => pro.page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
    await pro.page.goto('/pro/users');
    await pro.page.getByRole('heading', { name: 'Accès réservé' }).waitFor();
    await pro.context.close();
  });
});
