import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderScreen, titleOf } from '../../test/renderScreen';
import type { Project, User } from '../../types/api';
import { contractKeys, type Contract, type ContractTemplate } from './api';
import { ClientContractPage } from './ClientContractPage';
import { ContractsToSign, MyContractsPage } from './ClientContracts';
import { ContractSection } from './ContractSection';
import { TemplateEditorPage } from './TemplateEditorPage';
import { TemplatesPage } from './TemplatesPage';
import { VerifyPage } from './VerifyPage';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('../../lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/auth')>()),
  useAuth: () => ({ status: session.user ? 'signed-in' : 'anonymous', user: session.user }),
}));

/** French typography's spaces as plain ones, to compare with what a test writes. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|\u202f/g, ' ');

const sent: Contract = {
  id: 'k1',
  projectId: 'p1',
  templateId: 't1',
  version: 1,
  previousId: null,
  title: 'Contrat de mariage',
  status: 'SENT',
  body: '# Contrat',
  blocks: [
    { type: 'heading', level: 1, runs: [{ text: 'Contrat de prestation' }] },
    { type: 'paragraph', runs: [{ text: 'Entre ' }, { text: 'Chloé Dubois', bold: true }, { text: ' <script>alert(1)</script>' }] },
  ],
  documentSha256: 'a'.repeat(64),
  client: { id: 'c1', firstName: 'Chloé', lastName: 'Dubois', email: 'chloe@example.com' },
  service: { id: 's1', name: 'Mariage' },
  booking: { id: 'b1', start: '2027-06-12T13:00:00Z' },
  createdAt: '2027-03-01T09:00:00Z',
  updatedAt: '2027-03-02T09:00:00Z',
  sentAt: '2027-03-02T09:00:00Z',
  signature: null,
  countersignature: null,
  voided: null,
  versions: [{ id: 'k1', version: 1, status: 'SENT', createdAt: '2027-03-01T09:00:00Z' }],
  pdfUrl: '/api/files/k1.pdf?exp=1&sig=x',
};

const signed: Contract = {
  ...sent,
  status: 'SIGNED',
  signature: { fullName: 'Chloé Dubois', signedAt: '2027-03-03T18:30:00Z', ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (iPhone)', documentSha256: 'b'.repeat(64), drawn: true },
};

const page = <T,>(items: T[]) => ({ pages: [{ items, nextCursor: null }], pageParams: [null] });

const contractRoute = (
  <Routes>
    <Route path="/client/contracts/:id" element={<ClientContractPage />} />
  </Routes>
);

function signedInAs(role: User['role']): void {
  session.user = { id: 'u1', email: 'x@example.com', role, firstName: 'Paul', lastName: 'Lefèvre', phone: null, locale: 'fr', createdAt: '2027-01-01T00:00:00Z' };
}

describe('the client’s contract page', () => {
  it('shows the document, then the signing form: name, optional drawing, the explicit consent, one button', async () => {
    signedInAs('CLIENT');
    const html = plain(await renderScreen(contractRoute, { path: '/client/contracts/k1', data: [[contractKeys.one('k1'), sent]] }));
    expect(titleOf(html)).toBe('Contrat de mariage · Déclic');
    expect(html).toContain('<h2>Contrat de prestation</h2>');
    expect(html).toContain('<strong>Chloé Dubois</strong> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('Lisez le contrat jusqu&#x27;au bout');
    expect(html).toContain('Vos prénom et nom');
    expect(html).toContain('Signature manuscrite');
    expect(html).toContain('role="img" aria-label="Zone de signature, vide"');
    expect(html).toContain('J&#x27;ai lu et j&#x27;accepte ce contrat ; je signe électroniquement.');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>.*Signer le contrat/);
    // A draft has no PDF yet, a sent contract is downloaded only once signed.
    expect(html).not.toContain('Télécharger le PDF');
  });

  it('reads the same in English', async () => {
    signedInAs('CLIENT');
    const html = await renderScreen(contractRoute, { path: '/client/contracts/k1', lang: 'en', data: [[contractKeys.one('k1'), sent]] });
    expect(html).toContain('Awaiting signature');
    expect(html).toContain('I have read and accept this contract; I sign it electronically.');
    expect(html).toContain('Your first and last name');
    expect(html).toContain('Sign the contract');
  });

  it('once signed: the confirmation, who signed when, the fingerprint and the PDF to download', async () => {
    signedInAs('CLIENT');
    const html = plain(await renderScreen(contractRoute, { path: '/client/contracts/k1', data: [[contractKeys.one('k1'), signed]] }));
    expect(html).toContain('Contrat signé');
    expect(html).toMatch(/Signé par Chloé Dubois le 3 mars 2027.*19:30 \(heure de Paris\)/);
    expect(html).toContain(`Empreinte SHA-256 : ${'b'.repeat(64)}`);
    expect(html).toMatch(/<a[^>]*href="\/api\/files\/k1\.pdf\?exp=1&amp;sig=x"[^>]*download=""/);
    expect(html).not.toContain('J&#x27;ai lu et j&#x27;accepte');
    expect(html).toContain('href="/verifier/k1"');
  });
});

describe('the client’s contracts', () => {
  it('puts each contract to sign on the home page, and lists them all', async () => {
    signedInAs('CLIENT');
    const data: [readonly unknown[], unknown][] = [[contractKeys.list({}), page([sent, { ...signed, id: 'k0', title: 'Contrat portrait' }])]];
    const home = plain(await renderScreen(<ContractsToSign />, { data }));
    expect(home).toContain('À signer</h2>');
    expect(home).toMatch(/data-testid="contract-to-sign".*Contrat de mariage/);
    expect(home).not.toContain('Contrat portrait');
    expect(home).toContain('href="/client/contracts/k1"');
    const list = plain(await renderScreen(<MyContractsPage />, { lang: 'en', data }));
    expect(titleOf(list)).toBe('My contracts · Déclic');
    expect(list).toContain('Read and sign');
    expect(list).toContain('Signed on 3 March 2027');
  });

  it('shows nothing on the home page when there is no contract', async () => {
    const html = await renderScreen(<ContractsToSign />, { data: [[contractKeys.list({}), page([])]] });
    expect(html).not.toContain('contract-to-sign');
    expect(html).not.toContain('Tous mes contrats');
  });
});

describe('the project’s contract (staff)', () => {
  const project = { id: 'p1', service: { id: 's1', name: 'Mariage', defaultContractTemplateId: 't2' } } as Project;
  const templates: ContractTemplate[] = [
    { id: 't1', name: 'Portrait', body: '', createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z' },
    { id: 't2', name: 'Mariage', body: '', createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z' },
  ];

  it('offers to prepare one from a template, the service’s own first', async () => {
    signedInAs('PROFESSIONNEL');
    const html = await renderScreen(<ContractSection project={project} />, {
      data: [
        [contractKeys.list({ projectId: 'p1' }), page([])],
        [contractKeys.templates, templates],
      ],
    });
    expect(html).toContain('Modèle de contrat');
    expect(html).toMatch(/value="Mariage"/);
    expect(html).toContain('Préparer le contrat');
  });

  it('a draft: where it stands, send, edit, void; its text', async () => {
    signedInAs('PROFESSIONNEL');
    const draft: Contract = { ...sent, status: 'DRAFT', sentAt: null, pdfUrl: null, documentSha256: null };
    const html = plain(await renderScreen(<ContractSection project={project} />, { data: [[contractKeys.list({ projectId: 'p1' }), page([draft])], [contractKeys.one('k1'), draft]] }));
    expect(html).toContain('Brouillon : le client ne le voit pas encore');
    for (const action of ['Envoyer au client', 'Modifier', 'Annuler le contrat']) expect(html).toContain(action);
    expect(html).not.toContain('Télécharger le PDF');
    expect(html).toContain('<h2>Contrat de prestation</h2>');
    expect(html).toContain('Journal de preuve');
  });

  it('signed: the signature’s proof (name, time, IP, browser, fingerprint) and the countersignature to give', async () => {
    signedInAs('ADMIN');
    const html = plain(await renderScreen(<ContractSection project={project} />, { lang: 'en', data: [[contractKeys.list({ projectId: 'p1' }), page([signed])], [contractKeys.one('k1'), signed]] }));
    expect(html).toContain('Signed by Chloé Dubois on 3 Mar 2027');
    for (const fact of ['203.0.113.7', 'Mozilla/5.0 (iPhone)', 'b'.repeat(64), 'Drawn on screen', 'Countersign', 'Download the PDF', 'Audit trail']) expect(html).toContain(fact);
  });

  it('void, in a chain of versions: the reason, the reissue, every version', async () => {
    signedInAs('PROFESSIONNEL');
    const voided: Contract = {
      ...sent,
      version: 2,
      previousId: 'k0',
      status: 'VOID',
      voided: { at: '2027-03-04T10:00:00Z', reason: 'Date de séance changée' },
      versions: [
        { id: 'k0', version: 1, status: 'VOID', createdAt: '2027-02-01T09:00:00Z' },
        { id: 'k1', version: 2, status: 'VOID', createdAt: '2027-03-01T09:00:00Z' },
      ],
    };
    const html = plain(await renderScreen(<ContractSection project={project} />, { data: [[contractKeys.list({ projectId: 'p1' }), page([voided])], [contractKeys.one('k1'), voided]] }));
    expect(html).toContain('Motif : Date de séance changée');
    expect(html).toContain('Établir une nouvelle version');
    expect(html).not.toContain('Annuler le contrat');
    expect(html).toContain('Versions');
    expect(html).toMatch(/aria-current="true"[^>]*>.*Version 2/);
    expect(html).toContain('Version 1');
  });
});

describe('contract templates (staff)', () => {
  it('lists them, each with its delete button named', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(
      await renderScreen(<TemplatesPage />, { data: [[contractKeys.templates, [{ id: 't1', name: 'Mariage', body: '', createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-02-10T10:00:00Z' }]]] }),
    );
    expect(titleOf(html)).toBe('Modèles de contrat · Déclic');
    expect(html).toContain('href="/pro/contracts/templates/t1"');
    expect(html).toContain('aria-label="Supprimer le modèle « Mariage »"');
    expect(html).toContain('Modifié le 10 février 2027');
  });

  it('a new one starts from a sample contract with its placeholders, under a labelled toolbar', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(<TemplateEditorPage />, { path: '/pro/contracts/templates/new' }));
    expect(titleOf(html)).toBe('Nouveau modèle de contrat · Déclic');
    expect(html).toContain('# Contrat de prestation photographique');
    expect(html).toContain('{{client.fullName}}');
    expect(html).toContain('role="toolbar" aria-label="Mise en forme"');
    for (const tool of ['Titre', 'Sous-titre', 'Gras', 'Italique', 'Liste à puces', 'Liste numérotée']) expect(html).toContain(`aria-label="${tool}"`);
    expect(html).toContain('Insérer un champ');
    expect(html).toContain('Rédiger');
    expect(html).toContain('Aperçu');
    const en = await renderScreen(<TemplateEditorPage />, { path: '/pro/contracts/templates/new', lang: 'en' });
    expect(en).toContain('# Photography services agreement');
    expect(en).toContain('aria-label="Numbered list"');
  });
});

describe('verifying a document (anyone)', () => {
  it('asks for the PDF, in French and English', async () => {
    session.user = null;
    const fr = plain(await renderScreen(<VerifyPage />, { path: '/verifier' }));
    expect(titleOf(fr)).toBe('Vérifier un document · Déclic');
    expect(fr).toContain('Contrat au format PDF');
    expect(fr).toContain('20 Mo au plus');
    const en = await renderScreen(<VerifyPage />, { path: '/verifier', lang: 'en' });
    expect(titleOf(en)).toBe('Verify a document · Déclic');
    expect(en).toContain('Contract as a PDF');
  });

  it('with a contract’s id (printed on its PDF): what the studio recorded of it', async () => {
    session.user = null;
    const check = { id: 'k1', title: 'Contrat de mariage', status: 'SIGNED', studioName: 'Atelier Lumière', documentSha256: 'a'.repeat(64), pdfSha256: 'c'.repeat(64), signedAt: '2027-03-03T18:30:00Z', countersignedAt: null };
    const route = (
      <Routes>
        <Route path="/verifier/:id" element={<VerifyPage />} />
      </Routes>
    );
    const html = plain(await renderScreen(route, { path: '/verifier/k1', data: [[contractKeys.check('k1'), check]] }));
    expect(html).toContain('Contrat « Contrat de mariage », émis par Atelier Lumière');
    expect(html).toContain('État : Signé');
    expect(html).toMatch(/Signé le 3 mars 2027.*19:30/);
    expect(html).toContain(`Empreinte SHA-256 du dernier PDF émis : ${'c'.repeat(64)}`);
  });
});
