import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { CalendarFeedCard } from '../../features/calendar/CalendarFeedCard';
import { NotificationPreferencesCard } from '../../features/notifications/NotificationPreferencesCard';
import { ContactForm, LanguageCard, PasswordForm } from '../../features/users/ProfileCards';

/** The user's own page: contact details, language, their calendar feed (staff), which e-mails they get, password. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <ContactForm user={user} />
      <LanguageCard user={user} />
      {user.role !== 'CLIENT' && <CalendarFeedCard />}
      <NotificationPreferencesCard />
      <PasswordForm />
    </Stack>
  );
}
