import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegisterPage } from '../../features/auth/RegisterPage';
import { PENDING_KEY } from '../../features/bookings/pendingChoice';
import { serviceKeys } from '../../features/services/queries';
import { queryRoots } from '../../lib/queryKeys';
import { renderScreen, titleOf } from '../../test/renderScreen';
import type { Role, Service, Studio, User } from '../../types/api';
import { PublicLayout } from '../layouts/PublicLayout';
import { AppRoutes } from '../router';
import { PendingChoiceNotice } from './PendingChoiceNotice';
import PublicBookingPage from './PublicBookingPage';
import { StudioPage, telHref } from './StudioPage';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('../../lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/auth')>()),
  useAuth: () => ({ status: session.user ? 'signed-in' : 'anonymous', user: session.user }),
}));

function signedInAs(role: Role | null): void {
  session.user = role && { id: 'u1', email: 'lea@example.com', role, firstName: 'Léa', lastName: 'Martin', phone: null, locale: 'fr', createdAt: '2027-01-01T00:00:00Z' };
}

/** French typography's spaces as plain ones, and apostrophes as typed. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|\u202f/g, ' ').replace(/&#x27;/g, "'");

const studio: Studio = {
  name: 'Atelier Lumière',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  locale: 'fr',
  presentation: 'Portraits et mariages en lumière naturelle.',
  contactEmail: 'bonjour@atelier.fr',
  contactPhone: '+33 6 12 34 56 78',
  address: '12 rue des Arts\n75011 Paris',
  accentColor: '#be185d',
};

const portrait: Service = {
  id: 's1',
  name: 'Portrait en studio',
  description: 'Une heure de portrait, retouches comprises.',
  durationMinutes: 90,
  priceCents: 15000,
  currency: 'EUR',
  depositCents: 5000,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeHours: 0,
  category: null,
  active: true,
};

const data = (s: Studio = studio, services: Service[] = [portrait]): [readonly unknown[], unknown][] => [
  [queryRoots.studio, s],
  [serviceKeys.list(false), services],
  [serviceKeys.one('s1'), portrait],
];

afterEach(() => {
  signedInAs(null);
  vi.unstubAllGlobals();
});

const studioPage = (
  <PublicLayout>
    <StudioPage />
  </PublicLayout>
);

describe('the studio’s public page', () => {
  it('shows the studio, its contact and its services, each with Réserver, to a visitor', async () => {
    const html = plain(await renderScreen(studioPage, { data: data() }));
    expect(titleOf(html)).toBe('Atelier Lumière · Déclic');
    expect(html).toMatch(/<h1[^>]*>Atelier Lumière<\/h1>/);
    expect(html).toContain('Portraits et mariages en lumière naturelle.');
    expect(html).toContain('href="tel:+33612345678"');
    expect(html).toContain('href="mailto:bonjour@atelier.fr"');
    expect(html).toContain('12 rue des Arts\n75011 Paris');
    expect(html).toMatch(/<h3[^>]*>Portrait en studio<\/h3>/);
    expect(html).toContain('Une heure de portrait, retouches comprises.');
    expect(html).toContain('1 h 30');
    expect(html).toContain('150,00 €');
    expect(html).toContain('Acompte : 50,00 €');
    expect(html).toContain('href="/book/s1"');
    expect(html).toContain('aria-label="Réserver — Portrait en studio"');
    expect(html).toMatch(/href="\/login"[^>]*>.*Se connecter/);
  });

  it('speaks English too', async () => {
    const html = await renderScreen(studioPage, { data: data(), lang: 'en' });
    expect(html).toContain('€150.00');
    expect(html).toContain('Deposit: €50.00');
    expect(html).toContain('aria-label="Book — Portrait en studio"');
    expect(html).toContain('Sign in');
    expect(html).toContain('>Services</h2>');
  });

  it('looks finished without presentation, contact or services', async () => {
    const bare: Studio = { ...studio, presentation: null, contactEmail: null, contactPhone: null, address: null, accentColor: null };
    const html = plain(await renderScreen(studioPage, { data: data(bare, []) }));
    expect(html).toContain('Choisissez une prestation, puis le jour et l\'heure qui vous conviennent');
    expect(html).not.toContain('id="contact-heading"');
    expect(html).toContain("Aucune prestation n'est proposée en ligne pour le moment.");
  });

  it('is the home page of a visitor; someone signed in is offered their space', async () => {
    const html = plain(await renderScreen(<AppRoutes />, { data: data(), path: '/' }));
    expect(html).toMatch(/<h1[^>]*>Atelier Lumière<\/h1>/);
    signedInAs('CLIENT');
    const mine = plain(await renderScreen(<AppRoutes />, { data: data(), path: '/studio' }));
    expect(mine).toMatch(/href="\/client"[^>]*>.*Mon espace/);
    expect(mine).not.toContain('Se connecter');
  });

  it('writes a phone number as tel: takes it', () => {
    expect(telHref('+33 6 12 34 56 78')).toBe('tel:+33612345678');
    expect(telHref('06.12.34.56.78')).toBe('tel:0612345678');
  });
});

const servicePage = (
  <Routes>
    <Route
      path="book/:serviceId"
      element={
        <PublicLayout>
          <PublicBookingPage />
        </PublicLayout>
      }
    />
  </Routes>
);

function withPendingChoice(serviceId = 's1') {
  const map = new Map<string, string>([
    [PENDING_KEY, JSON.stringify({ serviceId, serviceName: 'Portrait en studio', start: '2027-03-02T09:00:00Z', end: '2027-03-02T10:30:00Z', key: 'k1', savedAt: Date.now() })],
  ]);
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => map.set(k, v), removeItem: (k: string) => map.delete(k) });
}

describe('a service’s public booking page', () => {
  it('shows the service and its calendar to a visitor, with a way to sign in that comes back', async () => {
    const html = plain(await renderScreen(servicePage, { data: data(), path: '/book/s1' }));
    expect(titleOf(html)).toBe('Portrait en studio · Déclic');
    expect(html).toMatch(/<h1[^>]*>Portrait en studio<\/h1>/);
    expect(html).toContain('Acompte : 50,00 €');
    expect(html).toContain('aria-label="Choisir un jour"');
    expect(html).toContain('href="/login?next=%2Fbook%2Fs1"');
    expect(html).toMatch(/href="\/"[^>]*>.*Toutes les prestations/);
  });

  it('keeps a visitor’s choice on screen, with Continuer to sign up', async () => {
    withPendingChoice();
    const html = plain(await renderScreen(servicePage, { data: data(), path: '/book/s1' }));
    expect(html).toContain('data-testid="booking-summary"');
    expect(html).toContain('Portrait en studio — 2 mars 2027, 10:00 (heure de Paris)');
    expect(html).toContain('Continuer');
    expect(html).toContain('créez votre compte (ou connectez-vous)');
    expect(html).not.toContain('Confirmer la réservation');
  });

  it('books a signed-in client’s waiting choice at once', async () => {
    withPendingChoice();
    signedInAs('CLIENT');
    const html = plain(await renderScreen(servicePage, { data: data(), path: '/book/s1' }));
    expect(html).toContain('Réservation en cours…');
    expect(html).not.toContain('aria-label="Choisir un jour"');
  });

  it('lets a signed-in client without a waiting choice confirm in one step', async () => {
    signedInAs('CLIENT');
    const html = plain(await renderScreen(servicePage, { data: data(), path: '/book/s1', lang: 'en' }));
    expect(html).toContain('aria-label="Choose a day"');
    expect(html).not.toContain('Booking your session');
  });

  it('tells staff the page is for their clients', async () => {
    signedInAs('PROFESSIONNEL');
    const html = plain(await renderScreen(servicePage, { data: data(), path: '/book/s1' }));
    expect(html).toContain('Cette page est destinée à vos clients');
    expect(html).not.toContain('aria-label="Choisir un jour"');
    const en = await renderScreen(servicePage, { data: data(), path: '/book/s1', lang: 'en' });
    expect(en).toContain('This page is for your clients');
  });
});

describe('the sign-up page with a booking waiting', () => {
  const register = (
    <Routes>
      <Route path="register" element={<RegisterPage notice={<PendingChoiceNotice />} />} />
    </Routes>
  );

  it('recalls the choice and keeps it across the switch to sign in', async () => {
    withPendingChoice();
    const html = plain(await renderScreen(register, { data: data(), path: '/register?next=%2Fbook%2Fs1' }));
    expect(html).toContain('Votre réservation vous attend');
    expect(html).toContain('Portrait en studio — 2 mars 2027, 10:00 (heure de Paris)');
    expect(html).toContain('href="/login?next=%2Fbook%2Fs1"');
  });

  it('says nothing of a choice the page does not lead back to', async () => {
    withPendingChoice();
    const html = plain(await renderScreen(register, { data: data(), path: '/register' }));
    expect(html).not.toContain('Votre réservation vous attend');
    expect(html).toContain('href="/login"');
  });
});
