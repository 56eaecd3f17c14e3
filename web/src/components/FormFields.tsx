import { Group, PasswordInput, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** What `useForm().field(name)` hands to an input. */
export interface FieldProps {
  name: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  error: string | undefined;
}

interface NameProps {
  first: FieldProps;
  last: FieldProps;
  /** The user's own name (browser autofill welcome) rather than someone else's. */
  own?: boolean;
  autoFocus?: boolean;
}

/** First and last name side by side (stacked on a phone). */
export function NameFields({ first, last, own = false, autoFocus }: NameProps) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start" wrap="wrap">
      <TextInput
        label={t('common.firstName')}
        autoComplete={own ? 'given-name' : 'off'}
        required
        data-autofocus={autoFocus}
        {...first}
      />
      <TextInput label={t('common.lastName')} autoComplete={own ? 'family-name' : 'off'} required {...last} />
    </Group>
  );
}

/** A new password and its confirmation. */
export function NewPasswordFields({ password, confirm }: { password: FieldProps; confirm: FieldProps }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={t('profile.newPassword')}
        description={t('auth.passwordHint')}
        autoComplete="new-password"
        required
        {...password}
      />
      <PasswordInput label={t('auth.confirmPassword')} autoComplete="new-password" required {...confirm} />
    </>
  );
}
