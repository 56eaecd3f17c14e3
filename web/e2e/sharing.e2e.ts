// A gallery shared with guests, from end to end. The photographer opens a published gallery,
// makes a guest link with a PIN and downloads allowed, and copies its address. A guest with
// no account opens it on a phone: a wrong PIN is refused, the right one shows the photos
// read-only (no favourite, no comment), the viewer, one photo's download and the whole zip; a
// reload does not ask the PIN again. The photographer revokes the link: the guest's next
// reload says the link is no longer valid. Both screens pass axe.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/a11y';
import { Api, confirmedProject, publishedGallery } from './support/api';
import { DESKTOP as desktop, expectLabelledFields, launchBrowser, newPage, PHONE as phone, screenshot, signIn, uniqueEmail } from './support/browser';
import { expectImagesLoaded, png } from './support/images';
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
const PIN = '2468';

const PHOTOS = [
  { name: 'DSC_0201.png', bytes: png(300, 200, [15, 118, 110], [250, 204, 21]) },
  { name: 'DSC_0202.png', bytes: png(200, 300, [120, 80, 60], [240, 220, 200]) },
  { name: 'DSC_0203.png', bytes: png(320, 180, [30, 60, 200], [250, 250, 250]) },
];

describe('guest links', () => {
  it('staff share a gallery with a PIN; a guest opens it, browses and downloads; revoked, it opens no more', async () => {
    const staffApi = await Api.signIn(PRO);
    const clientApi = await Api.register({ email: uniqueEmail('sharing'), password: PASSWORD, firstName: 'Léa', lastName: 'Moreau', locale: 'fr' });
    const { projectId } = await confirmedProject(clientApi, staffApi);
    const title = `Baptême de Léa ${Date.now()}`;
    const galleryId = await publishedGallery(staffApi, projectId, title, PHOTOS);
    // The client's favourite and comment are theirs: a guest sees neither.
    const [first] = (await clientApi.get<{ items: { id: string; name: string }[] }>(`/api/galleries/${galleryId}/files`)).items;
    await clientApi.request('PUT', `/api/files/${first.id}/favorite`);
    await clientApi.request('PUT', `/api/files/${first.id}/comment`, { comment: 'Pour mamie' });

    // Staff: a link with its PIN and downloads, from the gallery's page; its address copied.
    const staff = await signIn(browser, PRO, desktop);
    await staff.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stage().baseUrl });
    await staff.page.goto(`/pro/galleries/${galleryId}`);
    const card = staff.page.locator('section').filter({ has: staff.page.getByRole('heading', { name: 'Partage invités' }) });
    await card.getByText('Aucun lien actif.').waitFor();
    const pin = card.getByRole('textbox', { name: 'Code PIN' });
    expect(await pin.getAttribute('inputmode')).toBe('numeric');
    await card.getByRole('button', { name: 'Créer le lien' }).click();
    await card.getByText('Saisissez de 4 à 8 chiffres.').waitFor();
    await pin.fill(PIN);
    await card.getByRole('switch', { name: 'Autoriser les téléchargements' }).check();
    await card.getByRole('button', { name: 'Créer le lien' }).click();
    const created = card.getByTestId('share-created');
    await created.getByText('Envoyez le code PIN séparément', { exact: false }).waitFor();
    const url = await created.getByRole('textbox', { name: 'Adresse du lien' }).inputValue();
    expect(url).toMatch(new RegExp(`^${stage().baseUrl}/share/[^/]+$`));
    await created.getByRole('button', { name: 'Copier le lien' }).click();
    await created.getByRole('button', { name: 'Lien copié' }).waitFor();
    expect(await staff.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const row = card.getByTestId('share-row');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByText('Téléchargements autorisés · Sans date d\'expiration · Créé le', { exact: false }).waitFor();
    expect(await pin.inputValue()).toBe('');
    await expectAccessible(staff.page, 'a gallery with a guest link (staff)');

    // A guest, on a phone, with no account: the PIN first.
    const guest = await newPage(browser, phone);
    await guest.page.goto(url);
    await guest.page.getByRole('heading', { name: 'Galerie privée', level: 1 }).waitFor();
    await expectLabelledFields(guest.page);
    await expectAccessible(guest.page, 'a guest link, its PIN');
    const guestPin = guest.page.getByRole('textbox', { name: 'Code PIN' });
    expect(await guestPin.getAttribute('inputmode')).toBe('numeric');
    await guestPin.fill('0000');
    await guest.page.getByRole('button', { name: 'Voir la galerie' }).click();
    await guest.page.getByText("Ce code PIN n'ouvre pas la galerie.", { exact: false }).waitFor();
    expect(await guestPin.getAttribute('aria-invalid')).toBe('true');
    await guestPin.fill(PIN);
    await guest.page.getByRole('button', { name: 'Voir la galerie' }).click();

    // The photos, read-only.
    await guest.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const grid = guest.page.getByTestId('grid-photo');
    await expect.poll(() => grid.count()).toBe(PHOTOS.length);
    await expectImagesLoaded(grid.locator('img.blur-up-photo'), 'the guest’s grid');
    expect(await guest.page.getByRole('button', { name: /^Favori/ }).count()).toBe(0);
    expect(await guest.page.getByRole('img', { name: 'Favori' }).count()).toBe(0);
    await expectAccessible(guest.page, 'a shared gallery (guest)');
    await screenshot(guest.page, 'guest-gallery', phone);

    // Full screen: a photo, its download, nothing of the client's.
    await guest.page.getByRole('button', { name: `Ouvrir la photo ${first.name}` }).click();
    const viewer = guest.page.getByRole('dialog', { name: `Photo 1 sur ${PHOTOS.length}` });
    await expectImagesLoaded(viewer.getByRole('img', { name: first.name }), 'the guest’s preview');
    await viewer.getByRole('link', { name: 'Télécharger cette photo' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Favori' }).count()).toBe(0);
    expect(await viewer.getByRole('textbox').count()).toBe(0);
    expect(await viewer.getByText('Pour mamie').count()).toBe(0);
    await expectAccessible(guest.page, 'the guest’s viewer');
    await guest.page.keyboard.press('ArrowRight');
    await guest.page.getByRole('dialog', { name: `Photo 2 sur ${PHOTOS.length}` }).waitFor();
    await guest.page.keyboard.press('Escape');
    await guest.page.getByRole('dialog').waitFor({ state: 'detached' });

    // The whole gallery as one zip.
    const [download] = await Promise.all([guest.page.waitForEvent('download'), guest.page.getByRole('link', { name: 'Tout télécharger' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    expect(readFileSync(await download.path()).subarray(0, 2).toString('latin1')).toBe('PK');

    // A reload keeps the gallery open (the session is the tab's).
    await guest.page.reload();
    await guest.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await guest.page.getByRole('textbox', { name: 'Code PIN' }).count()).toBe(0);

    // Staff revoke the link, after a question.
    await row.getByRole('button', { name: /^Révoquer le lien créé le/ }).click();
    const revoking = staff.page.getByRole('dialog', { name: 'Révoquer ce lien ?' });
    await revoking.getByRole('button', { name: 'Révoquer le lien' }).click();
    await staff.page.getByText('Lien révoqué.').waitFor();
    await card.getByText('Aucun lien actif.').waitFor();
    // The guest's zip is in the log, without a name.
    await staff.page.reload();
    const log = staff.page.locator('section').filter({ has: staff.page.getByRole('heading', { name: 'Téléchargements' }) });
    await log.getByText('Visiteur inconnu · toutes les photos (zip)').waitFor();

    // The guest's next reload: the link no longer opens.
    await guest.page.reload();
    await guest.page.getByRole('heading', { name: "Ce lien n'est plus valide", level: 1 }).waitFor();
    expect(await grid.count()).toBe(0);
    await expectAccessible(guest.page, 'a revoked guest link');

    expect(staff.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
    await staff.context.close();
    await guest.context.close();
  });
});
