// Every screen of both spaces, and the signed-out pages (the studio's page, a service's public
// booking page, sign-in, sign-up…), opened for real with data in it: a
// client with a confirmed session, its project, a contract sent to sign, a conversation and a
// published gallery of real photos with a favourite, shared with guests through a PIN link
// (its PIN step, then the gallery as its guests see it).
// On a phone (390 × 844), a tablet (820 × 1180) and a desktop (1440 × 900), every visible,
// enabled control (button, link, field, box, tab…) lies entirely within the screen's width and
// is not cut off by a component that clips or scrolls sideways: nothing needs a sideways swipe
// inside a component to be reached, and the page is no wider than the screen. Each screen also
// passes axe (no critical or serious violation) in light and in dark. Four passes, each loading
// every screen once: phone in French, phone in English (the same load first seen as a tablet),
// desktop in French (first as a tablet) and desktop in English; each starts in one scheme and
// checks axe in both, so every screen meets axe in FR and EN, light and dark, on a phone and
// on a desktop. On a phone,
// once a time is tapped on the booking page, the confirm button is on screen, not under the
// bottom bar. A failure lists every screen, size, control's name and its box.
// every-screen-phone and every-screen-desktop each run two of the passes, side by side.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectNoAxeViolations, expectNoSidewaysScroll, setColorScheme } from './a11y';
import { Api, confirmedProject, conversationOf, publishedGallery, shareGallery, unlockShare } from './api';
import { DESKTOP, launchBrowser, newPage, PHONE, signIn, switchLanguage, uniqueEmail, type Session, type Viewport } from './browser';
import { png } from './images';

let browser: Browser;
const PRO = 'pro@demo.declic.fr'; // Paul Lefèvre
const ADMIN = 'admin@demo.declic.fr'; // Alice Martin
const PASSWORD = 'un mot de passe solide';

const phone: Viewport = PHONE;
const tablet = { width: 820, height: 1180 };
const desktop: Viewport = DESKTOP;
type Size = { width: number; height: number };
const sizeName = (s: Size) => (s.width === phone.width ? 'phone' : s.width === tablet.width ? 'tablet' : 'desktop');

interface Pass {
  viewport: Viewport;
  lang: 'FR' | 'EN';
  scheme: 'light' | 'dark';
  /** The sizes checked for reach, in order, on the one load of each screen; axe runs on the last. */
  sizes: Size[];
}

export const PASSES: Pass[] = [
  { viewport: phone, lang: 'FR', scheme: 'light', sizes: [phone] },
  { viewport: phone, lang: 'EN', scheme: 'dark', sizes: [tablet, phone] },
  { viewport: desktop, lang: 'FR', scheme: 'dark', sizes: [tablet, desktop] },
  { viewport: desktop, lang: 'EN', scheme: 'light', sizes: [desktop] },
];

/** What the screens need: a client of their own with a session, project, contract, messages and a gallery. */
interface Stage {
  clientEmail: string;
  clientId: string;
  serviceId: string;
  projectId: string;
  contractId: string;
  conversationId: string;
  templateId: string;
  galleryId: string;
  /** The gallery's guest link, and the session its PIN opened. */
  shareToken: string;
  shareSession: string;
  client: Api;
}
let stage: Stage;

interface Screen {
  path: string;
  /** Its name in a failure. */
  name: string;
  /** What the tab keeps (sessionStorage) before the screen opens: a guest's unlocked link. */
  tabStorage?: Record<string, string>;
  /** A test id the screen must show once settled (what tells it from a screen like it). */
  shows?: string;
}

const clientScreens = (): Screen[] => [
  { path: '/client', name: 'client home' },
  { path: '/client/book', name: 'catalog' },
  { path: `/client/book/${stage.serviceId}`, name: 'booking a service' },
  { path: '/client/bookings', name: 'my bookings' },
  { path: '/client/projects', name: 'my projects' },
  { path: `/client/projects/${stage.projectId}`, name: 'a project (client)' },
  { path: '/client/contracts', name: 'my contracts' },
  { path: `/client/contracts/${stage.contractId}`, name: 'a contract to sign' },
  { path: '/client/galleries', name: 'my galleries' },
  { path: `/client/galleries/${stage.galleryId}`, name: 'a gallery (client)' },
  { path: '/client/messages', name: 'messages (client)' },
  { path: '/client/profile', name: 'profile (client)' },
];

const proScreens = (): Screen[] => [
  { path: '/pro', name: 'dashboard' },
  { path: '/pro/calendar', name: 'agenda' },
  { path: '/pro/requests', name: 'requests' },
  { path: '/pro/projects', name: 'projects' },
  { path: `/pro/projects/${stage.projectId}`, name: 'a project (staff)' },
  { path: '/pro/clients', name: 'clients' },
  { path: `/pro/clients/${stage.clientId}`, name: 'a client' },
  { path: '/pro/services', name: 'services' },
  { path: '/pro/contracts', name: 'contracts' },
  { path: '/pro/contracts/templates', name: 'contract templates' },
  { path: `/pro/contracts/templates/${stage.templateId}`, name: 'a contract template' },
  { path: '/pro/contracts/templates/new', name: 'a new contract template' },
  { path: '/pro/galleries', name: 'galleries' },
  { path: `/pro/galleries/${stage.galleryId}`, name: 'a gallery (staff)' },
  { path: '/pro/availability', name: 'availability' },
  { path: '/pro/messages', name: 'messages (staff)' },
  { path: `/pro/messages/${stage.conversationId}`, name: 'a conversation (staff)' },
  { path: '/pro/profile', name: 'profile (staff)' },
];

const adminScreens = (): Screen[] => [
  { path: '/pro/users', name: 'users and roles' },
  { path: '/pro/settings', name: 'studio settings' },
];

const publicScreens = (): Screen[] => [
  { path: '/', name: 'the studio’s page' },
  { path: `/book/${stage.serviceId}`, name: 'a service’s public booking page' },
  { path: '/login', name: 'sign in' },
  { path: '/register', name: 'sign up' },
  { path: '/forgot-password', name: 'forgotten password' },
  { path: '/verifier', name: 'checking a contract' },
  // The mailed links' pages, as their form shows before it is sent (the token is read then).
  { path: '/reset-password?token=from-a-mail', name: 'choosing a new password' },
  { path: '/invitation?token=from-a-mail', name: 'accepting an invitation' },
  { path: '/page-qui-nexiste-pas', name: 'a page that does not exist' },
  // A guest link: its PIN step first, then (the session kept for the tab, as the page keeps
  // it) the gallery as its guests see it.
  { path: `/share/${stage.shareToken}`, name: 'a guest link, its PIN' },
  { path: `/share/${stage.shareToken}`, name: 'a shared gallery (guest)', tabStorage: { [`declic.share.${stage.shareToken}`]: stage.shareSession }, shows: 'justified-grid' },
];

/** Requests in flight (fetches, chunks, images), to know when a screen has its data. */
function trackRequests(page: Page): () => number {
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  return () => inFlight;
}

/** Until nothing has been asked for 400 ms, no skeleton shows and the screen has its title. */
async function settle(page: Page, inFlight: () => number): Promise<void> {
  const deadline = Date.now() + 15_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 400) break;
  }
  await page.waitForFunction(
    () => !document.querySelector('.mantine-Skeleton-root[data-visible="true"]') && !!document.querySelector('#main h1, main h1, #main h2'),
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5000 }).catch(() => {});
}

/** In-app navigation (no reload: the session and the language stay as they are). */
async function open(page: Page, path: string, inFlight: () => number): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    window.scrollTo(0, 0);
  }, path);
  await page.waitForURL((u) => u.pathname === path);
  await settle(page, inFlight);
}

interface OutOfReach {
  name: string;
  role: string;
  box: { x: number; y: number; width: number; height: number };
  /** Why: past the screen's edge, or cut off by a component (which one). */
  why: string;
}

/**
 * Every visible, enabled control that is not entirely within the screen's width, or that a
 * component cuts off at the side (overflow hidden, clip, auto or scroll: reaching it would
 * take a sideways scroll inside that component). A control its clipping ancestor hides
 * entirely in height (a closed collapse) is not shown, hence not checked.
 */
function outOfReach(page: Page): Promise<OutOfReach[]> {
  return page.evaluate(() => {
    const selector = [
      'a[href]',
      'button',
      'input:not([type=hidden])',
      'select',
      'textarea',
      '[contenteditable="true"]',
      ...['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'slider', 'spinbutton', 'searchbox'].map((r) => `[role="${r}"]`),
    ].join(',');
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const tag = el.tagName.toLowerCase();
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean).slice(0, 2).map((c) => `.${c}`).join('') : '';
      return `${tag}${id}${cls}`;
    };
    const nameOf = (el: HTMLElement): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      const byIds = labelledBy
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      const labels = (el as HTMLInputElement).labels;
      const name =
        el.getAttribute('aria-label') ||
        byIds ||
        (labels && labels.length > 0 ? labels[0].textContent : '') ||
        el.innerText ||
        el.getAttribute('title') ||
        el.getAttribute('placeholder') ||
        (el as HTMLInputElement).value ||
        describe(el);
      return name.replace(/\s+/g, ' ').trim().slice(0, 80);
    };
    const found: { name: string; role: string; box: { x: number; y: number; width: number; height: number }; why: string }[] = [];
    for (const node of document.querySelectorAll(selector)) {
      const el = node as HTMLElement;
      if (el.closest('[aria-hidden="true"], [inert]')) continue;
      if ((el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true') continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // visually hidden (its label is the control)
      // Wholly left of the screen (the page is scrolled to its start): only the skip link may be
      // parked there, until focused; anything else is a control the keyboard reaches unseen.
      const parked = r.right <= 0;
      if (parked && el.classList.contains('skip-link')) continue;
      const style = getComputedStyle(el);
      // Clipping ancestors: stop at one the control escapes (a fixed layer).
      let clippedAway = false;
      let cutBy: string | null = null;
      let fixed = style.position === 'fixed';
      for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement && !fixed; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
          const b = a.getBoundingClientRect();
          const left = b.left + a.clientLeft;
          const right = left + a.clientWidth;
          const top = b.top + a.clientTop;
          const bottom = top + a.clientHeight;
          const hides = (o: string) => o === 'hidden' || o === 'clip';
          if (hides(s.overflowY) && (r.bottom <= top + 1 || r.top >= bottom - 1)) {
            clippedAway = true; // a closed collapse, a tab panel scrolled away: not shown
            break;
          }
          if (s.overflowX !== 'visible' && (r.left < left - 1 || r.right > right + 1) && !cutBy) {
            cutBy = `${s.overflowX === 'hidden' || s.overflowX === 'clip' ? 'cut off' : 'scrolled sideways'} by ${describe(a)} (${Math.round(left)}–${Math.round(right)})`;
          }
        }
        if (s.position === 'fixed') fixed = true;
      }
      if (clippedAway) continue;
      const why = parked ? 'off-screen, yet reachable with the keyboard' : r.left < -1 || r.right > width + 1 ? `past the screen's edge (0–${width})` : cutBy;
      if (!why) continue;
      found.push({
        name: nameOf(el),
        role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
        box: { x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) },
        why,
      });
    }
    return found;
  });
}

/** The page's width, then every control, at each size; then axe. Problems are collected, not thrown. */
const OTHER_SCHEME = { light: 'dark', dark: 'light' } as const;

async function checkScreen(page: Page, pass: Pass, screen: Screen, problems: string[]): Promise<void> {
  const label = `${screen.name} (${screen.path})`;
  for (const size of pass.sizes) {
    if (page.viewportSize()?.width !== size.width) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 3000 }).catch(() => {});
    }
    const where = `${label}, ${sizeName(size)} ${size.width}×${size.height}, ${pass.lang} ${pass.scheme}`;
    try {
      await expectNoSidewaysScroll(page, where);
    } catch (e) {
      problems.push(`${where}: the page is wider than the screen — ${(e as Error).message.split('\n')[0]}`);
    }
    for (const c of await outOfReach(page)) {
      problems.push(`${where}: ${c.role} “${c.name}” at x=${c.box.x} y=${c.box.y} ${c.box.width}×${c.box.height} is ${c.why}`);
    }
  }
  // axe in the pass's scheme, then in the other one on the same load (the layout does not
  // change with the scheme, the contrast does): every size × language meets both schemes.
  for (const scheme of [pass.scheme, OTHER_SCHEME[pass.scheme]]) {
    await setColorScheme(page, scheme);
    try {
      await expectNoAxeViolations(page, `${label}, ${sizeName(pass.sizes.at(-1)!)}, ${pass.lang} ${scheme}`);
    } catch (e) {
      const found = (e as { actual?: unknown }).actual;
      problems.push(`${(e as Error).message.split(':')[0]}: ${found ? JSON.stringify(found, null, 1).replace(/\n\s*/g, ' ').slice(0, 3000) : (e as Error).message}`);
    }
  }
  await setColorScheme(page, pass.scheme);
}

/** The first size of the pass, the language and the colour scheme, set once for the session. */
async function prepare(page: Page, pass: Pass, signedIn: boolean): Promise<void> {
  if (pass.lang === 'EN') {
    if (signedIn) {
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/me' && r.ok()),
        switchLanguage(page, 'EN'),
      ]);
    } else {
      await switchLanguage(page, 'EN');
    }
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  await setColorScheme(page, pass.scheme);
}

/** Before a screen: back to the pass's first size (the last check may have widened the page). */
async function firstSize(page: Page, pass: Pass): Promise<void> {
  if (page.viewportSize()?.width !== pass.sizes[0].width) await page.setViewportSize(pass.sizes[0]);
}

/** On a phone, a tapped time brings the confirm button on screen, clear of the bottom bar. */
async function confirmInReach(page: Page, pass: Pass, problems: string[]): Promise<void> {
  const words = pass.lang === 'FR' ? { first: /^Première disponibilité/, times: 'Choisir un horaire', confirm: 'Confirmer la réservation' } : { first: /^First free day/, times: 'Choose a time', confirm: 'Confirm the booking' };
  const where = `booking a service, ${sizeName(page.viewportSize()!)}, ${pass.lang} ${pass.scheme}`;
  const first = page.getByRole('button', { name: words.first });
  if (await first.isVisible()) await first.click();
  const times = page.getByRole('group', { name: words.times });
  await times.getByRole('button').first().click();
  const confirm = page.getByRole('button', { name: words.confirm });
  await confirm.waitFor();
  await page.waitForTimeout(700); // a smooth scroll
  const clear = await confirm.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const inView = r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= document.documentElement.clientWidth;
    const top = document.elementFromPoint(x, y);
    return { inView, onTop: !!top && el.contains(top), box: `x=${Math.round(r.left)} y=${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}` };
  });
  if (!clear.inView || !clear.onTop) problems.push(`${where}: after tapping a time, “${words.confirm}” at ${clear.box} is ${clear.inView ? 'under something' : 'off screen'}`);
}

async function runPass(session: Session, pass: Pass, screens: Screen[], signedIn: boolean): Promise<string[]> {
  const { page } = session;
  const inFlight = trackRequests(page);
  const problems: string[] = [];
  await prepare(page, pass, signedIn);
  for (const screen of screens) {
    await firstSize(page, pass);
    if (signedIn) await open(page, screen.path, inFlight);
    else {
      if (screen.tabStorage) {
        await page.evaluate((items) => {
          for (const [k, v] of Object.entries(items)) sessionStorage.setItem(k, v);
        }, screen.tabStorage);
      }
      await page.goto(screen.path);
      await settle(page, inFlight);
    }
    if (screen.shows) await page.getByTestId(screen.shows).first().waitFor();
    await checkScreen(page, pass, screen, problems);
    if (screen.path.startsWith('/client/book/') && pass.viewport === phone) {
      await page.setViewportSize(phone);
      await confirmInReach(page, pass, problems);
    }
  }
  problems.push(...session.errors.map((e) => `page error: ${e.message}`));
  return problems;
}

/** Fails with the whole list, one line a problem. */
function expectNone(problems: string[]): void {
  if (problems.length > 0) throw new Error(`${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
}

/** A pass over `screens` signed in as `email`; after an English pass the account is French again. */
async function signedInPass(pass: Pass, email: string, screens: Screen[], account: () => Promise<Api>, password?: string): Promise<void> {
  const session = await signIn(browser, email, pass.viewport, { password });
  try {
    expectNone(await runPass(session, pass, screens, true));
  } finally {
    await session.context.close();
    if (pass.lang === 'EN') await (await account()).patch('/api/me', { locale: 'fr' });
  }
}

/** The passes given, each in its own describe block, after staging the client they need. */
export function describeEveryScreen(passes: Pass[]): void {
  beforeAll(async () => {
    browser = await launchBrowser();
    const staff = await Api.signIn(PRO);
    const clientEmail = uniqueEmail('every-screen');
    const client = await Api.register({ email: clientEmail, password: PASSWORD, firstName: 'Camille', lastName: 'Roux', locale: 'fr' });
    const { projectId } = await confirmedProject(client, staff);
    // The confirmed booking's service has a default template: its draft is there, sent to sign.
    const [contract] = (await staff.get<{ items: { id: string }[] }>(`/api/contracts?projectId=${projectId}`)).items;
    await staff.post(`/api/contracts/${contract.id}/send`);
    const conversationId = await conversationOf(client);
    await staff.post(`/api/conversations/${conversationId}/messages`, { body: 'Bonjour Camille, votre séance est confirmée. À bientôt au studio !' });
    const services = await client.get<{ items: { id: string; name: string }[] }>('/api/services');
    const templates = await staff.get<{ items: { id: string }[] }>('/api/contract-templates');
    // A gallery in both its shapes of photo, one of them the client's favourite.
    const galleryId = await publishedGallery(staff, projectId, 'Séance portrait de Camille', [
      { name: 'DSC_0101.png', bytes: png(300, 200, [15, 118, 110], [250, 204, 21]) },
      { name: 'DSC_0102.png', bytes: png(200, 300, [120, 80, 60], [240, 220, 200]) },
      { name: 'DSC_0103.png', bytes: png(320, 180, [30, 60, 200], [250, 250, 250]) },
    ]);
    const [favorite] = (await client.get<{ items: { id: string }[] }>(`/api/galleries/${galleryId}/files`)).items;
    await client.request('PUT', `/api/files/${favorite.id}/favorite`);
    const share = await shareGallery(staff, galleryId, '1357');
    const shareSession = await unlockShare(share.token, '1357');
    stage = {
      clientEmail,
      clientId: client.user.id,
      serviceId: services.items.find((s) => s.name === 'Portrait en studio')!.id,
      projectId,
      contractId: contract.id,
      conversationId,
      templateId: templates.items[0].id,
      galleryId,
      shareToken: share.token,
      shareSession,
      client,
    };
  });
  afterAll(async () => {
    await browser?.close();
  });
  describe.each(passes)('every screen, $viewport.name in $lang and $scheme', (pass) => {
    it('the client space', () => signedInPass(pass, stage.clientEmail, clientScreens(), async () => stage.client, PASSWORD));
    it('the professional space', () => signedInPass(pass, PRO, proScreens(), () => Api.signIn(PRO)));
    it('the administrator’s screens', () => signedInPass(pass, ADMIN, adminScreens(), () => Api.signIn(ADMIN)));

    it('the signed-out pages', async () => {
      const session = await newPage(browser, pass.viewport);
      try {
        await session.page.goto('/login');
        expectNone(await runPass(session, pass, publicScreens(), false));
      } finally {
        await session.context.close();
      }
    });
  });
}
