// Dates, times and money through Intl, in the user's language and the studio's time zone.
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

function localeTag(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'fr-FR';
}

export function formatDate(iso: string, lang: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(localeTag(lang), { dateStyle: 'long', timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string, lang: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(localeTag(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** "12 mars" / "12 Mar": a day of the current year in short lists. */
export function formatShortDate(iso: string, lang: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(localeTag(lang), { day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
}

/** Money is integer cents + an ISO currency: "150,00 €" in French, "€150.00" in English. */
export function formatMoney(cents: number, currency: string, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-IE' : 'fr-FR', { style: 'currency', currency }).format(cents / 100);
}

/** The symbol of a currency as the user's language writes it ("€", "CHF", "£"). */
export function currencySymbol(currency: string, lang: string): string {
  const parts = new Intl.NumberFormat(lang === 'en' ? 'en-IE' : 'fr-FR', { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

/** "Europe/Paris" → "heure de Paris" / "Paris time", so every time says its zone. */
export function timeZoneLabel(timeZone: string, lang: string): string {
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone;
  return lang === 'en' ? `${city} time` : `heure de ${city}`;
}

/** A file's size in the user's language: "820 ko", "2,4 Mo", "1,2 Go" / "820 kB", "2.4 MB", "1.2 GB" (decimal units). */
export function formatFileSize(bytes: number, lang: string): string {
  const [unit, value] =
    bytes >= 1e9 ? ['gigabyte', bytes / 1e9] : bytes >= 1e6 ? ['megabyte', bytes / 1e6] : bytes >= 1e3 ? ['kilobyte', bytes / 1e3] : ['byte', bytes];
  return new Intl.NumberFormat(localeTag(lang), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export function displayName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
