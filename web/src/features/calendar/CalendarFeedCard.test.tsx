import { describe, expect, it } from 'vitest';
import { renderScreen } from '../../test/renderScreen';
import { CalendarFeedCard, webcalUrl } from './CalendarFeedCard';

const feed = (active: boolean) => [[['calendar-feed'], { active, createdAt: active ? '2026-11-30T17:05:00Z' : null }]] as [string[], unknown][];

describe('CalendarFeedCard', () => {
  it('offers to make the address when there is none', async () => {
    const html = await renderScreen(<CalendarFeedCard />, { data: feed(false) });
    expect(html).toContain('Vos séances dans votre agenda');
    expect(html).toContain('Créer mon adresse d’abonnement');
    expect(html).not.toContain('Désactiver');
  });

  it('says since when a feed is live, and offers a new address or to turn it off', async () => {
    const html = await renderScreen(<CalendarFeedCard />, { data: feed(true), lang: 'en' });
    expect(html).toContain('Subscription active since');
    expect(html).toContain('30 Nov 2026, 18:05');
    expect(html).toContain('New address');
    expect(html).toContain('Turn off the subscription');
    expect(html).toContain('stops working at once');
  });

  it('asks calendar applications to subscribe through webcal://', () => {
    expect(webcalUrl('https://studio.example/api/calendar-feeds/abc.ics')).toBe('webcal://studio.example/api/calendar-feeds/abc.ics');
    expect(webcalUrl('http://localhost:8080/api/calendar-feeds/abc.ics')).toBe('webcal://localhost:8080/api/calendar-feeds/abc.ics');
  });
});
