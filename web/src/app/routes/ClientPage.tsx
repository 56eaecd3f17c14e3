import { Anchor, Button, Grid, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentTitle } from '../../components/DocumentTitle';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { StatusBadge } from '../../components/StatusBadge';
import { displayName, formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { BookForClientModal } from '../../features/bookings/BookForClientModal';
import { BookingCard } from '../../features/bookings/BookingCard';
import { contractPaths } from '../../features/contracts/paths';
import { useServices } from '../../features/services/api';
import { useOverview, useUser } from '../../features/users/api';
import { AccessButton, ContactCard, EditClientForm } from '../../features/users/ClientCards';
import { UserStatusBadge } from '../../features/users/UserStatusBadge';

/** The client's bookings, projects and contracts, newest first. */
function ClientHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const overview = useOverview(id);
  const timeZone = useStudioTimeZone();
  if (overview.isPending) return <Skeleton height={120} radius="lg" />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const { bookings, projects, contracts = [] } = overview.data;
  return (
    <Tabs defaultValue="bookings">
      <Tabs.List>
        <Tabs.Tab value="bookings">
          {t('clients.bookings', { count: bookings.length })}
        </Tabs.Tab>
        <Tabs.Tab value="projects">{t('clients.projects', { count: projects.length })}</Tabs.Tab>
        <Tabs.Tab value="contracts">{t('clients.contracts', { count: contracts.length })}</Tabs.Tab>
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
      <Tabs.Panel value="contracts" pt="md">
        <Stack gap="sm">
          {contracts.length === 0 && <Text c="dimmed">{t('clients.noContracts')}</Text>}
          {contracts.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={contractPaths.staffContract(c.projectId)} style={{ overflowWrap: 'anywhere' }}>
                {c.title} — {formatDate(c.updatedAt, i18n.language, timeZone)}
              </Anchor>
              <StatusBadge status={c.status} />
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
  const services = useServices();
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
          <DocumentTitle screen={displayName(c)} />
          <Title order={1} size="h2">
            {displayName(c)}
          </Title>
          <UserStatusBadge user={c} />
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/pro/messages?client=${encodeURIComponent(c.id)}`} variant="light" leftSection={<IconMessage size={18} />}>
            {t('messages.writeToClient')}
          </Button>
          <Button onClick={() => setBooking(true)}>{t('book.action')}</Button>
          <AccessButton client={c} />
        </Group>
      </Group>
      <BookForClientModal client={c} services={services.data ?? []} opened={booking} onClose={() => setBooking(false)} />
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
