// The studio's pictures, end to end. The administrator gives the studio a logo from the
// settings page (a PNG; the preview shows the WebP the server made) and a file that only calls
// itself a PNG is refused in words; a visitor then sees the logo on the studio's page with the
// demo services' photos and what each includes, in French and English, light and dark, on a
// desktop and a phone. The photographer replaces a service's photo and writes what it includes
// in the service's dialog; the client's catalogue shows both.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/a11y';
import { DESKTOP, launchBrowser, newPage, PHONE, signIn, switchLanguage } from './support/browser';
import { expectImagesLoaded, png } from './support/images';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ADMIN = 'admin@demo.declic.fr';
const PRO = 'pro@demo.declic.fr';
const CLIENT = 'client1@demo.declic.fr';
const PORTRAIT = 'Portrait en studio';

/** The picture field named `label`: its group, and the file input its button opens. */
function pictureField(page: Page, label: string): { group: Locator; input: Locator } {
  const group = page.getByRole('group', { name: label });
  return { group, input: group.locator('input[type="file"]') };
}

describe('the studio’s pictures', () => {
  it('the administrator gives the studio a logo; a file that is not a picture is refused', async () => {
    const admin = await signIn(browser, ADMIN, DESKTOP);
    await admin.page.goto('/pro/settings');
    const logo = pictureField(admin.page, 'Logo (facultatif)');
    await logo.group.waitFor();
    await logo.input.setInputFiles({ name: 'faux.png', mimeType: 'image/png', buffer: Buffer.from('ceci est un texte, pas une image') });
    await logo.group.getByRole('alert').filter({ hasText: /pas une image lisible/ }).waitFor();

    const [saved] = await Promise.all([
      admin.page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === '/api/settings/logo'),
      logo.input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(900, 600, [15, 118, 110], [250, 204, 21]) }),
    ]);
    expect(saved.status()).toBe(200);
    const logoUrl = ((await saved.json()) as { logoUrl: string }).logoUrl;
    await admin.page.getByText('Image enregistrée.').waitFor();
    await expectImagesLoaded(logo.group.getByTestId('picture-preview'), 'the logo’s preview');
    expect(await logo.group.getByTestId('picture-preview').getAttribute('src')).toBe(logoUrl);
    await expect.poll(() => logo.group.getByRole('alert').count()).toBe(0);
    await expectAccessible(admin.page, 'the settings with a logo');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`a visitor sees the logo, the services’ photos and what each includes (${viewport.name})`, async () => {
      const visitor = await newPage(browser, viewport);
      await visitor.page.goto('/');
      await visitor.page.getByRole('heading', { level: 1 }).waitFor();
      await expectImagesLoaded(visitor.page.locator('header img'), 'the logo in the header');
      const cards = visitor.page.getByTestId('service-card');
      await expectImagesLoaded(cards.getByTestId('service-photo'), 'the services’ photos');
      const portrait = cards.filter({ hasText: PORTRAIT });
      await portrait.getByTestId('included').getByText('Galerie privée en ligne').waitFor();
      await expectAccessible(visitor.page, `the studio’s page with pictures (FR, ${viewport.name})`);
      await switchLanguage(visitor.page, 'EN');
      await visitor.page.getByText("What's included").first().waitFor();
      await expectAccessible(visitor.page, `the studio’s page with pictures (EN, ${viewport.name})`);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });
  }

  it('the photographer changes a service’s photo and what it includes; the client’s catalogue shows both', async () => {
    const pro = await signIn(browser, PRO, DESKTOP);
    await pro.page.goto('/pro/services');
    await pro.page.getByRole('button', { name: `Modifier — ${PORTRAIT}` }).click();
    const dialog = pro.page.getByRole('dialog');
    const photo = pictureField(pro.page, 'Photo de la prestation (facultatif)');
    await expectImagesLoaded(photo.group.getByTestId('picture-preview'), 'the seeded photo');
    const before = await photo.group.getByTestId('picture-preview').getAttribute('src');
    await photo.input.setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: png(1800, 1200, [120, 80, 60], [240, 220, 200]) });
    await pro.page.getByText('Image enregistrée.').waitFor();
    await expect.poll(() => photo.group.getByTestId('picture-preview').getAttribute('src')).not.toBe(before);
    await expectImagesLoaded(photo.group.getByTestId('picture-preview'), 'the new photo');
    const included = dialog.getByRole('textbox', { name: /^Ce qui est compris/ });
    await included.fill('1 h de séance en studio\n\n  Un tirage 30 × 40 offert  \nGalerie privée en ligne');
    await expectAccessible(pro.page, 'the service dialog with its photo');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const newPhoto = await pro.page.evaluate(async (name) => {
      const res = await fetch('/api/services');
      const body = (await res.json()) as { items: { name: string; coverUrl: string; included: string[] }[] };
      return body.items.find((s) => s.name === name);
    }, PORTRAIT);
    expect(newPhoto?.included).toEqual(['1 h de séance en studio', 'Un tirage 30 × 40 offert', 'Galerie privée en ligne']);
    expect(newPhoto?.coverUrl).not.toBe(before);
    expect(pro.errors).toEqual([]);
    await pro.context.close();

    const client = await signIn(browser, CLIENT, PHONE);
    await client.page.goto('/client/book');
    const card = client.page.getByTestId('service-card').filter({ hasText: PORTRAIT });
    await card.getByTestId('included').getByText('Un tirage 30 × 40 offert').waitFor();
    expect(await card.getByTestId('service-photo').getAttribute('src')).toBe(newPhoto?.coverUrl);
    await expectImagesLoaded(card.getByTestId('service-photo'), 'the photo in the client’s catalogue');
    await expectAccessible(client.page, 'the client’s catalogue with photos');
    expect(client.errors).toEqual([]);
    await client.context.close();
  });
});
