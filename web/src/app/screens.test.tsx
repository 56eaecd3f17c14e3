import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Role, User } from '../types/api';
import { NotFoundPage } from '../components/StatusPages';
import { LoginPage } from '../features/auth/LoginPage';
import { renderScreen, titleOf } from '../test/renderScreen';
import { RequireSpace } from './RequireSpace';
import { DashboardPage } from './routes/DashboardPage';
import ClientSpace from './spaces/ClientSpace';
import ProfessionalSpace from './spaces/ProfessionalSpace';
import { galleryKeys } from '../features/galleries/api';

// Who is signed in, for every screen of this file.
const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('../lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../lib/auth')>()),
  useAuth: () => ({ status: session.user ? 'signed-in' : 'anonymous', user: session.user }),
}));

function signedInAs(role: Role): void {
  session.user = { id: 'u1', email: 'marie@example.com', role, firstName: 'Marie', lastName: 'Curie', phone: null, locale: 'fr', createdAt: '2027-01-01T00:00:00Z' };
}

/** The professional space at `path`, behind its guard, as the app routes it. */
const proSpace = (
  <Routes>
    <Route
      path="pro/*"
      element={
        <RequireSpace space="professional">
          <ProfessionalSpace />
        </RequireSpace>
      }
    />
  </Routes>
);

describe('pages the account may not open', () => {
  it('a PROFESSIONNEL on an ADMIN page is told it is for administrators', async () => {
    signedInAs('PROFESSIONNEL');
    for (const path of ['/pro/settings', '/pro/users']) {
      const html = await renderScreen(proSpace, { path });
      expect(html).toContain('réservée aux administrateurs du studio');
      expect(html).not.toContain('espace professionnel du studio');
    }
    expect(await renderScreen(proSpace, { path: '/pro/settings', lang: 'en' })).toContain('administrators. Ask one of them');
  });

  it('a client on a professional page is told it belongs to the professional space', async () => {
    signedInAs('CLIENT');
    const html = await renderScreen(proSpace, { path: '/pro/settings' });
    expect(html).toContain('espace professionnel du studio');
    expect(html).not.toContain('administrateurs');
  });
});

describe('contracts in the professional space', () => {
  it('has "Contrats" in the navigation, the contracts list and the templates at their addresses', async () => {
    signedInAs('PROFESSIONNEL');
    const list = await renderScreen(proSpace, { path: '/pro/contracts' });
    expect(list).toMatch(/href="\/pro\/contracts"[^>]*>.*Contrats/);
    expect(titleOf(list)).toBe('Contrats · Déclic');
    expect(titleOf(await renderScreen(proSpace, { path: '/pro/contracts/templates' }))).toBe('Modèles de contrat · Déclic');
    expect(titleOf(await renderScreen(proSpace, { path: '/pro/contracts/templates/new', lang: 'en' }))).toBe('New contract template · Déclic');
  });
});

describe('galleries in each space', () => {
  it('staff have "Galeries" in the navigation and the list of every gallery', async () => {
    signedInAs('PROFESSIONNEL');
    const html = await renderScreen(proSpace, { path: '/pro/galleries', data: [[galleryKeys.list(null), []]] });
    expect(html).toMatch(/href="\/pro\/galleries"[^>]*>.*Galeries/);
    expect(titleOf(html)).toBe('Galeries · Déclic');
    expect(html).toContain('Aucune galerie pour l&#x27;instant.');
  });

  it('a client has them in the tabs and in the phone’s bottom bar, which leaves the profile to the account menu', async () => {
    signedInAs('CLIENT');
    const clientSpace = (
      <Routes>
        <Route path="client/*" element={<ClientSpace />} />
      </Routes>
    );
    const html = await renderScreen(clientSpace, { path: '/client/bookings' });
    const tabs = /<nav[^>]*class="client-nav[^"]*"[^>]*>(.*?)<\/nav>/.exec(html)?.[1] ?? '';
    const bar = /<nav[^>]*class="[^"]*client-tabbar[^"]*"[^>]*>(.*?)<\/nav>/.exec(html)?.[1] ?? '';
    // The long label from a laptop's width, the short one on a tablet.
    expect(tabs).toMatch(/href="\/client\/galleries"[^>]*><span class="[^"]*mantine-visible-from-md[^"]*">Mes galeries<\/span><span class="[^"]*mantine-hidden-from-md[^"]*">Galeries<\/span>/);
    expect(tabs).toContain('href="/client/profile"');
    expect(bar).toContain('data-label="Galeries"');
    expect(bar.match(/class="client-tabbar-item/g)).toHaveLength(6);
    expect(bar).not.toContain('href="/client/profile"');
  });
});

describe('document titles', () => {
  it('names each screen, in the language on screen', async () => {
    session.user = null;
    expect(titleOf(await renderScreen(<LoginPage />, { path: '/login' }))).toBe('Connexion · Déclic');
    expect(titleOf(await renderScreen(<LoginPage />, { path: '/login', lang: 'en' }))).toBe('Sign in · Déclic');
    expect(titleOf(await renderScreen(<NotFoundPage />, { lang: 'en' }))).toBe('Page not found · Déclic');
  });

  it('uses the section, not the greeting, for the dashboard', async () => {
    signedInAs('PROFESSIONNEL');
    expect(titleOf(await renderScreen(<DashboardPage />, { path: '/pro' }))).toBe('Tableau de bord · Déclic');
    expect(titleOf(await renderScreen(<DashboardPage />, { path: '/pro', lang: 'en' }))).toBe('Dashboard · Déclic');
  });
});

describe('the account button', () => {
  it('is named by the first name it shows, then what it is (no aria-label hiding the visible text)', async () => {
    signedInAs('PROFESSIONNEL');
    const html = await renderScreen(proSpace, { path: '/pro/profile' });
    const button = /<button[^>]*data-testid="user-menu"[^>]*>(.*?)<\/button>/.exec(html);
    expect(button).not.toBeNull();
    expect(button![0]).not.toMatch(/<button[^>]*aria-label=/);
    const text = button![1].replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/Marie\s+Mon compte/);
  });
});
