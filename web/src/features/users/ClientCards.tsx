import { Anchor, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { NameFields } from '../../components/FormFields';
import { problemMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useStudioTimeZone } from '../../lib/studio';
import { toastError, toastSuccess } from '../../lib/toast';
import { ADDRESS_MAX, addressError, collect, nameError, phoneError } from '../../lib/validation';
import type { User } from '../../types/api';
import { useUpdateUser } from './api';

/** How to reach the client, and since when they have an account. */
export function ContactCard({ client }: { client: User }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Card>
      <Stack gap="xs">
        <Text fw={600}>{t('clients.contact')}</Text>
        <Group gap="xs" wrap="nowrap">
          <IconMail size={16} />
          <Anchor href={`mailto:${client.email}`}>{client.email}</Anchor>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <IconPhone size={16} />
          {client.phone ? <Anchor href={`tel:${client.phone}`}>{client.phone}</Anchor> : <Text c="dimmed">—</Text>}
        </Group>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconMapPin size={16} style={{ flexShrink: 0, marginTop: 4 }} />
          {client.address ? (
            <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{client.address}</Text>
          ) : (
            <Text c="dimmed">—</Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('common.labelled', { label: t('clients.since'), value: formatDate(client.createdAt, i18n.language, timeZone) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** Staff edit the client's name, phone, postal address (printed on contracts) and private notes. */
export function EditClientForm({ client }: { client: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(client.id);
  const initial = {
    firstName: client.firstName,
    lastName: client.lastName,
    phone: client.phone ?? '',
    address: client.address ?? '',
    notes: client.notes ?? '',
  };
  // Keyed by client id in the parent, so another client's page starts from their values.
  const form = useForm(initial, (v) =>
    collect({ firstName: nameError(v.firstName), lastName: nameError(v.lastName), phone: phoneError(v.phone), address: addressError(v.address) }),
  );

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await update.mutateAsync({
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        phone: v.phone.trim() || null,
        address: v.address.trim() || null,
        notes: v.notes.trim() || null,
      });
      toastSuccess(t('common.saved'));
    });
  };

  return (
    <Card component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text fw={600}>{t('clients.editTitle')}</Text>
        <NameFields first={form.field('firstName')} last={form.field('lastName')} />
        <TextInput label={`${t('common.phone')} (${t('common.optional')})`} type="tel" {...form.field('phone')} />
        <Textarea
          label={`${t('common.address')} (${t('common.optional')})`}
          description={t('clients.addressHelp')}
          autosize
          minRows={2}
          maxLength={ADDRESS_MAX}
          {...form.field('address')}
        />
        <Textarea
          label={t('clients.notes')}
          description={t('clients.notesHelp')}
          autosize
          minRows={3}
          {...form.field('notes')}
        />
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

/** Disables the account (no sign-in, sessions ended) or enables it again. */
export function AccessButton({ client }: { client: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(client.id);
  const toggle = () =>
    update.mutate(
      { disabled: !client.disabled },
      {
        onSuccess: (u) => toastSuccess(t(u.disabled ? 'clients.disabled' : 'clients.enabled')),
        onError: (e) => toastError(problemMessage(t, e)),
      },
    );
  return (
    <Button variant="light" color={client.disabled ? 'teal' : 'red'} loading={update.isPending} onClick={toggle}>
      {client.disabled ? t('clients.enable') : t('clients.disable')}
    </Button>
  );
}
