import { Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useForm } from '../../lib/form';
import type { Language } from '../../lib/i18n';
import { toastSuccess } from '../../lib/toast';
import { collect, emailError, nameError, phoneError } from '../../lib/validation';
import type { Role } from '../../types/api';
import { useCreateUser } from './api';
import { NameFields } from '../../components/FormFields';
import { AdminPowers } from './AdminRoleConfirm';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** ADMIN may choose the role; staff invite clients only. */
  chooseRole?: boolean;
}

/** What the invited person gets: a client their space, a team member the professional one. */
export function inviteHelpKey(role: Role): string {
  return role === 'CLIENT' ? 'clients.inviteHelp' : 'users.inviteHelp';
}

type InviteField = 'firstName' | 'lastName' | 'email' | 'phone' | 'role' | 'understood';
const EMPTY: Record<InviteField, string> = { firstName: '', lastName: '', email: '', phone: '', role: 'CLIENT', understood: '' };

/** What to fix before inviting (i18n keys); an ADMIN needs the box saying what that means ticked. */
export function inviteErrors(v: Record<InviteField, string>) {
  return collect({
    firstName: nameError(v.firstName),
    lastName: nameError(v.lastName),
    email: emailError(v.email),
    phone: phoneError(v.phone),
    understood: v.role === 'ADMIN' && v.understood !== 'yes' ? 'users.adminConfirm.checkRequired' : undefined,
  });
}

export function InviteModal({ opened, onClose, chooseRole = false }: Props) {
  const { t, i18n } = useTranslation();
  const create = useCreateUser();
  const form = useForm<InviteField>(EMPTY, inviteErrors);

  const close = () => {
    form.reset(EMPTY);
    onClose();
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const user = await create.mutateAsync({
        email: v.email.trim(),
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        phone: v.phone.trim() || undefined,
        role: v.role as Role,
        locale: i18n.language as Language,
      });
      toastSuccess(t(chooseRole ? 'users.created' : 'clients.invited', { email: user.email }));
      close();
    });
  };

  const title = chooseRole ? t('users.createTitle') : t('clients.inviteTitle');
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg" fullScreen={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text c="dimmed" size="sm">
            {t(inviteHelpKey(form.values.role as Role))}
          </Text>
          <NameFields first={form.field('firstName')} last={form.field('lastName')} autoFocus />
          <TextInput label={t('common.email')} type="email" required {...form.field('email')} />
          <TextInput
            label={`${t('common.phone')} (${t('common.optional')})`}
            type="tel"
            {...form.field('phone')}
          />
          {chooseRole && (
            <Select
              label={t('users.role')}
              value={form.values.role}
              onChange={(v) => {
                if (!v) return;
                form.setValue('role', v);
                form.setValue('understood', '');
              }}
              allowDeselect={false}
              data={(['CLIENT', 'PROFESSIONNEL', 'ADMIN'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          )}
          {/* Creating an administrator hands over everything: said first, then confirmed by a tick. */}
          {chooseRole && form.values.role === 'ADMIN' && (
            <Paper withBorder p="sm" bg="var(--mantine-color-red-light)">
              <Stack gap="sm">
                <AdminPowers />
                <Checkbox
                  label={t('users.adminConfirm.check')}
                  checked={form.values.understood === 'yes'}
                  onChange={(e) => form.setValue('understood', e.currentTarget.checked ? 'yes' : '')}
                  error={form.errors.understood}
                />
              </Stack>
            </Paper>
          )}
          <FormAlert message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {chooseRole ? t('users.createSubmit') : t('clients.inviteSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
