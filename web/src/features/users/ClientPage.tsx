import { Anchor, Button, Card, Grid, Group, Skeleton, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { BookForClientModal } from '../bookings/BookForClientModal';
import { BookingCard } from '../bookings/BookingCard';
import { StatusBadge } from '../../components/StatusBadge';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import type { User } from '../../lib/auth';
import { problemMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useForm } from '../../lib/form';
import { toastSuccess } from '../../lib/toast';
import { collect, nameError, phoneError } from '../../lib/validation';
import { useStudio, useStudioTimeZone } from '../studio/api';
import { displayName, useOverview, useUpdateUser, useUser } from './api';
import { UserStatusBadge } from './UserStatusBadge';
import { NameFields } from '../../components/FormFields';

function ContactCard({ client }: { client: User }) {
  const { t, i18n } = useTranslation();
  const studio = useStudio();
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
        <Text size="sm" c="dimmed">
          {t('clients.since')} : {formatDate(client.createdAt, i18n.language, studio.data?.timeZone)}
        </Text>
      </Stack>
    </Card>
  );
}

function EditClientForm({ client }: { client: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(client.id);
  const initial = {
    firstName: client.firstName,
    lastName: client.lastName,
    phone: client.phone ?? '',
    notes: client.notes ?? '',
  };
  // Keyed by client id in the parent, so another client's page starts from their values.
  const form = useForm(initial, (v) =>
    collect({ firstName: nameError(v.firstName), lastName: nameError(v.lastName), phone: phoneError(v.phone) }),
  );

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await update.mutateAsync({
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        phone: v.phone.trim() || null,
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

function AccessCard({ client }: { client: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(client.id);
  const toggle = () =>
    update.mutate(
      { disabled: !client.disabled },
      {
        onSuccess: (u) => toastSuccess(t(u.disabled ? 'clients.disabled' : 'clients.enabled')),
        onError: (e) => notifications.show({ color: 'red', message: problemMessage(t, e) }),
      },
    );
  return (
    <Button variant="light" color={client.disabled ? 'teal' : 'red'} loading={update.isPending} onClick={toggle}>
      {client.disabled ? t('clients.enable') : t('clients.disable')}
    </Button>
  );
}

/** The client's bookings and projects, newest first. */
function ClientHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const overview = useOverview(id);
  const timeZone = useStudioTimeZone();
  if (overview.isPending) return <Skeleton height={120} radius="lg" />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const { bookings, projects } = overview.data;
  return (
    <Tabs defaultValue="bookings">
      <Tabs.List>
        <Tabs.Tab value="bookings">
          {t('clients.bookings', { count: bookings.length })}
        </Tabs.Tab>
        <Tabs.Tab value="projects">{t('clients.projects', { count: projects.length })}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="bookings" pt="md">
        <Stack gap="sm">
          {bookings.length === 0 && <Text c="dimmed">{t('clients.noBookings')}</Text>}
          {[...bookings]
            .sort((a, b) => b.start.localeCompare(a.start))
            .map((b) => (
              <BookingCard key={b.id} booking={b} timeZone={timeZone} showClient={false} />
            ))}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="projects" pt="md">
        <Stack gap="sm">
          {projects.length === 0 && <Text c="dimmed">{t('clients.noProjects')}</Text>}
          {projects.map((p) => (
            <Group key={p.id} justify="space-between">
              <Anchor component={Link} to={`/pro/projects/${p.id}`}>
                {p.service.name} — {formatDate(p.booking.start, i18n.language, timeZone)}
              </Anchor>
              <StatusBadge status={p.status} />
            </Group>
          ))}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

/** One client: contact card, staff notes, account access, bookings and projects. */
export function ClientPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useUser(id);
  const [booking, setBooking] = useState(false);

  if (client.isPending) return <PageSkeleton rows={3} />;
  if (client.isError) return <LoadError error={client.error} onRetry={() => void client.refetch()} />;
  const c = client.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/pro/clients" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('nav.clients')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={1} size="h2">
            {displayName(c)}
          </Title>
          <UserStatusBadge user={c} />
        </Group>
        <Group gap="xs">
          <Button onClick={() => setBooking(true)}>{t('book.action')}</Button>
          <AccessCard client={c} />
        </Group>
      </Group>
      <BookForClientModal client={c} opened={booking} onClose={() => setBooking(false)} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ContactCard client={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <EditClientForm key={c.id} client={c} />
        </Grid.Col>
      </Grid>
      <ClientHistory id={c.id} />
    </Stack>
  );
}
