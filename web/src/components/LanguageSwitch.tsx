import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../lib/auth';
import { api } from '../lib/api';
import { applyLanguage, type Language } from '../lib/i18n';
import type { User } from '../lib/auth';

/** FR/EN switch; for a signed-in user the choice is saved on the account (and its e-mails). */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const { user, setUser } = useAuth();

  const change = async (value: string) => {
    const lang = value as Language;
    applyLanguage(lang);
    if (user && user.locale !== lang) {
      try {
        setUser(await api.patch<User>('/api/me', { locale: lang }));
      } catch {
        // The interface still switched; the account keeps its language until next time.
      }
    }
  };

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
