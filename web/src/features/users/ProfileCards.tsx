import { Button, Card, Group, PasswordInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useForm } from '../../lib/form';
import type { Language } from '../../lib/i18n';
import { useChangeLanguage } from '../../components/LanguageSwitch';
import { toastSuccess } from '../../lib/toast';
import { ADDRESS_MAX, addressError, collect, confirmError, passwordError, validateProfile } from '../../lib/validation';
import type { User } from '../../types/api';
import { NameFields, NewPasswordFields } from '../../components/FormFields';

/** The user's own name and phone; a client's postal address too (printed on their contracts). */
export function ContactForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const client = user.role === 'CLIENT';
  const form = useForm({ firstName: user.firstName, lastName: user.lastName, phone: user.phone ?? '', address: user.address ?? '' }, (v) => ({
    ...validateProfile(v),
    ...collect({ address: addressError(v.address) }),
  }));

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      setUser(
        await api.patch<User>('/api/me', {
          firstName: v.firstName.trim(),
          lastName: v.lastName.trim(),
          phone: v.phone.trim() || null,
          ...(client ? { address: v.address.trim() || null } : {}),
        }),
      );
      toastSuccess(t('common.saved'));
    });
  };

  return (
    <Card component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text fw={600} component="h2" m={0}>
          {t('profile.contact')}
        </Text>
        <NameFields first={form.field('firstName')} last={form.field('lastName')} own />
        <TextInput label={t('common.email')} value={user.email} readOnly description={t('profile.emailHelp')} />
        <TextInput
          label={`${t('common.phone')} (${t('common.optional')})`}
          type="tel"
          autoComplete="tel"
          {...form.field('phone')}
        />
        {client && (
          <Textarea
            label={`${t('common.address')} (${t('common.optional')})`}
            description={t('profile.addressHelp')}
            autoComplete="street-address"
            autosize
            minRows={2}
            maxLength={ADDRESS_MAX}
            {...form.field('address')}
          />
        )}
        <FormAlert message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The language of the interface and of the e-mails. */
export function LanguageCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const change = async (value: string | null) => {
    if (value && (await changeLanguage(value as Language))) toastSuccess(t('profile.languageSaved'));
  };
  return (
    <Card>
      <Stack gap="md">
        <Text fw={600} component="h2" m={0}>
          {t('profile.preferences')}
        </Text>
        <Select
          label={t('common.language')}
          description={t('profile.languageHelp')}
          value={user.locale}
          allowDeselect={false}
          onChange={(v) => void change(v)}
          data={[
            { value: 'fr', label: t('language.fr') },
            { value: 'en', label: t('language.en') },
          ]}
        />
      </Stack>
    </Card>
  );
}

/** A new password, the current one first. */
export function PasswordForm() {
  const { t } = useTranslation();
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' }, (v) =>
    collect({
      currentPassword: v.currentPassword ? undefined : 'validation.required',
      newPassword: passwordError(v.newPassword),
      confirm: confirmError(v.newPassword, v.confirm),
    }),
  );

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await api.post('/api/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.setValues({ currentPassword: '', newPassword: '', confirm: '' });
      toastSuccess(t('profile.passwordChanged'));
    });
  };

  return (
    <Card component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text fw={600} component="h2" m={0}>
          {t('profile.security')}
        </Text>
        <PasswordInput
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          {...form.field('currentPassword')}
        />
        <NewPasswordFields password={form.field('newPassword')} confirm={form.field('confirm')} />
        <FormAlert message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
