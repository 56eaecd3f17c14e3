import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import fr from '../../locales/fr/translation.json';
import { inviteHelpKey } from './InviteModal';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr' }));

describe('invitation help', () => {
  it('tells a client invitation from a team member one, in French and English', () => {
    const help = (role: 'CLIENT' | 'PROFESSIONNEL' | 'ADMIN', lng: 'fr' | 'en') => i18n.t(inviteHelpKey(role), { lng });
    expect(help('CLIENT', 'fr')).toMatch(/^Le client reçoit un e-mail/);
    expect(help('CLIENT', 'en')).toMatch(/^The client receives an email/);
    for (const role of ['PROFESSIONNEL', 'ADMIN'] as const) {
      expect(help(role, 'fr')).toMatch(/^Le nouveau membre de l'équipe reçoit une invitation par e-mail/);
      expect(help(role, 'en')).toMatch(/^The new team member receives an invitation email/);
      expect(help(role, 'en')).not.toMatch(/client/i);
    }
  });
});
