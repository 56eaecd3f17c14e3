import { describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../../test/renderScreen';
import type { User } from '../../types/api';
import { AdminRoleConfirm } from './AdminRoleConfirm';
import { userKeys } from './api';
import { inviteErrors } from './InviteModal';
import { needsConfirmation, roleStep } from './roleChange';
import { UsersPage } from './UsersPage';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('../../lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/auth')>()),
  useAuth: () => ({ status: 'signed-in', user: session.user }),
}));

const person = (id: string, role: User['role'], firstName: string): User => ({
  id,
  email: `${id}@example.com`,
  role,
  firstName,
  lastName: 'Martin',
  phone: null,
  locale: 'fr',
  createdAt: '2027-01-01T00:00:00Z',
});

/** French typography's spaces as plain ones, and apostrophes as typed. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|\u202f/g, ' ').replace(/&#x27;/g, "'");

describe('changing a role', () => {
  it('asks before giving the ADMIN role, never before the others', () => {
    expect(needsConfirmation('PROFESSIONNEL', 'ADMIN')).toBe(true);
    expect(needsConfirmation('CLIENT', 'ADMIN')).toBe(true);
    expect(needsConfirmation('ADMIN', 'ADMIN')).toBe(false);
    expect(needsConfirmation('ADMIN', 'PROFESSIONNEL')).toBe(false);
    expect(needsConfirmation('CLIENT', 'PROFESSIONNEL')).toBe(false);
  });

  it('saves ADMIN only once confirmed; cancelling saves nothing', () => {
    const picked = roleStep('PROFESSIONNEL', null, { type: 'pick', role: 'ADMIN' });
    expect(picked).toEqual({ pending: 'ADMIN', apply: null });
    expect(roleStep('PROFESSIONNEL', picked.pending, { type: 'cancel' })).toEqual({ pending: null, apply: null });
    expect(roleStep('PROFESSIONNEL', picked.pending, { type: 'confirm' })).toEqual({ pending: null, apply: 'ADMIN' });
  });

  it('saves any other change at once, and ignores picking the current role', () => {
    expect(roleStep('CLIENT', null, { type: 'pick', role: 'PROFESSIONNEL' })).toEqual({ pending: null, apply: 'PROFESSIONNEL' });
    expect(roleStep('ADMIN', null, { type: 'pick', role: 'CLIENT' })).toEqual({ pending: null, apply: 'CLIENT' });
    expect(roleStep('ADMIN', null, { type: 'pick', role: 'ADMIN' })).toEqual({ pending: null, apply: null });
    expect(roleStep('CLIENT', null, { type: 'pick', role: null })).toEqual({ pending: null, apply: null });
  });
});

describe('the administrator confirmation', () => {
  it('says what an administrator can do, starts on Cancel and names the confirm button', async () => {
    const html = plain(await renderScreen(<AdminRoleConfirm name="Léa Martin" opened onConfirm={() => undefined} onCancel={() => undefined} />, { inline: true }));
    expect(html).toContain('Nommer Léa Martin administrateur ?');
    expect(html).toContain('Un administrateur peut tout faire');
    expect(html).toContain('modifier les réglages du studio');
    expect(html).toContain('changer le rôle de chacun, y compris le vôtre');
    expect(html).toMatch(/<ul[^>]*>(.*<li.*){3}<\/ul>/);
    expect(html).toMatch(/<button[^>]*data-autofocus="true"[^>]*>.*?Annuler/);
    expect(html).toContain('Oui, nommer administrateur');
    expect(html).toContain('aria-label="Fermer"');

    const english = plain(await renderScreen(<AdminRoleConfirm name="Léa Martin" opened onConfirm={() => undefined} onCancel={() => undefined} />, { inline: true, lang: 'en' }));
    expect(english).toContain('Make Léa Martin an administrator?');
    expect(english).toContain('change the studio settings');
    expect(english).toContain("change anyone's role, yours included");
    expect(english).toContain('Yes, make them an administrator');
  });

  it('is closed on the users page until ADMIN is picked; the select shows the saved role', async () => {
    session.user = person('me', 'ADMIN', 'Marie');
    const lea = person('u2', 'PROFESSIONNEL', 'Léa');
    const html = plain(await renderScreen(<UsersPage />, { inline: true, data: [[userKeys.list(null, ''), { pages: [{ items: [session.user, lea], nextCursor: null }], pageParams: [null] }]] }));
    expect(html).toContain('u2@example.com');
    expect(html).toMatch(/aria-label="Rôle — u2@example.com"[^>]*value="Professionnel"|value="Professionnel"[^>]*aria-label="Rôle — u2@example.com"/);
    expect(html).not.toContain('Nommer Léa Martin administrateur');
  });
});

describe('adding an administrator', () => {
  const values = { firstName: 'Léa', lastName: 'Martin', email: 'lea@example.com', phone: '', role: 'ADMIN', understood: '' };

  it('needs the box saying what an administrator can do ticked', () => {
    expect(inviteErrors(values)).toEqual({ understood: 'users.adminConfirm.checkRequired' });
    expect(inviteErrors({ ...values, understood: 'yes' })).toEqual({});
    expect(inviteErrors({ ...values, role: 'PROFESSIONNEL' })).toEqual({});
    expect(inviteErrors({ ...values, role: 'CLIENT' })).toEqual({});
  });
});
