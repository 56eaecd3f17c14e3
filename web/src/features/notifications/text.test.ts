import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import fr from '../../locales/fr/translation.json';
import type { AppNotification } from './api';
import { notificationLink, notificationText, sentenceKey } from './text';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr' }));

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

function notification(type: string, data: Record<string, unknown>, kind: AppNotification['kind'] = 'bookings'): AppNotification {
  return { id: 'n1', kind, type, subjectId: 's1', data, createdAt: '2027-03-10T09:00:00Z', readAt: null };
}

const booking = { bookingId: 'b1', serviceName: 'Portrait en studio', start: '2027-03-12T09:00:00Z', status: 'PENDING', clientName: 'Chloé Dubois', byClient: true };

function say(n: AppNotification, audience: 'staff' | 'client', lang: 'fr' | 'en') {
  const { sentence, detail } = notificationText(n, audience, i18n.getFixedT(lang), lang, 'Europe/Paris');
  return { sentence: plain(sentence), detail };
}

describe('notification sentences', () => {
  it('every type has a sentence for each reader, in French and English', () => {
    const types = ['booking.requested', 'booking.confirmed', 'booking.declined', 'booking.cancelled', 'booking.rescheduled', 'booking.expired', 'booking_expired', 'project.status_changed', 'message.created', 'contract.sent', 'contract.signed', 'contract.countersigned'];
    for (const type of types)
      for (const byClient of [true, false])
        for (const audience of ['staff', 'client'] as const)
          for (const lang of ['fr', 'en'] as const) {
            const key = sentenceKey(notification(type, { ...booking, byClient }), audience);
            expect(i18n.exists(key, { lng: lang }), `${key} (${lang})`).toBe(true);
          }
  });

  it('says who did what, when (studio time), and why', () => {
    expect(say(notification('booking.requested', booking), 'staff', 'fr').sentence).toMatch(/^Chloé Dubois demande une séance « Portrait en studio » le 12 mars 2027.*10:00\.$/);
    expect(say(notification('booking.confirmed', booking), 'client', 'en').sentence).toMatch(/^Your “Portrait en studio” session on 12 Mar 2027.*10:00 is confirmed\.$/);
    const declined = say(notification('booking.declined', { ...booking, byClient: false, reason: 'Studio fermé' }), 'client', 'fr');
    expect(declined.detail).toBe('Motif : Studio fermé');
    expect(say(notification('booking.cancelled', { ...booking, byClient: false }), 'client', 'fr').sentence).toMatch(/^Le studio a annulé/);
    expect(say(notification('booking.cancelled', booking), 'client', 'fr').sentence).toMatch(/^Vous avez annulé/);
    expect(say(notification('booking.cancelled', booking), 'staff', 'en').sentence).toMatch(/^Chloé Dubois cancelled/);
  });

  it('tells both sides that a request expired unanswered, and the client that the time is free again', () => {
    const expired = { ...booking, status: 'EXPIRED', byClient: false, clientId: 'u1' };
    expect(say(notification('booking.expired', expired), 'client', 'fr')).toEqual({
      sentence: expect.stringMatching(/^Votre demande « Portrait en studio » du 12 mars 2027.*10:00 a expiré sans réponse du studio : le créneau est de nouveau libre\.$/),
      detail: null,
    });
    expect(say(notification('booking.expired', expired), 'staff', 'fr').sentence).toMatch(/^La demande « Portrait en studio » de Chloé Dubois du 12 mars 2027.*10:00 a expiré sans réponse\.$/);
    expect(say(notification('booking_expired', expired), 'staff', 'en').sentence).toMatch(/^Chloé Dubois's “Portrait en studio” request for 12 Mar 2027.*10:00 expired unanswered\.$/);
  });

  it('names the project step and quotes the message', () => {
    const project = notification('project.status_changed', { projectId: 'p1', serviceName: 'Portrait', from: 'CONFIRMED', to: 'SHOT', note: 'Merci !' }, 'projects');
    expect(say(project, 'client', 'fr')).toEqual({ sentence: 'Votre projet « Portrait » passe à l\'étape « Séance faite ».', detail: 'Note : Merci !' });
    const message = notification('message.created', { conversationId: 'c1', messageId: 'm1', authorName: 'Paul Lefèvre', excerpt: 'Vos photos sont prêtes' }, 'messages');
    expect(say(message, 'client', 'en')).toEqual({ sentence: 'New message from Paul Lefèvre', detail: '“Vos photos sont prêtes”' });
    expect(say(message, 'staff', 'fr').detail).toBe('« Vos photos sont prêtes »');
  });

  it('names the contract: to sign for the client, signed for the studio', () => {
    const data = { contractId: 'k1', projectId: 'p1', title: 'Contrat de mariage', clientName: 'Chloé Dubois' };
    expect(say(notification('contract.sent', data, 'contracts' as AppNotification['kind']), 'client', 'fr').sentence).toBe('Un contrat vous attend : « Contrat de mariage ».');
    expect(say(notification('contract.signed', data), 'staff', 'fr').sentence).toBe('Chloé Dubois a signé le contrat « Contrat de mariage ».');
    expect(say(notification('contract.signed', data), 'staff', 'en').sentence).toBe('Chloé Dubois signed the contract “Contrat de mariage”.');
    expect(say(notification('contract.countersigned', data), 'client', 'en').sentence).toBe('The studio countersigned your contract “Contrat de mariage”.');
  });

  it('an unknown type still reads as a sentence', () => {
    expect(say(notification('gallery.published', {}), 'client', 'fr').sentence).toBe('Du nouveau dans votre espace.');
  });
});

describe('notification links', () => {
  it('lead where the contract says, for staff and for clients', () => {
    const project = notification('project.status_changed', { projectId: 'p1' }, 'projects');
    const message = notification('message.created', { conversationId: 'c1' }, 'messages');
    expect(notificationLink(notification('booking.requested', booking), 'staff')).toBe('/pro/requests');
    expect(notificationLink(notification('booking.confirmed', booking), 'staff')).toBe('/pro/calendar');
    expect(notificationLink(notification('booking.confirmed', booking), 'client')).toBe('/client/bookings');
    expect(notificationLink(project, 'staff')).toBe('/pro/projects/p1');
    expect(notificationLink(project, 'client')).toBe('/client/projects/p1');
    expect(notificationLink(message, 'staff')).toBe('/pro/messages/c1');
    expect(notificationLink(message, 'client')).toBe('/client/messages');
  });

  it('a contract leads staff to its project’s contract and the client to the contract’s page', () => {
    const data = { contractId: 'k 1', projectId: 'p1', title: 'Contrat', clientName: 'Chloé Dubois' };
    expect(notificationLink(notification('contract.signed', data), 'staff')).toBe('/pro/projects/p1#contract');
    expect(notificationLink(notification('contract.sent', data), 'client')).toBe('/client/contracts/k%201');
    expect(notificationLink(notification('contract.countersigned', { title: 'Contrat' }), 'client')).toBe('/client/contracts/s1');
    expect(notificationLink(notification('contract.signed', {}), 'staff')).toBe('/pro/contracts');
  });

  it('an expired request leads staff to the client (it is in no queue any more) and the client to their bookings', () => {
    const expired = notification('booking.expired', { ...booking, clientId: 'u 1' });
    expect(notificationLink(expired, 'staff')).toBe('/pro/clients/u%201');
    expect(notificationLink(expired, 'client')).toBe('/client/bookings');
    expect(notificationLink(notification('booking_expired', { ...booking, clientId: 'u1' }), 'client')).toBe('/client/bookings');
    expect(notificationLink(notification('booking.expired', booking), 'staff')).toBe('/pro/requests');
  });
});
