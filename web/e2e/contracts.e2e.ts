// Contracts from end to end: the photographer writes a template (toolbar, placeholder menu,
// live preview, an unknown placeholder refused), prepares a project's contract from it,
// edits and sends it; the client, on a 390 px phone, finds it on their home page, reads it,
// is refused without the explicit consent, draws and signs, and downloads the sealed PDF;
// the photographer sees the signature live, its proof and trail, and countersigns; anyone
// checks the PDF at /verifier (and a single changed byte fails); a void with a reason and a
// reissue make version 2. Every new screen passes axe in both colour schemes, at 1440 px and
// at 390 px, with nothing scrolling sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/a11y';
import { Api, confirmedProject } from './support/api';
import { DESKTOP as desktop, expectLabelledFields, field, launchBrowser, newPage, PHONE as phone, screenshot, signIn, switchLanguage, uniqueEmail } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PRO = 'pro@demo.declic.fr'; // Paul Lefèvre



/** A stroke across the signature pad, with the mouse. */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 20 + i * 12, box.y + box.height / 2 + Math.sin(i) * 20);
  await page.mouse.up();
}

describe('contracts', () => {
  it('a template, a contract sent, signed on a phone, countersigned, verified, voided and issued again', async () => {
    const stamp = Date.now();
    const staffApi = await Api.signIn(PRO);
    const password = 'un mot de passe solide';
    const clientApi = await Api.register({ email: uniqueEmail('contract'), password, firstName: 'Léa', lastName: 'Martin', locale: 'fr' });
    await clientApi.patch('/api/me', { address: '8 rue des Acacias\n69003 Lyon' });
    const { projectId } = await confirmedProject(clientApi, staffApi);
    const staff = await signIn(browser, PRO, desktop);

    // The template: the sample text, a toolbar, the placeholder menu and the live preview.
    const name = `Contrat e2e ${stamp}`;
    await staff.page.getByRole('navigation').getByRole('link', { name: 'Contrats' }).click();
    await staff.page.getByRole('link', { name: 'Modèles de contrat' }).click();
    await staff.page.getByRole('link', { name: 'Nouveau modèle' }).first().click();
    await staff.page.waitForURL('**/pro/contracts/templates/new');
    await expectLabelledFields(staff.page);
    await field(staff.page, 'name').fill(name);
    const body = field(staff.page, 'body');
    expect(await body.inputValue()).toContain('{{client.fullName}}');
    const preview = staff.page.getByRole('region', { name: 'Aperçu' });
    await preview.getByRole('heading', { name: 'Contrat de prestation photographique' }).waitFor();
    await expectAccessible(staff.page, 'the template editor');
    await screenshot(staff.page, 'pro-template-editor', desktop);

    // An unknown placeholder is named in the preview, and the save refuses it.
    await body.press('Control+End');
    await body.pressSequentially('\n\nRéférence : {{client.nom}}');
    await preview.getByText('Champ inconnu : {{client.nom}}', { exact: false }).waitFor();
    await staff.page.getByRole('button', { name: 'Créer le modèle' }).click();
    await staff.page.getByText('Certains champs sont à corriger.').waitFor();

    // Replaced by one from the menu, in bold from the toolbar: the preview shows the client's field filled.
    const value = await body.inputValue();
    await body.fill(value.replace('{{client.nom}}', ''));
    await body.press('Control+End');
    await staff.page.getByRole('button', { name: 'Insérer un champ' }).click();
    await staff.page.getByRole('menuitem', { name: /Nom du client/ }).click();
    expect(await body.inputValue()).toMatch(/Référence : \{\{client\.lastName\}\}$/);
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length - '{{client.lastName}}'.length, el.value.length));
    await staff.page.getByRole('button', { name: 'Gras' }).click();
    expect(await body.inputValue()).toMatch(/Référence : \*\*\{\{client\.lastName\}\}\*\*$/);
    await staff.page.getByRole('button', { name: 'Créer le modèle' }).click();
    await staff.page.getByText('Modèle enregistré.').waitFor();
    await staff.page.waitForURL(/\/pro\/contracts\/templates\/[0-9a-f-]{36}$/);

    // The project's contract: prepared from that template (a service's default may have made
    // a draft already: it is voided and issued again from ours), then edited and sent.
    await staff.page.goto(`/pro/projects/${projectId}`);
    const section = staff.page.locator('#contract');
    await section.getByRole('button', { name: /Préparer le contrat|Envoyer au client/ }).first().waitFor();
    if (await section.getByRole('button', { name: 'Envoyer au client' }).isVisible()) {
      const [existing] = (await staffApi.get<{ items: { id: string }[] }>(`/api/contracts?projectId=${projectId}`)).items;
      await staffApi.post(`/api/contracts/${existing.id}/void`, { reason: 'Remplacé par le modèle e2e' });
      await staff.page.reload();
    }
    await section.getByRole('textbox', { name: 'Modèle de contrat' }).click();
    await staff.page.getByRole('option', { name }).click();
    await section.getByRole('button', { name: 'Préparer le contrat' }).click();
    await section.getByText('Brouillon : le client ne le voit pas encore', { exact: false }).waitFor();
    await section.getByRole('heading', { name: 'Contrat de prestation photographique' }).waitFor();
    await section.getByText('Martin', { exact: false }).first().waitFor();
    await section.getByRole('button', { name: 'Modifier' }).click();
    const title = `Contrat de Léa ${stamp}`;
    await field(staff.page, 'title').fill(title);
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    await staff.page.getByText('Brouillon enregistré.').waitFor();
    await expectAccessible(staff.page, 'the project’s draft contract');
    await section.getByRole('button', { name: 'Envoyer au client' }).click();
    const sending = staff.page.getByRole('dialog', { name: 'Envoyer le contrat ?' });
    await sending.getByRole('button', { name: 'Envoyer au client' }).click();
    await staff.page.getByText('Contrat envoyé : le client a reçu un e-mail.').waitFor();
    await section.getByText('en attente de sa signature', { exact: false }).waitFor();

    // The client, on a phone: "À signer" on the home page, then the contract.
    const client = await signIn(browser, clientApi.user.email, phone, { password: password });
    const toSign = client.page.getByTestId('contract-to-sign').filter({ hasText: title });
    await toSign.waitFor();
    await expectAccessible(client.page, 'the client’s home with a contract to sign');
    await toSign.getByRole('link', { name: 'Lire et signer' }).click();
    await client.page.waitForURL(/\/client\/contracts\/[0-9a-f-]{36}$/);
    await client.page.getByRole('heading', { name: title }).waitFor();
    await client.page.getByRole('article').getByText('Martin', { exact: false }).first().waitFor();
    await expectLabelledFields(client.page);
    await expectAccessible(client.page, 'the contract to sign on a phone');
    await screenshot(client.page, 'client-contract-to-sign', phone);

    // Without the consent: refused, nothing sent. Then the name, a drawing, the consent.
    await field(client.page, 'fullName').fill('Léa Martin');
    await client.page.getByRole('button', { name: 'Signer le contrat' }).click();
    await client.page.getByText('Cochez cette case pour accepter le contrat et le signer.').waitFor();
    await drawSignature(client.page);
    await client.page.getByRole('img', { name: 'Zone de signature, signature dessinée' }).waitFor();
    await client.page.getByLabel("J'ai lu et j'accepte ce contrat ; je signe électroniquement.").check();
    await client.page.getByRole('button', { name: 'Signer le contrat' }).click();
    await client.page.getByText('Contrat signé', { exact: true }).waitFor();
    await client.page.getByText(/Signé par Léa Martin le/).waitFor();
    await expectAccessible(client.page, 'the signed contract on a phone');

    // The PDF: a signed link, downloaded as is.
    const pdfLink = client.page.getByRole('link', { name: `Télécharger le PDF de « ${title} »` });
    expect(await pdfLink.getAttribute('download')).not.toBeNull();
    const pdf = await client.page.request.get((await pdfLink.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // Staff see it signed without a reload, with its proof; they countersign.
    await section.getByText('Signé par Léa Martin le', { exact: false }).waitFor();
    await section.getByText("Dessinée à l'écran").waitFor();
    await section.getByRole('button', { name: 'Journal de preuve' }).click();
    await section.getByTestId('trail').getByText('Signé par le client').waitFor();
    await section.getByTestId('trail').getByText('Ouvert par le client').first().waitFor();
    await section.getByRole('button', { name: 'Contresigner' }).click();
    await staff.page.getByRole('dialog', { name: 'Contresigner le contrat ?' }).getByRole('button', { name: 'Contresigner' }).click();
    await staff.page.getByText('Contrat contresigné.').waitFor();
    await section.getByText('Contresigné', { exact: true }).waitFor();
    await client.page.getByText('Contresigné par le studio le', { exact: false }).waitFor();
    await expectAccessible(staff.page, 'the project’s signed contract');
    await screenshot(staff.page, 'pro-contract-signed', desktop);

    // Anyone checks the PDF; a single byte changed fails.
    const visitor = await newPage(browser, phone);
    await visitor.page.goto('/verifier');
    await visitor.page.getByRole('heading', { name: 'Vérifier un document' }).waitFor();
    await expectAccessible(visitor.page, 'the verification page');
    const input = visitor.page.locator('input[type=file]');
    await input.setInputFiles({ name: 'contrat.pdf', mimeType: 'application/pdf', buffer: bytes });
    await visitor.page.getByText('Document authentique').waitFor();
    await visitor.page.getByText(`Contrat « ${title} », émis par`, { exact: false }).waitFor();
    const altered = Buffer.from(bytes);
    altered[altered.length - 10] ^= 1;
    await input.setInputFiles({ name: 'contrat-modifie.pdf', mimeType: 'application/pdf', buffer: altered });
    await visitor.page.getByText('Document non reconnu').waitFor();
    await expectAccessible(visitor.page, 'a PDF not recognised');

    // Voided with a reason (the client sees it), then issued again as version 2.
    await section.getByRole('button', { name: 'Annuler le contrat' }).click();
    const voiding = staff.page.getByRole('dialog', { name: 'Annuler le contrat ?' });
    await voiding.getByRole('button', { name: 'Annuler le contrat' }).click();
    await voiding.getByText("Indiquez le motif de l'annulation.").waitFor();
    await voiding.getByRole('textbox', { name: 'Motif' }).fill('La date de la séance change.');
    await voiding.getByRole('button', { name: 'Annuler le contrat' }).click();
    await staff.page.getByText('Contrat annulé.').waitFor();
    await client.page.getByText('Contrat annulé', { exact: true }).waitFor();
    await client.page.getByText('Motif : La date de la séance change.').waitFor();
    await section.getByRole('button', { name: 'Établir une nouvelle version' }).click();
    await section.getByText('Version 2').first().waitFor();
    await section.getByRole('button', { name: 'Envoyer au client' }).waitFor();

    // The contracts list, in English too (the demo account's language put back after).
    await staff.page.goto('/pro/contracts');
    await staff.page.getByRole('link', { name: title }).first().waitFor();
    await expectAccessible(staff.page, 'the contracts list');
    await switchLanguage(staff.page, 'EN');
    await staff.page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor();
    await staff.page.getByRole('link', { name: 'Contract templates' }).waitFor();
    await switchLanguage(staff.page, 'FR');
    await staff.page.getByRole('heading', { name: 'Contrats', level: 1 }).waitFor();

    expect(staff.errors).toEqual([]);
    expect(client.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await staff.context.close();
    await client.context.close();
    await visitor.context.close();
  });
});
