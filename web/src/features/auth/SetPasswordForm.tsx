import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { api } from '../../lib/api';
import { useForm } from '../../lib/form';
import { collect, confirmError, passwordError } from '../../lib/validation';
import { NewPasswordFields } from '../../components/FormFields';

interface Props {
  token: string | null;
  submitLabel: string;
  /** Runs after the server accepted the new password. */
  onDone: (password: string) => Promise<void> | void;
}

/** Shared by the reset link and the invitation link: both spend a one-time token. */
export function SetPasswordForm({ token, submitLabel, onDone }: Props) {
  const { t } = useTranslation();
  const form = useForm({ password: '', confirm: '' }, (v) =>
    collect({ password: passwordError(v.password), confirm: confirmError(v.password, v.confirm) }),
  );

  if (!token) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('auth.missingToken')}
      </Alert>
    );
  }

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await api.post('/api/auth/password/reset', { token, password: v.password });
      await onDone(v.password);
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <NewPasswordFields password={form.field('password')} confirm={form.field('confirm')} />
        <FormAlert message={form.formError} />
        <Button type="submit" size="md" loading={form.submitting} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
