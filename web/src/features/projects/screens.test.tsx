import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../../test/renderScreen';
import type { Project, User } from '../../types/api';
import { projectKeys } from './api';
import { ProjectPage } from './ProjectPage';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('../../lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/auth')>()),
  useAuth: () => ({ status: 'signed-in', user: session.user }),
}));
session.user = { id: 'u1', email: 'marie@example.com', role: 'PROFESSIONNEL', firstName: 'Marie', lastName: 'Curie', phone: null, locale: 'fr', createdAt: '2027-01-01T00:00:00Z' };

const project: Project = {
  id: 'p1',
  status: 'CONFIRMED',
  dueDate: '2027-04-01',
  booking: { id: 'b1', start: '2027-03-28T07:30:00Z', end: '2027-03-28T08:30:00Z' },
  client: { id: 'c1', firstName: 'Chloé', lastName: 'Dubois' },
  service: { id: 's1', name: 'Portrait' },
  timeline: [{ status: 'CONFIRMED', at: '2027-03-20T16:45:00Z', note: null, by: 'u1', byName: 'Marie Curie' }],
  nextStatuses: ['SHOT', 'CANCELLED'],
};

const route = (
  <Routes>
    <Route path="/pro/projects/:id" element={<ProjectPage />} />
  </Routes>
);
const render = (lang: 'fr' | 'en', p: Project = project) => renderScreen(route, { path: '/pro/projects/p1', lang, data: [[projectKeys.one('p1'), p]] });

describe('a project’s due date', () => {
  it('in French: a date field that reads "1 avril 2027", with its label and a clear button', async () => {
    const html = await render('fr');
    expect(html).not.toMatch(/type="date"/);
    const id = /<label[^>]*for="([^"]+)"[^>]*>Échéance<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toMatch(new RegExp(`<button[^>]*id="${id}"[^>]*>1 avril 2027</button>`));
    expect(html).toContain('aria-label="Effacer"');
    // What the form keeps (and sends when changed) is still the API's day.
    expect(html).toContain('<input type="hidden" value="2027-04-01"/>');
    // The times around it: 24-hour clock.
    expect(html).toContain('28 mars 2027, 09:30');
    expect(html).not.toMatch(/\b(AM|PM)\b/);
  });

  it('in English: "1 April 2027", times on the same clock', async () => {
    const html = await render('en');
    expect(html).toMatch(/<button[^>]*>1 April 2027<\/button>/);
    expect(html).toContain('20 Mar 2027, 17:45');
    expect(html).not.toMatch(/\b(AM|PM|am|pm)\b/);
  });

  it('without a due date, an empty field', async () => {
    const html = await render('fr', { ...project, dueDate: null });
    expect(html).toMatch(/<label[^>]*>Échéance<\/label>/);
    expect(html).not.toContain('aria-label="Effacer"');
  });
});
