// Sign up → sign out → sign in → edit the profile → switch to English and back,
// on a desktop screen and on a 375 px phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, waitForMail } from './support/mail';
import { expectLabelledFields, field, launchBrowser, newPage, clientSection, screenshot, switchLanguage, uniqueEmail, VIEWPORTS } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORTS)('account at $name size', (viewport) => {
  it('signs up, signs out, signs in, edits the profile and switches language', async () => {
    const { context, page, errors } = await newPage(browser, viewport);
    const email = uniqueEmail(`account-${viewport.name}`);
    const password = 'un mot de passe solide';

    // Sign up, with inline errors first.
    await page.goto('/register');
    await expect.poll(() => page.title()).toBe('Créer votre compte · Déclic');
    await page.getByRole('heading', { name: 'Créer votre compte' }).waitFor();
    await expectLabelledFields(page);
    await screenshot(page, 'register', viewport);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Ce champ est obligatoire.').first().waitFor();
    await field(page, 'email').fill('pas-une-adresse');
    await field(page, 'password').fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Saisissez une adresse e-mail valide.').waitFor();
    await page.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();
    await field(page, 'firstName').fill('Léa');
    await field(page, 'lastName').fill('Moreau');
    await field(page, 'email').fill(email);
    await field(page, 'password').fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL('**/client');
    await page.getByRole('heading', { name: 'Bonjour Léa' }).waitFor();
    await screenshot(page, 'client-home', viewport);

    // The same address again is refused with a sentence that says what to do.
    const { context: other, page: second } = await newPage(browser, viewport);
    await second.goto('/register');
    await field(second, 'firstName').fill('Autre');
    await field(second, 'lastName').fill('Personne');
    await field(second, 'email').fill(email);
    await field(second, 'password').fill(password);
    await second.getByRole('button', { name: 'Créer mon compte' }).click();
    await second.getByRole('alert').filter({ hasText: 'Un compte existe déjà avec cette adresse' }).waitFor();
    await other.close();

    // Sign out.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/login');
    await page.goto('/client');
    await page.waitForURL(/\/login\?next=%2Fclient$/);

    // Sign in: a wrong password first, then the right one (back to where we were going).
    await screenshot(page, 'login', viewport);
    await field(page, 'email').fill(email);
    await field(page, 'password').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail ou mot de passe incorrect.' }).waitFor();
    await field(page, 'password').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/client');

    // A reload keeps the session (refresh cookie → new access token).
    await page.reload();
    await page.getByRole('heading', { name: 'Bonjour Léa' }).waitFor();

    // Edit the profile (on a phone it is in the account menu: the bottom bar keeps six sections).
    if (viewport.name === 'phone') {
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Mon profil' }).click();
    } else {
      await clientSection(page, 'Mon profil').click();
    }
    await page.waitForURL('**/client/profile');
    await expectLabelledFields(page);
    await field(page, 'firstName').fill('');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Ce champ est obligatoire.').waitFor();
    await field(page, 'firstName').fill('Léane');
    await field(page, 'phone').fill('+33 6 12 34 56 78');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await screenshot(page, 'profile', viewport);
    await page.reload();
    await expect.poll(() => field(page, 'firstName').inputValue()).toBe('Léane');
    await expect.poll(() => field(page, 'phone').inputValue()).toBe('+33 6 12 34 56 78');

    // English, remembered on the account: a fresh browser signs in in English.
    await switchLanguage(page, 'EN');
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const { context: fresh, page: later } = await newPage(browser, viewport);
    await later.goto('/login');
    await field(later, 'email').fill(email);
    await field(later, 'password').fill(password);
    await later.getByRole('button', { name: 'Se connecter' }).click();
    await later.getByRole('heading', { name: 'Hello Léane' }).waitFor();
    await fresh.close();

    // And back to French.
    await switchLanguage(page, 'FR');
    await page.getByRole('heading', { name: 'Mon profil' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Mon profil' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('forgotten password', () => {
  it('mails a single-use link that sets a new password', async () => {
    const viewport = VIEWPORTS[1];
    const { context, page, errors } = await newPage(browser, viewport);
    const email = uniqueEmail('forgot');
    await page.goto('/register');
    await field(page, 'firstName').fill('Hugo');
    await field(page, 'lastName').fill('Petit');
    await field(page, 'email').fill(email);
    await field(page, 'password').fill('premier-secret');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL('**/client');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();

    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await field(page, 'email').fill(email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByRole('status').filter({ hasText: 'Si un compte existe pour cette adresse' }).waitFor();
    await screenshot(page, 'forgot-password', viewport);

    await page.goto(linkIn(await waitForMail(email), '/reset-password'));
    await screenshot(page, 'reset-password', viewport);
    await field(page, 'password').fill('second-secret');
    await field(page, 'confirm').fill('second-secret');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForURL('**/login');
    await page.getByText('Mot de passe modifié. Vous pouvez vous connecter.').waitFor();
    await field(page, 'email').fill(email);
    await field(page, 'password').fill('second-secret');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour Hugo' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
