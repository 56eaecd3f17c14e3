import { afterEach, describe, expect, it, vi } from 'vitest';
import { availabilityKeys } from '../../features/availability/api';
import { serviceKeys } from '../../features/services/api';
import { settingsKeys } from '../../features/settings/api';
import { userKeys } from '../../features/users/api';
import { renderScreen } from '../../test/renderScreen';
import type { Role, Service, User } from '../../types/api';
import { DashboardPage } from './DashboardPage';
import { checklistVisible, gettingStartedSteps, hasStudioDetails, loadDismissed, saveDismissed, type Facts } from './gettingStarted';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('../../lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/auth')>()),
  useAuth: () => ({ status: 'signed-in', user: session.user }),
}));

function signedInAs(role: Role): void {
  session.user = { id: 'u1', email: 'marie@example.com', role, firstName: 'Marie', lastName: 'Curie', phone: null, locale: 'fr', createdAt: '2027-01-01T00:00:00Z' };
}

/** A browser's storage, for the tests that hide the card. */
function fakeStorage(): void {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) });
}
afterEach(() => vi.unstubAllGlobals());

const plain = (html: string) => html.replace(/\u00a0|&nbsp;|\u202f/g, ' ').replace(/&#x27;/g, "'");

const brandNew: Facts = { workingRanges: 0, activeServices: 0, studioDetails: false, clients: 0 };

describe('the getting-started steps', () => {
  it('waits for every answer before saying anything', () => {
    expect(gettingStartedSteps({ ...brandNew, clients: undefined })).toBeNull();
    expect(gettingStartedSteps({ ...brandNew, studioDetails: undefined })).toBeNull();
    expect(checklistVisible(null, false)).toBe(false);
  });

  it('lists the four steps of a brand-new studio, none done, each with its screen', () => {
    expect(gettingStartedSteps(brandNew)).toEqual([
      { key: 'hours', to: '/pro/availability', done: false },
      { key: 'service', to: '/pro/services', done: false },
      { key: 'studio', to: '/pro/settings', done: false },
      { key: 'client', to: '/pro/clients', done: false },
    ]);
  });

  it('marks each step done from the data, and leaves the studio details to an ADMIN', () => {
    const steps = gettingStartedSteps({ workingRanges: 5, activeServices: 0, studioDetails: true, clients: 2 })!;
    expect(steps.filter((s) => s.done).map((s) => s.key)).toEqual(['hours', 'studio', 'client']);
    expect(gettingStartedSteps({ ...brandNew, studioDetails: null })!.map((s) => s.key)).toEqual(['hours', 'service', 'client']);
  });

  it('shows the card while a step is left, and never once hidden', () => {
    const all = gettingStartedSteps({ workingRanges: 1, activeServices: 1, studioDetails: true, clients: 1 });
    expect(checklistVisible(all, false)).toBe(false);
    expect(checklistVisible(gettingStartedSteps(brandNew), false)).toBe(true);
    expect(checklistVisible(gettingStartedSteps(brandNew), true)).toBe(false);
  });

  it('counts the studio details filled in only with both the legal name and the address', () => {
    expect(hasStudioDetails({ legalName: 'Studio Lumière SARL', legalAddress: '3 rue des Arts, Lyon' })).toBe(true);
    expect(hasStudioDetails({ legalName: 'Studio Lumière SARL', legalAddress: '  ' })).toBe(false);
    expect(hasStudioDetails({ legalName: null, legalAddress: '3 rue des Arts' })).toBe(false);
    expect(hasStudioDetails({})).toBe(false);
  });

  it('remembers that a user hid it, in this browser and for that user only', () => {
    expect(loadDismissed('u1')).toBe(false); // no storage at all
    fakeStorage();
    expect(loadDismissed('u1')).toBe(false);
    saveDismissed('u1');
    expect(loadDismissed('u1')).toBe(true);
    expect(loadDismissed('u2')).toBe(false);
  });
});

const service = (active: boolean): Service => ({
  id: 's1',
  name: 'Portrait',
  description: null,
  durationMinutes: 60,
  priceCents: 15000,
  currency: 'EUR',
  depositCents: 0,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeHours: 24,
  category: null,
  active,
});
const settings = (legal: boolean) => ({
  studioName: 'Studio',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  locale: 'fr',
  slotStepMinutes: 15,
  bookingHorizonMonths: 12,
  maxOpenRequestsPerClient: 3,
  requestExpiryHours: 48,
  legalName: legal ? 'Studio Lumière SARL' : null,
  legalAddress: legal ? '3 rue des Arts, Lyon' : null,
});
const clientPage = (n: number) => ({
  pages: [{ items: Array.from({ length: n }, (_, i) => ({ ...session.user!, id: `c${i}`, role: 'CLIENT', email: `c${i}@example.com` })), nextCursor: null }],
  pageParams: [null],
});

interface Studio {
  hours: boolean;
  services: Service[];
  legal: boolean;
  clients: number;
}
const dashboard = ({ hours, services, legal, clients }: Studio, lang: 'fr' | 'en' = 'fr') =>
  renderScreen(<DashboardPage />, {
    path: '/pro',
    lang,
    data: [
      [availabilityKeys.weekly, hours ? [{ weekday: 1, start: '09:00', end: '18:00' }] : []],
      [serviceKeys.list(true), services],
      [settingsKeys.all, settings(legal)],
      [userKeys.list('CLIENT', ''), clientPage(clients)],
    ],
  }).then(plain);

describe('the dashboard of a new studio', () => {
  it('shows the checklist, as a list whose states are words, in place of empty cards', async () => {
    signedInAs('ADMIN');
    const html = await dashboard({ hours: false, services: [], legal: false, clients: 0 });
    expect(html).toContain('aria-labelledby="getting-started"');
    expect(html).toMatch(/<h2[^>]*id="getting-started"[^>]*>Bien démarrer<\/h2>/);
    expect(html).toContain('0 sur 4 faites.');
    expect(html).toMatch(/<ol[^>]*role="list"/);
    expect(html.match(/<li/g)).toHaveLength(4);
    expect(html.match(/>À faire</g)).toHaveLength(4);
    for (const [href, text] of [
      ['/pro/availability', 'Définir vos horaires de travail'],
      ['/pro/services', 'Créer votre première prestation'],
      ['/pro/settings', 'Compléter les informations du studio'],
      ['/pro/clients', 'Inviter un client'],
    ]) {
      expect(html).toMatch(new RegExp(`<a[^>]*href="${href}"[^>]*>${text}</a>`));
    }
    expect(html).toContain('Masquer cette liste');
    // No client yet: the requests, the week and the clients cards can only be empty.
    expect(html).not.toContain('Demandes à traiter');
    expect(html).not.toContain('Aucun client pour l');
  });

  it('says which steps are done, and brings the usual cards back once there is a client', async () => {
    signedInAs('ADMIN');
    const html = await dashboard({ hours: true, services: [service(true)], legal: false, clients: 1 });
    expect(html).toContain('3 sur 4 faites.');
    expect(html.match(/>Fait</g)).toHaveLength(3);
    expect(html).toMatch(/Compléter les informations du studio.*?>À faire</);
    expect(html).toContain('Demandes à traiter');
  });

  it('does not count an archived service', async () => {
    signedInAs('ADMIN');
    expect(await dashboard({ hours: true, services: [service(false)], legal: true, clients: 1 })).toMatch(/Créer votre première prestation.*?>À faire</);
  });

  it('is gone once every step is done', async () => {
    signedInAs('ADMIN');
    const html = await dashboard({ hours: true, services: [service(true)], legal: true, clients: 1 });
    expect(html).not.toContain('getting-started');
    expect(html).toContain('Demandes à traiter');
  });

  it('is gone once hidden by this user', async () => {
    signedInAs('ADMIN');
    fakeStorage();
    saveDismissed('u1');
    const html = await dashboard({ hours: false, services: [], legal: false, clients: 0 });
    expect(html).not.toContain('getting-started');
    expect(html).toContain('Demandes à traiter');
  });

  it('leaves the studio details out for a professional, who cannot open the settings', async () => {
    signedInAs('PROFESSIONNEL');
    const html = await dashboard({ hours: false, services: [], legal: false, clients: 0 });
    expect(html).toContain('0 sur 3 faites.');
    expect(html).not.toContain('/pro/settings');
  });

  it('speaks English too', async () => {
    signedInAs('ADMIN');
    const html = await dashboard({ hours: true, services: [], legal: false, clients: 0 }, 'en');
    expect(html).toContain('Get started');
    expect(html).toContain('1 of 4 done.');
    for (const text of ['Set your working hours', 'Create your first service', 'Fill in the studio details', 'Invite a client', '>Done<', '>To do<', 'Hide this list']) {
      expect(html).toContain(text);
    }
  });
});
