import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { homePath, useAuth } from '../../lib/auth';
import { useForm } from '../../lib/form';
import { ApiError } from '../../lib/problem';
import { collect, emailError } from '../../lib/validation';
import { AuthHeading, safeNext } from './AuthCard';

/** `notice`: shown above the form (a booking waiting for the account, for instance). */
export function LoginPage({ notice }: { notice?: ReactNode }) {
  const { t } = useTranslation();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useForm({ email: '', password: '' }, (v) =>
    collect({ email: emailError(v.email), password: v.password ? undefined : 'validation.required' }),
  );

  if (user) return <Navigate to={next ?? homePath(user)} replace />;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(
      async (v) => {
        const signedIn = await signIn(v.email.trim(), v.password);
        navigate(next ?? homePath(signedIn), { replace: true });
      },
      { message: (err) => (err instanceof ApiError && err.status === 401 ? t('errors.unauthorized') : undefined) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <AuthHeading title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')} />
      {notice}
      <Stack gap="md">
        <TextInput label={t('common.email')} type="email" autoComplete="email" required {...form.field('email')} />
        <PasswordInput
          label={t('common.password')}
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <Group justify="flex-end" mt={-8}>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.forgotLink')}
          </Anchor>
        </Group>
        <FormAlert message={form.formError} />
        <Button type="submit" size="md" loading={form.submitting} fullWidth>
          {t('auth.loginSubmit')}
        </Button>
        <Text size="sm" ta="center">
          {t('auth.noAccount')}{' '}
          <Anchor component={Link} to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'} underline="always">
            {t('auth.registerLink')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
