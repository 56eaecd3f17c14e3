import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { api } from '../../lib/api';
import { useForm } from '../../lib/form';
import { collect, emailError } from '../../lib/validation';
import { AuthHeading } from './AuthCard';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useForm({ email: '' }, (v) => collect({ email: emailError(v.email) }));

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await api.post('/api/auth/password/forgot', { email: v.email.trim() });
      setSent(true);
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <AuthHeading title={t('auth.forgotTitle')} subtitle={t('auth.forgotSubtitle')} />
      <Stack gap="md">
        {sent ? (
          <Alert color="teal" variant="light" role="status">
            {t('auth.forgotSent')}
          </Alert>
        ) : (
          <>
            <TextInput label={t('common.email')} type="email" autoComplete="email" required {...form.field('email')} />
            <FormAlert message={form.formError} />
            <Button type="submit" size="md" loading={form.submitting} fullWidth>
              {t('auth.forgotSubmit')}
            </Button>
          </>
        )}
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t('auth.loginLink')}
        </Anchor>
      </Stack>
    </form>
  );
}
