import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { homePath, useAuth } from '../../lib/auth';
import { useForm } from '../../lib/form';
import type { Language } from '../../lib/i18n';
import { validateRegister } from '../../lib/validation';
import { AuthHeading, safeNext } from './AuthCard';
import { NameFields } from '../../components/FormFields';

/** `notice`: shown above the form (a booking waiting for the account, for instance). */
export function RegisterPage({ notice }: { notice?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, register } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Where to go once the account exists (a service's page, to book the time chosen there).
  const next = safeNext(params.get('next'));
  const form = useForm({ firstName: '', lastName: '', email: '', password: '' }, validateRegister);

  if (user) return <Navigate to={next ?? homePath(user)} replace />;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const created = await register({
        email: v.email.trim(),
        password: v.password,
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        locale: i18n.language as Language,
      });
      navigate(next ?? homePath(created), { replace: true });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <AuthHeading title={t('auth.registerTitle')} subtitle={t('auth.registerSubtitle')} />
      {notice}
      <Stack gap="md">
        <NameFields first={form.field('firstName')} last={form.field('lastName')} own />
        <TextInput label={t('common.email')} type="email" autoComplete="email" required {...form.field('email')} />
        <PasswordInput
          label={t('common.password')}
          description={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          {...form.field('password')}
        />
        <FormAlert message={form.formError} />
        <Button type="submit" size="md" loading={form.submitting} fullWidth>
          {t('auth.registerSubmit')}
        </Button>
        <Text size="sm" ta="center">
          {t('auth.haveAccount')}{' '}
          <Anchor component={Link} to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'} underline="always">
            {t('auth.loginLink')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
