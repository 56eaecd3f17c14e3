// Private galleries from end to end. The photographer opens a client's project, creates a
// gallery and sends it a folder of real photos (one in a sub-folder, the system's clutter
// left out) through tus: each file's progress and the whole batch's reach the end; the same
// bytes dropped again under another name are "already in the gallery". Once the server has
// made every thumbnail, the gallery is published. The client finds it among their galleries,
// browses it full screen with the arrow keys, marks two favourites (one with a comment), sends
// the selection (the hearts then stay as they are) and downloads the whole gallery as a zip.
// The photographer sees the selection arrive without reloading, with the Lightroom filter,
// and the download in the log. Both gallery pages and the viewer pass axe in light and dark.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/a11y';
import { Api, confirmedProject } from './support/api';
import { clientSection, DESKTOP as desktop, expectLabelledFields, launchBrowser, screenshot, signIn, uniqueEmail } from './support/browser';
import { expectImagesLoaded, png } from './support/images';

let browser: Browser;
let folder: string;
beforeAll(async () => {
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'declic-gallery-'));
});
afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const PRO = 'pro@demo.declic.fr'; // Paul Lefèvre
const PASSWORD = 'un mot de passe solide';

/** A shoot's folder as a camera card leaves it: photos of several shapes, one sub-folder, and clutter. */
const PHOTOS = [
  { path: 'DSC_0012.png', bytes: png(300, 200, [15, 118, 110], [250, 204, 21]) },
  { path: 'DSC_0040.png', bytes: png(200, 300, [120, 80, 60], [240, 220, 200]) },
  { path: 'DSC_0041.png', bytes: png(320, 180, [30, 60, 200], [250, 250, 250]) },
  { path: 'Cérémonie/DSC_0107.png', bytes: png(240, 240, [200, 30, 60], [20, 20, 20]) },
];

/** The folder on disk: what the folder picker is given. */
function writeShoot(root: string): string {
  const shoot = join(root, 'Mariage');
  mkdirSync(join(shoot, 'Cérémonie'), { recursive: true });
  for (const p of PHOTOS) writeFileSync(join(shoot, p.path), p.bytes);
  writeFileSync(join(shoot, '.DS_Store'), 'Finder clutter, never a photo');
  return shoot;
}

const baseName = (path: string) => path.split('/').pop() ?? path;
const withoutExtension = (name: string) => name.replace(/\.[^.]+$/, '');

describe('private galleries', () => {
  it('a folder uploaded and published, browsed, chosen from and downloaded by the client, the selection seen by staff', async () => {
    const stamp = Date.now();
    const staffApi = await Api.signIn(PRO);
    const clientApi = await Api.register({ email: uniqueEmail('gallery'), password: PASSWORD, firstName: 'Inès', lastName: 'Garnier', locale: 'fr' });
    const { projectId } = await confirmedProject(clientApi, staffApi);
    const title = `Mariage d'Inès ${stamp}`;

    // Staff: a new gallery from the project's page.
    const staff = await signIn(browser, PRO, desktop);
    await staff.page.goto(`/pro/projects/${projectId}`);
    const section = staff.page.locator('#galleries');
    await section.getByText('Aucune galerie pour ce projet', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'Nouvelle galerie' }).click();
    await expectLabelledFields(staff.page);
    await section.locator('input[name="title"]').fill(title);
    await section.getByRole('button', { name: 'Créer la galerie' }).click();
    await staff.page.getByText('Galerie créée : ajoutez-y les photos.').waitFor();
    await staff.page.waitForURL(/\/pro\/galleries\/[0-9a-f-]{36}$/);
    const galleryId = staff.page.url().split('/').pop() ?? '';
    await staff.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await staff.page.getByText('Brouillon', { exact: true }).waitFor();

    // A whole folder through the folder picker: four photos (one a level down), no clutter.
    const chooser = staff.page.waitForEvent('filechooser');
    await staff.page.getByRole('button', { name: 'Choisir un dossier' }).click();
    await (await chooser).setFiles(writeShoot(folder));
    const rows = staff.page.getByTestId('upload-row');
    await expect.poll(() => rows.count()).toBe(PHOTOS.length);
    for (const p of PHOTOS) {
      const name = baseName(p.path);
      const row = rows.filter({ hasText: name });
      await row.getByText('Envoyée', { exact: true }).waitFor({ timeout: 30_000 });
      expect(await row.getByRole('progressbar', { name: `Progression de ${name}` }).getAttribute('aria-valuenow'), name).toBe('100');
    }
    await staff.page.getByText(`Envoi : ${PHOTOS.length} sur ${PHOTOS.length} · 100 %`).waitFor();
    expect(await staff.page.getByRole('progressbar', { name: "Progression de l'envoi" }).getAttribute('aria-valuenow')).toBe('100');
    expect(await rows.filter({ hasText: '.DS_Store' }).count()).toBe(0);

    // The same bytes dropped again under another name: not added twice.
    await staff.page.getByTestId('dropzone').drop({ files: { name: 'DSC_0012 copie.png', mimeType: 'image/png', buffer: PHOTOS[0].bytes } });
    await rows.filter({ hasText: 'DSC_0012 copie.png' }).getByText('Déjà dans la galerie').waitFor({ timeout: 30_000 });

    // The server makes the thumbnails; the page shows each as it is ready.
    const photos = staff.page.getByTestId('staff-photo');
    await expect.poll(() => photos.count(), { timeout: 30_000 }).toBe(PHOTOS.length);
    await expect.poll(() => photos.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') === 'READY').length), { timeout: 60_000 }).toBe(PHOTOS.length);
    await expectImagesLoaded(photos.locator('img'), 'the staff’s thumbnails');
    for (const p of PHOTOS) await photos.getByRole('img', { name: baseName(p.path) }).waitFor();
    await expectAccessible(staff.page, 'a gallery with its uploads (staff)');
    await screenshot(staff.page, 'pro-gallery', desktop);

    // Published: the one primary action, after a question.
    await staff.page.getByRole('button', { name: 'Publier la galerie' }).click();
    const publishing = staff.page.getByRole('dialog', { name: 'Publier la galerie ?' });
    await publishing.getByText(`(${PHOTOS.length} photos prêtes)`, { exact: false }).waitFor();
    await publishing.getByRole('button', { name: 'Publier la galerie' }).click();
    await staff.page.getByText('Galerie publiée : un e-mail est parti pour Inès Garnier.').waitFor();
    await staff.page.getByText('Publiée', { exact: true }).waitFor();

    // The client: their galleries, then this one.
    const client = await signIn(browser, clientApi.user.email, desktop, { password: PASSWORD });
    await clientSection(client.page, 'Mes galeries').click();
    await client.page.waitForURL('**/client/galleries');
    await client.page.getByRole('link', { name: title }).click();
    await client.page.waitForURL(`**/client/galleries/${galleryId}`);
    await client.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const grid = client.page.getByTestId('grid-photo');
    await expect.poll(() => grid.count()).toBe(PHOTOS.length);
    await expectImagesLoaded(grid.locator('img.blur-up-photo'), 'the client’s grid');
    await expectAccessible(client.page, 'a gallery (client)');
    await screenshot(client.page, 'client-gallery', desktop);

    // In the gallery's order (the server's): the first two are the favourites to be.
    const order = (await clientApi.get<{ items: { name: string }[] }>(`/api/galleries/${galleryId}/files`)).items.map((f) => f.name);
    expect([...order].sort()).toEqual(PHOTOS.map((p) => baseName(p.path)).sort());
    const [first, second] = order;

    // Full screen: the first photo, a heart, the arrow key to the next, a heart and a word.
    await client.page.getByRole('button', { name: `Ouvrir la photo ${first}` }).click();
    let viewer = client.page.getByRole('dialog', { name: `Photo 1 sur ${PHOTOS.length}` });
    await viewer.getByText(first, { exact: true }).waitFor();
    await expectImagesLoaded(viewer.getByRole('img', { name: first }), 'the first preview');
    const heart = () => viewer.getByRole('button', { name: 'Favori', exact: true });
    await heart().click();
    await expect.poll(() => heart().getAttribute('aria-pressed')).toBe('true');
    await client.page.keyboard.press('ArrowRight');
    viewer = client.page.getByRole('dialog', { name: `Photo 2 sur ${PHOTOS.length}` });
    await viewer.getByText(second, { exact: true }).waitFor();
    await expectImagesLoaded(viewer.getByRole('img', { name: second }), 'the second preview');
    expect(await heart().getAttribute('aria-pressed')).toBe('false');
    await heart().click();
    await expect.poll(() => heart().getAttribute('aria-pressed')).toBe('true');
    await viewer.getByRole('textbox', { name: 'Votre commentaire pour le studio' }).fill('Plus lumineuse ?');
    await viewer.getByRole('button', { name: 'Enregistrer' }).click();
    await client.page.getByText('Commentaire enregistré.').waitFor();
    await expectAccessible(client.page, 'the full-screen viewer');
    // And back: the arrow key the other way, then Escape.
    await viewer.getByRole('button', { name: 'Photo précédente' }).focus();
    await client.page.keyboard.press('ArrowLeft');
    await client.page.getByRole('dialog', { name: `Photo 1 sur ${PHOTOS.length}` }).waitFor();
    await client.page.keyboard.press('Escape');
    await client.page.getByRole('dialog').waitFor({ state: 'detached' });
    await client.page.getByText('2 photos sélectionnées').waitFor();

    // The selection sent, after a question; the hearts no longer change.
    await client.page.getByRole('button', { name: 'Envoyer ma sélection' }).click();
    const sending = client.page.getByRole('dialog', { name: 'Envoyer votre sélection ?' });
    await sending.getByText('Vous envoyez 2 photos au studio.', { exact: false }).waitFor();
    await sending.getByRole('button', { name: 'Envoyer ma sélection' }).click();
    await client.page.getByText("Sélection envoyée : le studio l'a bien reçue.").waitFor();
    await client.page.getByTestId('selection-sent').getByText('Le studio a bien reçu votre sélection de 2 photos', { exact: false }).waitFor();
    expect(await client.page.getByRole('button', { name: /^Favori : / }).count()).toBe(0);
    expect(await client.page.getByRole('img', { name: 'Favori', exact: true }).count()).toBe(2);

    // The whole gallery as one zip.
    const downloadAll = client.page.getByRole('link', { name: /^Tout télécharger \(/ });
    const [download] = await Promise.all([client.page.waitForEvent('download'), downloadAll.click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zipPath = await download.path();
    expect(statSync(zipPath).size).toBeGreaterThan(PHOTOS.reduce((n, p) => n + p.bytes.length, 0));
    expect(readFileSync(zipPath).subarray(0, 2).toString('latin1')).toBe('PK');

    // Staff: the selection arrives on the open page, with its comment and the Lightroom filter.
    const selection = staff.page.locator('section').filter({ has: staff.page.getByRole('heading', { name: 'Sélection du client' }) });
    await selection.getByText('Inès Garnier a envoyé sa sélection le', { exact: false }).waitFor();
    const chosen = selection.getByTestId('selection-files');
    await chosen.getByText(first, { exact: true }).waitFor();
    await chosen.getByText(second, { exact: true }).waitFor();
    await chosen.getByText('Plus lumineuse ?').waitFor();
    await expect.poll(() => selection.getByRole('textbox', { name: 'Filtre Lightroom' }).inputValue()).toBe(`${withoutExtension(first)} OR ${withoutExtension(second)}`);
    await selection.getByRole('button', { name: 'Rouvrir la sélection' }).waitFor();
    // The download log is read when the page opens.
    await staff.page.reload();
    const log = staff.page.locator('section').filter({ has: staff.page.getByRole('heading', { name: 'Téléchargements' }) });
    await log.getByText('Inès Garnier · toutes les photos (zip)').waitFor();
    await expectAccessible(staff.page, 'a published gallery with a selection and a download (staff)');

    expect(staff.errors).toEqual([]);
    expect(client.errors).toEqual([]);
    await staff.context.close();
    await client.context.close();
  });
});
