import { Badge, Button, Card, Group, Skeleton, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { problemMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { formatDuration } from '../../lib/time';
import { toastSuccess } from '../../lib/toast';
import type { Service } from '../../types/api';
import { useArchiveService, useSaveService, useServices } from './api';
import { ServiceModal } from './ServiceModal';

function RestoreButton({ service }: { service: Service }) {
  const { t } = useTranslation();
  const save = useSaveService(service.id);
  return (
    <Button size="xs" variant="subtle" loading={save.isPending} onClick={() => save.mutate({ active: true }, { onSuccess: () => toastSuccess(t('services.restored')) })}>
      {t('services.restore')}
    </Button>
  );
}

/** Staff: the catalogue — create, edit, archive (archived services stay on past bookings). */
export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const services = useServices(showArchived);
  const archive = useArchiveService();
  const [editing, setEditing] = useState<Service | null>(null);
  const [open, setOpen] = useState(false);

  const edit = (s: Service | null) => {
    setEditing(s);
    setOpen(true);
  };
  const createButton = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => edit(null)}>
      {t('services.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('services.title')} subtitle={t('services.subtitle')} action={createButton} />
      <Switch mb="md" label={t('services.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      {services.isPending && <Skeleton height={160} radius="lg" />}
      {services.isError && <LoadError error={services.error} onRetry={() => void services.refetch()} />}
      {services.data?.length === 0 && <EmptyState text={t('services.none')} action={createButton} />}
      {!!services.data?.length && (
        <Card p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('services.name')}</Table.Th>
                  <Table.Th>{t('services.duration')}</Table.Th>
                  <Table.Th>{t('services.price')}</Table.Th>
                  <Table.Th>{t('services.buffers')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {services.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text fw={500}>{s.name}</Text>
                        {!s.active && <Badge color="gray" variant="light">{t('services.archived')}</Badge>}
                      </Group>
                      {s.category && <Text size="sm" c="dimmed">{s.category}</Text>}
                    </Table.Td>
                    <Table.Td>{formatDuration(s.durationMinutes)}</Table.Td>
                    <Table.Td>{formatMoney(s.priceCents, s.currency, i18n.language)}</Table.Td>
                    <Table.Td>
                      {s.bufferBeforeMinutes} / {s.bufferAfterMinutes} min
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => edit(s)} aria-label={`${t('common.edit')} — ${s.name}`}>
                          {t('common.edit')}
                        </Button>
                        {s.active ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`${t('services.archive')} — ${s.name}`}
                            onClick={() =>
                              archive.mutate(s.id, {
                                onSuccess: () => toastSuccess(t('services.archivedDone')),
                                onError: (e) => notifications.show({ color: 'red', message: problemMessage(t, e) }),
                              })
                            }
                          >
                            {t('services.archive')}
                          </Button>
                        ) : (
                          <RestoreButton service={s} />
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <ServiceModal service={editing} opened={open} onClose={() => setOpen(false)} />
    </>
  );
}
