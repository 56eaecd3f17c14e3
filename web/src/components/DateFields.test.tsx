import { describe, expect, it } from 'vitest';
import { renderScreen } from '../test/renderScreen';
import { DateField, DateTimeField, TimeField } from './DateFields';

const noop = () => {};
const NATIVE = /type="(date|time|datetime-local)"/;
const TWELVE_HOUR = /\b(AM|PM|am|pm)\b/;

const fields = (
  <>
    <DateField label="Due" value="2027-04-01" onChange={noop} clearable />
    <DateTimeField label="Start" description="zone" value="2027-03-28T18:05" onChange={noop} required />
    <TimeField aria-label="Monday — start" value="09:30" onChange={noop} />
  </>
);

describe('date and time fields', () => {
  it('in French: French month names, the 24-hour clock, no native input', async () => {
    const html = await renderScreen(fields, { lang: 'fr' });
    expect(html).toContain('>1 avril 2027</button>');
    expect(html).toContain('>28 mars 2027, 18:05</button>');
    expect(html).toMatch(/aria-label="Monday — start, heures"[^>]*value="09"/);
    expect(html).toMatch(/aria-label="Monday — start, minutes"[^>]*value="30"/);
    expect(html).toContain('aria-label="Effacer"');
    expect(html).not.toMatch(TWELVE_HOUR);
    expect(html).not.toMatch(NATIVE);
  });

  it('in English: British dates and the same 24-hour clock', async () => {
    const html = await renderScreen(fields, { lang: 'en' });
    expect(html).toContain('>1 April 2027</button>');
    expect(html).toContain('>28 March 2027, 18:05</button>');
    expect(html).toMatch(/aria-label="Monday — start, hours"[^>]*value="09"/);
    expect(html).toContain('aria-label="Clear"');
    expect(html).not.toMatch(TWELVE_HOUR);
    expect(html).not.toMatch(NATIVE);
  });

  it('every field has a name: its label, or the time group its aria-label', async () => {
    const html = await renderScreen(fields, { lang: 'fr' });
    // The label points at the button that opens the calendar.
    for (const label of ['Due', 'Start']) {
      const id = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label}`).exec(html)?.[1];
      expect(id, label).toBeTruthy();
      expect(html).toMatch(new RegExp(`<button[^>]*id="${id}"`));
    }
    expect(html).toContain('role="group" aria-label="Monday — start"');
    // The description (the time zone) is read with the field.
    expect(html).toMatch(/<button[^>]*aria-describedby="[^"]+-description"[^>]*>28 mars 2027, 18:05</);
  });

  it('an empty field shows nothing, not a browser placeholder like "mm/dd/yyyy"', async () => {
    const html = await renderScreen(
      <>
        <DateField label="Due" value="" onChange={noop} />
        <DateTimeField label="Start" value="" onChange={noop} />
        <TimeField aria-label="Monday — start" value="" onChange={noop} />
      </>,
    );
    const body = html.replace(/<style[^]*?<\/style>/g, '');
    expect(body).not.toMatch(/mm\/dd|jj\/mm/i);
    expect(body).not.toMatch(TWELVE_HOUR);
    expect(html).not.toMatch(NATIVE);
    expect(html).toMatch(/<input type="hidden" value=""\/>/);
  });
});
