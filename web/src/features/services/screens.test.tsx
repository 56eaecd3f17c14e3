import { describe, expect, it } from 'vitest';
import i18n from '../../lib/i18n';
import en from '../../locales/en/translation.json';
import fr from '../../locales/fr/translation.json';
import { renderScreen } from '../../test/renderScreen';
import type { Service } from '../../types/api';
import { serviceKeys } from './api';
import { CatalogPage } from './CatalogPage';
import { noticeText } from './notice';
import { ServiceModal } from './ServiceModal';
import { ServicesPage } from './ServicesPage';

/** French typography's spaces as plain ones, and apostrophes as typed. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|\u202f/g, ' ').replace(/&#x27;/g, "'");

const portrait: Service = {
  id: 's1',
  name: 'Portrait',
  description: 'Une heure en studio.',
  durationMinutes: 60,
  priceCents: 15000,
  currency: 'EUR',
  depositCents: 0,
  bufferBeforeMinutes: 15,
  bufferAfterMinutes: 30,
  minNoticeHours: 72,
  category: null,
  active: true,
};

describe('the minimum booking notice in words', () => {
  it('says hours, whole days from two days up, and nothing when there is none', () => {
    const fixed = (lng: 'fr' | 'en') => i18n.getFixedT(lng);
    expect(noticeText(fixed('fr'), 0)).toBeNull();
    expect(noticeText(fixed('fr'), 24)).toBe('24 h');
    expect(noticeText(fixed('fr'), 36)).toBe('36 h');
    expect(noticeText(fixed('fr'), 72)).toBe('3 jours');
    expect(noticeText(fixed('en'), 1)).toBe('1 hour');
    expect(noticeText(fixed('en'), 24)).toBe('24 hours');
    expect(noticeText(fixed('en'), 48)).toBe('2 days');
  });
});

describe('the service form', () => {
  it('names buffers and notice in plain words, each with one sentence under the field', async () => {
    const html = plain(await renderScreen(<ServiceModal service={portrait} opened onClose={() => undefined} />, { inline: true }));
    expect(html).toContain('Temps libre avant la séance');
    expect(html).toContain('Temps libre après la séance');
    expect(html).toContain('Aucune autre séance ne peut être réservée pendant ce temps juste avant');
    expect(html).toContain('Préavis minimum de réservation');
    expect(html).toContain("Les clients ne peuvent pas réserver une séance qui commence dans moins de ce nombre d'heures.");
    expect(html).not.toMatch(/Battement|Délai minimum/);
    expect(html).toContain('aria-label="Fermer"');

    const english = plain(await renderScreen(<ServiceModal service={portrait} opened onClose={() => undefined} />, { inline: true, lang: 'en' }));
    for (const words of ['Free time before the session', 'Free time after the session', 'Minimum booking notice', 'Clients cannot book a session that starts in less than this many hours.']) {
      expect(english).toContain(words);
    }
    expect(english).not.toMatch(/Buffer/);
  });

  it('ties each sentence to its field, for screen readers', async () => {
    const html = await renderScreen(<ServiceModal service={portrait} opened onClose={() => undefined} />, { inline: true });
    const input = /<input[^>]*name="minNoticeHours"[^>]*>/.exec(html)?.[0] ?? '';
    const described = /aria-describedby="([^"]+)"/.exec(input)?.[1];
    expect(described).toBeTruthy();
    expect(html).toMatch(new RegExp(`id="${described}"[^>]*>Les clients ne peuvent pas réserver`));
  });
});

describe('the services list and the client catalogue', () => {
  it('shows the free time and the notice of each service to staff', async () => {
    const html = plain(await renderScreen(<ServicesPage />, { data: [[serviceKeys.list(true), [portrait, { ...portrait, id: 's2', name: 'Mini', minNoticeHours: 0 }]]] }));
    expect(html).toContain('Temps libre avant / après');
    expect(html).toContain('15 / 30 min');
    expect(html).toContain('>Préavis<');
    expect(html).toContain('>3 jours<');
    expect(html).toContain('>Aucun<');
  });

  it('tells the client how long ahead to book, only when the service asks for it', async () => {
    const data: [readonly unknown[], unknown][] = [[serviceKeys.list(false), [{ ...portrait, minNoticeHours: 24 }, { ...portrait, id: 's2', name: 'Mini', minNoticeHours: 0 }]]];
    const html = plain(await renderScreen(<CatalogPage />, { data }));
    expect(html.match(/À réserver au moins 24 h à l'avance/g)).toHaveLength(1);
    expect(plain(await renderScreen(<CatalogPage />, { data, lang: 'en' }))).toContain('Book at least 24 hours ahead');
  });
});

describe('the wording in both languages', () => {
  it('leaves no "Battement" or "Délai minimum" for photographers to decode', () => {
    const text = JSON.stringify(fr);
    expect(text).not.toMatch(/Battement|Délai minimum|délai minimum/);
    expect(JSON.stringify(en)).not.toMatch(/Buffer/);
  });
});
