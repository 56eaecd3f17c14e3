import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderScreen, titleOf } from '../../test/renderScreen';
import type { User } from '../../types/api';
import { galleryKeys, type DownloadEntry, type Gallery, type GalleryFile, type Selection, type Share, type SharedGallery, type StorageUsage } from './api';
import { ClientGalleryPage } from './ClientGalleryPage';
import { ClientGalleriesPage } from './GalleriesPages';
import { ProjectGalleries } from './ProjectGalleries';
import { ShareCard } from './ShareCard';
import { SharePage } from './SharePage';
import { StaffGalleryPage } from './StaffGalleryPage';
import { StorageCard } from './StorageCard';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('../../lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/auth')>()),
  useAuth: () => ({ status: 'signed-in', user: session.user }),
}));

function signedInAs(role: User['role']): void {
  session.user = { id: 'u1', email: 'x@example.com', role, firstName: 'Paul', lastName: 'Lefèvre', phone: null, locale: 'fr', createdAt: '2027-01-01T00:00:00Z' };
}

/** French typography's spaces as plain ones, to compare with what a test writes. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|\u202f/g, ' ');

// The answers of the API, as the contract gives them.
const gallery: Gallery = {
  id: 'g1',
  projectId: 'p1',
  title: 'Mariage de Chloé & Hugo',
  status: 'DRAFT',
  publishedAt: null,
  expiresAt: '2027-07-31T21:59:00Z',
  expired: false,
  watermark: true,
  downloads: 'ORIGINALS',
  selectionMax: 30,
  selection: { status: 'OPEN', submittedAt: null, count: 12 },
  fileCount: 4,
  readyCount: 2,
  sizeBytes: 1_230_000_000,
  coverFileId: 'f2',
  coverUrl: '/api/files/f2/thumbnail?exp=1&sig=a',
  archiveUrl: '/api/galleries/g1/archive?exp=1&sig=b',
  favoritesArchiveUrl: '/api/galleries/g1/favorites.zip?exp=1&sig=c',
  client: { id: 'c1', name: 'Chloé Dubois' },
  createdAt: '2027-06-20T08:00:00Z',
};

const photo = (id: string, over: Partial<GalleryFile> = {}): GalleryFile => ({
  id,
  name: `DSC_00${id.slice(1)}.jpg`,
  sizeBytes: 12_000_000,
  mimeType: 'image/jpeg',
  width: 6000,
  height: 4000,
  status: 'READY',
  placeholder: 'data:image/webp;base64,UklGRg',
  thumbnailUrl: `/api/files/${id}/thumbnail?exp=1&sig=t`,
  previewUrl: `/api/files/${id}/preview?exp=1&sig=p`,
  downloadUrl: `/api/files/${id}/download?exp=1&sig=d`,
  favorite: false,
  comment: null,
  position: Number(id.slice(1)),
  ...over,
});

const files: GalleryFile[] = [
  photo('f1', { favorite: true, comment: 'Un peu plus serré ?' }),
  photo('f2', { width: 4000, height: 6000 }),
  photo('f3', { status: 'PROCESSING', width: null, height: null, placeholder: null, thumbnailUrl: null, previewUrl: null, downloadUrl: null }),
  photo('f4', { status: 'FAILED', thumbnailUrl: null, previewUrl: null, downloadUrl: null }),
];

const selection: Selection = {
  status: 'OPEN',
  submittedAt: null,
  files: [{ id: 'f1', name: 'DSC_001.jpg', comment: 'Un peu plus serré ?' }],
  lightroomFilter: 'DSC_001 OR DSC_0040',
};

const downloads: DownloadEntry[] = [
  { id: 2, at: '2027-07-03T17:30:00Z', user: { id: 'c1', name: 'Chloé Dubois' }, kind: 'ARCHIVE', fileName: null, ip: '203.0.113.7' },
  { id: 1, at: '2027-07-02T08:05:00Z', user: null, kind: 'FILE', fileName: 'DSC_001.jpg', ip: '198.51.100.2' },
];

const staffData = (g: Gallery = gallery) =>
  [
    [galleryKeys.one('g1'), g],
    [galleryKeys.files('g1'), files],
    [galleryKeys.selection('g1'), selection],
    [galleryKeys.downloads('g1'), downloads],
  ] as [readonly unknown[], unknown][];

const staffRoute = (
  <Routes>
    <Route path="/pro/galleries/:id" element={<StaffGalleryPage />} />
  </Routes>
);
const clientRoute = (
  <Routes>
    <Route path="/client/galleries/:id" element={<ClientGalleryPage />} />
  </Routes>
);

describe('a gallery, for staff', () => {
  it('a draft: its title, the way back to its project, and publishing as the one primary action', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(staffRoute, { path: '/pro/galleries/g1', data: staffData() }));
    expect(titleOf(html)).toBe('Mariage de Chloé &amp; Hugo · Déclic');
    expect(html).toContain('href="/pro/projects/p1"');
    expect(html).toContain('Brouillon');
    expect(html).toMatch(/<button[^>]*>.*Publier la galerie/);
    expect(html).toContain('Chloé Dubois · Pas encore publiée : le client ne la voit pas · Disponible jusqu&#x27;au 31 juillet 2027');
  });

  it('takes photos one by one or a whole folder, dropped or chosen', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(staffRoute, { path: '/pro/galleries/g1', data: staffData() }));
    expect(html).toContain('data-testid="dropzone"');
    expect(html).toContain('Déposez ici vos photos, ou un dossier entier');
    expect(html).toMatch(/<input[^>]*type="file"[^>]*accept="image\/jpeg,[^"]*\.heic[^"]*"[^>]*multiple/);
    expect(html).toMatch(/<input[^>]*type="file"[^>]*webkitdirectory=""/);
    expect(html).toContain('Choisir des photos');
    expect(html).toContain('Choisir un dossier');
  });

  it('shows each photo as it stands, with its actions named after it', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(staffRoute, { path: '/pro/galleries/g1', data: staffData() }));
    expect(html.match(/data-testid="staff-photo"/g)).toHaveLength(4);
    expect(html).toMatch(/data-status="READY"[^]*<img src="\/api\/files\/f1\/thumbnail\?exp=1&amp;sig=t" alt="DSC_001.jpg" loading="lazy"/);
    expect(html).toMatch(/data-status="PROCESSING"[^]*Traitement…/);
    expect(html).toMatch(/data-status="FAILED"[^]*Échec du traitement/);
    expect(html).toContain('Couverture');
    // The first photo cannot move earlier, the last one later; both are keyboard buttons.
    expect(html).toMatch(/<button[^>]*aria-label="Déplacer DSC_001.jpg avant"[^>]*disabled=""/);
    expect(html).not.toMatch(/<button[^>]*aria-label="Déplacer DSC_001.jpg après"[^>]*disabled=""/);
    expect(html).toMatch(/<button[^>]*aria-label="Déplacer DSC_004.jpg après"[^>]*disabled=""/);
    expect(html).toMatch(/<button[^>]*aria-label="Choisir DSC_002.jpg comme couverture"[^>]*aria-pressed="true"/);
    expect(html).toContain('aria-label="Supprimer DSC_003.jpg"');
    expect(html).toContain('4 photos · 1,2 Go');
  });

  it('its settings, the client’s selection with the Lightroom filter, and who downloaded what', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(staffRoute, { path: '/pro/galleries/g1', data: staffData() }));
    for (const label of ['Titre de la galerie', 'Date d&#x27;expiration (facultatif)', 'Téléchargements', 'Nombre maximum de favoris (facultatif)', 'Filigrane']) expect(html).toContain(label);
    expect(html).toContain('value="Mariage de Chloé &amp; Hugo"');
    expect(html).toContain('>31 juillet 2027</button>');
    expect(html).toContain('value="Fichiers originaux"');
    expect(html).toContain('value="30"');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*checked=""/);
    expect(html).toContain('En cours : Chloé Dubois a choisi 12 photos pour l&#x27;instant.');
    expect(html).toContain('Un peu plus serré ?');
    expect(html).toContain('value="DSC_001 OR DSC_0040"');
    expect(html).toContain('Copier le filtre');
    expect(html).not.toContain('Rouvrir la sélection');
    expect(html).toContain('Chloé Dubois · toutes les photos (zip)');
    expect(html).toMatch(/3 juil\. 2027.*19:30 · 203\.0\.113\.7/);
    expect(html).toContain('Visiteur inconnu · la photo DSC_001.jpg');
  });

  it('published and the selection sent: no publish button, the date, and the selection to reopen (in English)', async () => {
    signedInAs('ADMIN');
    const sent: Gallery = {
      ...gallery,
      status: 'PUBLISHED',
      publishedAt: '2027-06-25T16:00:00Z',
      selection: { status: 'SUBMITTED', submittedAt: '2027-07-01T09:15:00Z', count: 12 },
    };
    const html = await renderScreen(staffRoute, { path: '/pro/galleries/g1', lang: 'en', data: staffData(sent) });
    expect(html).not.toContain('Publish the gallery');
    expect(html).toContain('Published');
    expect(html).toMatch(/Published on 25 Jun 2027.*18:00/);
    expect(html).toMatch(/Chloé Dubois sent their selection on 1 Jul 2027.*11:15: 12 photos\./);
    expect(html).toContain('Reopen the selection');
    expect(html).toContain('Lightroom filter');
    expect(html).toContain('Move DSC_001.jpg earlier');
    expect(html).toContain('Drop your photos here, or a whole folder');
  });
});

describe('a project’s galleries (staff)', () => {
  it('lists them with cover, status and count, and offers a new one', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(<ProjectGalleries projectId="p1" />, { data: [[galleryKeys.list('p1'), [gallery]]] }));
    expect(html).toContain('Galeries</h2>');
    expect(html).toContain('href="/pro/galleries/g1"');
    expect(html).toContain('src="/api/files/f2/thumbnail?exp=1&amp;sig=a"');
    expect(html).toContain('Brouillon');
    expect(html).toContain('4 photos · 2 en cours de traitement');
    expect(html).toContain('Nouvelle galerie');
    const none = await renderScreen(<ProjectGalleries projectId="p1" />, { lang: 'en', data: [[galleryKeys.list('p1'), []]] });
    expect(none).toContain('No gallery for this project yet.');
  });
});

describe('the studio’s storage (settings)', () => {
  it('says how much is used, on a bar, and what one gallery may hold', async () => {
    const usage: StorageUsage = { usedBytes: 12_300_000_000, quotaBytes: 50_000_000_000, galleryQuotaBytes: 20_000_000_000 };
    const html = plain(await renderScreen(<StorageCard />, { data: [[galleryKeys.usage, usage]] }));
    expect(html).toContain('Stockage');
    expect(html).toContain('12 Go utilisés sur 50 Go (25 %)');
    expect(html).toMatch(/role="progressbar"[^>]*aria-label="Stockage"|aria-label="Stockage"[^>]*role="progressbar"/);
    expect(html).toContain('Une galerie peut contenir jusqu&#x27;à 20 Go.');
  });
});

describe('a gallery, for its client', () => {
  const published: Gallery = { ...gallery, status: 'PUBLISHED', publishedAt: '2027-06-25T16:00:00Z' };
  const clientData = (g: Gallery = published) =>
    [
      [galleryKeys.one('g1'), g],
      [galleryKeys.files('g1'), files],
    ] as [readonly unknown[], unknown][];

  it('its ready photos in justified rows, lazy, over their blurred placeholder, each with its heart', async () => {
    signedInAs('CLIENT');
    const html = plain(await renderScreen(clientRoute, { path: '/client/galleries/g1', data: clientData() }));
    expect(titleOf(html)).toBe('Mariage de Chloé &amp; Hugo · Déclic');
    // Photos still processing or failed are not the client's to see.
    expect(html.match(/data-testid="grid-photo"/g)).toHaveLength(2);
    expect(html).toContain('class="justified-row"');
    expect(html).toMatch(/style="flex:1\.5 1 0;aspect-ratio:1\.5"|style="flex:0 1 [\d.]+px;aspect-ratio:1\.5"/);
    expect(html).toMatch(/<img class="blur-up-placeholder" src="data:image\/webp;base64,UklGRg" alt="" aria-hidden="true"\/>/);
    expect(html).toMatch(/<img class="blur-up-photo" src="\/api\/files\/f1\/thumbnail\?exp=1&amp;sig=t" alt="" loading="lazy"/);
    expect(html).toContain('aria-label="Ouvrir la photo DSC_001.jpg"');
    expect(html).toMatch(/<button[^>]*aria-pressed="true"[^>]*aria-label="Favori : DSC_001.jpg"/);
    expect(html).toMatch(/<button[^>]*aria-pressed="false"[^>]*aria-label="Favori : DSC_002.jpg"/);
    expect(html).toContain('2 photos · Disponible jusqu&#x27;au 31 juillet 2027');
  });

  it('counts the favourites against the limit, submits them, and downloads as plain links', async () => {
    signedInAs('CLIENT');
    const html = plain(await renderScreen(clientRoute, { path: '/client/galleries/g1', data: clientData() }));
    expect(html).toContain('12 / 30 sélectionnées');
    expect(html).toMatch(/<button[^>]*>.*Envoyer ma sélection/);
    expect(html).toMatch(/<a[^>]*href="\/api\/galleries\/g1\/archive\?exp=1&amp;sig=b"[^>]*download=""[^>]*>.*Tout télécharger \(1,2 Go\)/);
    expect(html).toMatch(/<a[^>]*href="\/api\/galleries\/g1\/favorites\.zip\?exp=1&amp;sig=c"[^>]*download=""[^>]*>.*Télécharger mes favoris/);
    const en = await renderScreen(clientRoute, { path: '/client/galleries/g1', lang: 'en', data: clientData({ ...published, selectionMax: null }) });
    expect(en).toContain('12 photos selected');
    expect(en).toContain('Submit my selection');
    expect(en).toContain('Download everything (1.2 GB)');
  });

  it('once submitted: the studio has it, hearts only show the favourites', async () => {
    signedInAs('CLIENT');
    const sent: Gallery = { ...published, selection: { status: 'SUBMITTED', submittedAt: '2027-07-01T09:15:00Z', count: 12 }, archiveUrl: null, favoritesArchiveUrl: null };
    const html = plain(await renderScreen(clientRoute, { path: '/client/galleries/g1', data: clientData(sent) }));
    expect(html).toMatch(/Le studio a bien reçu votre sélection de 12 photos, envoyée le 1 juil\. 2027.*11:15\. Vos favoris ne peuvent plus être modifiés\./);
    expect(html).not.toContain('Envoyer ma sélection');
    expect(html).not.toContain('aria-pressed');
    expect(html).toContain('role="img" aria-label="Favori"');
    expect(html).not.toContain('Tout télécharger');
  });

  it('expired: says so and whom to ask, shows no photo', async () => {
    signedInAs('CLIENT');
    const expired: Gallery = { ...published, expired: true, expiresAt: '2027-05-31T21:59:00Z' };
    const html = await renderScreen(clientRoute, { path: '/client/galleries/g1', data: [[galleryKeys.one('g1'), expired]] });
    expect(html).toContain('Cette galerie a expiré — demandez au studio');
    expect(html).toContain('href="/client/messages"');
    expect(html).not.toContain('data-testid="grid-photo"');
    const en = await renderScreen(clientRoute, { path: '/client/galleries/g1', lang: 'en', data: [[galleryKeys.one('g1'), expired]] });
    expect(en).toContain('This gallery has expired — ask the studio');
  });

  it('the list of their galleries: cover, title, count, expiry, or that it has expired', async () => {
    signedInAs('CLIENT');
    const list = [published, { ...published, id: 'g2', title: 'Portraits', expired: true, coverUrl: null }];
    const html = plain(await renderScreen(<ClientGalleriesPage />, { data: [[galleryKeys.list(null), list]] }));
    expect(titleOf(html)).toBe('Mes galeries · Déclic');
    expect(html).toContain('href="/client/galleries/g1"');
    expect(html).toContain('2 photos');
    expect(html).toContain('Disponible jusqu&#x27;au 31 juillet 2027');
    expect(html).toContain('Cette galerie a expiré — demandez au studio');
    // Clients see no draft/published badge.
    expect(html).not.toContain('Publiée');
    const none = await renderScreen(<ClientGalleriesPage />, { lang: 'en', data: [[galleryKeys.list(null), []]] });
    expect(none).toContain('The studio will let you know as soon as your photos are ready.');
  });
});

describe('guest links, for staff', () => {
  const shares: Share[] = [
    { id: 's1', url: 'https://studio.example/share/tok-1', downloads: true, expiresAt: '2027-07-31T21:59:00Z', createdAt: '2027-06-26T08:00:00Z' },
    { id: 's2', url: 'https://studio.example/share/tok-2', downloads: false, expiresAt: null, createdAt: '2027-06-27T14:30:00Z' },
  ];
  const published: Gallery = { ...gallery, status: 'PUBLISHED', publishedAt: '2027-06-25T16:00:00Z' };

  it('lists the live links with their address to copy, what they allow, and revoking each', async () => {
    const html = plain(await renderScreen(<ShareCard gallery={published} />, { data: [[galleryKeys.shares('g1'), shares]] }));
    expect(html).toContain('Partage invités</h2>');
    expect(html.match(/data-testid="share-row"/g)).toHaveLength(2);
    expect(html).toMatch(/<input[^>]*readonly=""[^>]*value="https:\/\/studio.example\/share\/tok-1"/i);
    expect(html.match(/Copier le lien/g)).toHaveLength(2);
    expect(html).toContain('Téléchargements autorisés · Expire le 31 juillet 2027 · Créé le');
    expect(html).toContain('Consultation seule · Sans date d&#x27;expiration · Créé le');
    expect(html).toMatch(/<button[^>]*aria-label="Révoquer le lien créé le 26 juin 2027[^"]*10:00"/);
    expect(html).not.toContain('une fois la galerie publiée');
  });

  it('makes a new one: a numeric PIN, downloads or not, an optional expiry', async () => {
    const html = plain(await renderScreen(<ShareCard gallery={gallery} />, { data: [[galleryKeys.shares('g1'), []]] }));
    expect(html).toContain('Aucun lien actif.');
    expect(html).toContain('Les invités pourront ouvrir le lien une fois la galerie publiée.');
    expect(html).toMatch(/<input[^>]*inputmode="numeric"[^>]*maxLength="8"|<input[^>]*maxLength="8"[^>]*inputmode="numeric"/i);
    expect(html).toMatch(/<input[^>]*name="sharePin"/);
    expect(html).toContain('Code PIN');
    expect(html).toContain('Autoriser les téléchargements');
    expect(html).toContain('Expiration du lien (facultatif)');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>.*Créer le lien/);
    const en = await renderScreen(<ShareCard gallery={published} />, { lang: 'en', data: [[galleryKeys.shares('g1'), shares]] });
    expect(en).toContain('Guest sharing');
    expect(en).toContain('Downloads allowed · Expires on 31 July 2027');
    expect(en).toContain('View only · No expiry date');
    expect(en).toContain('Copy the link');
    expect(en).toContain('Create the link');
  });

  it('sits on the staff gallery page', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(staffRoute, { path: '/pro/galleries/g1', data: [...staffData(), [galleryKeys.shares('g1'), shares]] }));
    expect(html).toContain('id="share-heading"');
    expect(html).toContain('value="https://studio.example/share/tok-1"');
  });
});

describe('a shared gallery, for its guests', () => {
  const shareRoute = (
    <Routes>
      <Route path="/share/:token" element={<SharePage />} />
    </Routes>
  );
  const shared: SharedGallery = {
    gallery: {
      id: 'g1',
      title: 'Mariage de Chloé & Hugo',
      studioName: 'Studio Lumière',
      expiresAt: '2027-07-31T21:59:00Z',
      fileCount: 2,
      coverUrl: '/api/files/f2/thumbnail?exp=1&sig=a',
      archiveUrl: '/api/galleries/g1/archive?kind=all&by=guest&exp=1&sig=b',
    },
    files: [photo('f1'), photo('f2', { width: 4000, height: 6000 })],
  };
  /** The tab's storage, holding the session a PIN opened for `tok`. */
  const unlocked = () =>
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => (k === 'declic.share.tok' ? 'sess-1' : null), setItem: () => {}, removeItem: () => {} });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks the PIN first: a labelled field for digits, and the button to open', async () => {
    const html = plain(await renderScreen(shareRoute, { path: '/share/tok' }));
    expect(titleOf(html)).toBe('Galerie partagée · Déclic');
    expect(html).toMatch(/<h1[^>]*>Galerie privée<\/h1>/);
    expect(html).toContain('Saisissez le code PIN que le studio vous a communiqué');
    expect(html).toMatch(/<input[^>]*inputmode="numeric"/i);
    expect(html).toMatch(/<input[^>]*name="pin"/);
    expect(html).toMatch(/<label[^>]*>Code PIN/);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>.*Voir la galerie/);
    expect(html).not.toContain('data-testid="grid-photo"');
    const en = await renderScreen(shareRoute, { path: '/share/tok', lang: 'en' });
    expect(en).toContain('Private gallery');
    expect(en).toContain('View the gallery');
  });

  it('once unlocked (the session kept for the tab): the photos read-only, and the zip', async () => {
    unlocked();
    const html = plain(await renderScreen(shareRoute, { path: '/share/tok', data: [[galleryKeys.shared('tok', 'sess-1'), shared]] }));
    expect(titleOf(html)).toBe('Mariage de Chloé &amp; Hugo · Déclic');
    expect(html).toContain('Par Studio Lumière · 2 photos · Disponible jusqu&#x27;au 31 juillet 2027');
    expect(html.match(/data-testid="grid-photo"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Ouvrir la photo DSC_001.jpg"');
    // No favourite, no comment, no selection.
    expect(html).not.toContain('aria-pressed');
    expect(html).not.toContain('Favori');
    expect(html).not.toContain('Envoyer ma sélection');
    expect(html).toMatch(/<a[^>]*href="\/api\/galleries\/g1\/archive\?kind=all&amp;by=guest&amp;exp=1&amp;sig=b"[^>]*download=""[^>]*>.*Tout télécharger/);
    expect(html).not.toContain('Code PIN');
  });

  it('a view-only link: no zip (in English)', async () => {
    unlocked();
    const viewOnly: SharedGallery = { gallery: { ...shared.gallery, archiveUrl: null, expiresAt: null }, files: shared.files.map((f) => ({ ...f, downloadUrl: null })) };
    const html = await renderScreen(shareRoute, { path: '/share/tok', lang: 'en', data: [[galleryKeys.shared('tok', 'sess-1'), viewOnly]] });
    expect(html).toContain('By Studio Lumière · 2 photos');
    expect(html).not.toContain('Download everything');
    expect(html).not.toContain('download=""');
  });
});
