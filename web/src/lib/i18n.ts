import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from '../locales/fr/translation.json';
import en from '../locales/en/translation.json';

export type Language = 'fr' | 'en';
const STORAGE_KEY = 'declic.lang';
// A language picked while signed out, for the sign-in to keep (this tab only).
const PICKED_KEY = 'declic.lang.picked';

const asLanguage = (value: string | null): Language | null => (value === 'fr' || value === 'en' ? value : null);

export function storedLanguage(): Language {
  try {
    return asLanguage(localStorage.getItem(STORAGE_KEY)) ?? 'fr';
  } catch {
    return 'fr';
  }
}

export function applyLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice still lives in the account.
  }
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

/** The switch used while signed out: the interface changes, and the sign-in will keep it. */
export function pickLanguage(lang: Language): void {
  applyLanguage(lang);
  try {
    sessionStorage.setItem(PICKED_KEY, lang);
  } catch {
    // Private mode: the account's language will apply at sign-in.
  }
}

/** The language picked before signing in, if any; asked once, at the sign-in. */
export function takePickedLanguage(): Language | null {
  try {
    const picked = asLanguage(sessionStorage.getItem(PICKED_KEY));
    sessionStorage.removeItem(PICKED_KEY);
    return picked;
  } catch {
    return null;
  }
}

// <html lang> follows the interface language (screen readers pronounce with it).
i18n.on('languageChanged', (lang) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
});

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export default i18n;
