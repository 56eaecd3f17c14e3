import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toastError } from '../lib/toast';
import { useAuth } from '../lib/auth';
import { problemMessage } from '../lib/errors';
import { api } from '../lib/api';
import { applyLanguage, pickLanguage, type Language } from '../lib/i18n';
import type { User } from '../types/api';

/**
 * Switches the interface at once; for a signed-in user also saves the choice on the account
 * (it chooses the language of their e-mails), for a signed-out one at their sign-in.
 * Resolves to whether the account was saved.
 */
export function useChangeLanguage(): (lang: Language) => Promise<boolean> {
  const { t } = useTranslation();
  const { user, setUser } = useAuth();
  return async (lang) => {
    if (!user) {
      pickLanguage(lang);
      return false;
    }
    applyLanguage(lang);
    if (user.locale === lang) return false;
    try {
      setUser(await api.patch<User>('/api/me', { locale: lang }));
      return true;
    } catch (e) {
      toastError(problemMessage(t, e));
      return false;
    }
  };
}

/** FR/EN switch in the page header. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const change = (value: string) => void changeLanguage(value as Language);

  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.switch')}
      value={i18n.language === 'en' ? 'en' : 'fr'}
      onChange={change}
      data={[
        { value: 'fr', label: 'FR' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
