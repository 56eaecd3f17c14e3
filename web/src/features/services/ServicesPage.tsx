import { Badge, Button, Card, Group, Skeleton, Stack, Switch, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconLink, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { problemMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { formatDuration } from '../../lib/time';
import { toastError, toastSuccess } from '../../lib/toast';
import type { Service } from '../../types/api';
import { useArchiveService, useSaveService, useServices } from './api';
import { serviceUrl } from './links';
import { noticeText } from './notice';
import { ServiceModal, type TemplateField } from './ServiceModal';

function RestoreButton({ service }: { service: Service }) {
  const { t } = useTranslation();
  const save = useSaveService(service.id);
  return (
    <Button size="xs" variant="subtle" loading={save.isPending} onClick={() => save.mutate({ active: true }, { onSuccess: () => toastSuccess(t('services.restored')) })}>
      {t('services.restore')}
    </Button>
  );
}

/**
 * Copies the service's public booking link (for Instagram, the studio's site); where the
 * browser refuses the clipboard, the link is shown to copy by hand.
 */
function CopyLinkButton({ service }: { service: Service }) {
  const { t } = useTranslation();
  const copy = async () => {
    const url = serviceUrl(service.id);
    try {
      await navigator.clipboard.writeText(url);
      toastSuccess(t('services.linkCopied', { url }));
    } catch {
      toastError(t('services.linkNotCopied', { url }));
    }
  };
  return (
    <Button size="xs" variant="subtle" leftSection={<IconLink size={14} aria-hidden />} onClick={() => void copy()} aria-label={`${t('services.copyLink')} — ${service.name}`}>
      {t('services.copyLink')}
    </Button>
  );
}

/**
 * Staff: the catalogue — create, edit, archive (archived services stay on past bookings). The
 * space's route passes the contract template picker (`templateField`) of the service form.
 */
export function ServicesPage({ templateField }: { templateField?: TemplateField }) {
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  // The staff list (archived included) is the one that carries staff fields such as the
  // default contract template; the switch only filters it.
  const services = useServices(true);
  const shown = services.data?.filter((s) => showArchived || s.active);
  const archive = useArchiveService();
  const [editing, setEditing] = useState<Service | null>(null);
  const [open, setOpen] = useState(false);
  // Below 1200 px (a tablet beside the sidebar, a phone) the six columns do not fit: each
  // service is one cell, its figures and actions under its name, nothing to scroll sideways to.
  const compact = useMediaQuery('(max-width: 74.99em)', undefined, { getInitialValueInEffect: false });

  const edit = (s: Service | null) => {
    setEditing(s);
    setOpen(true);
  };
  const actions = (s: Service) => (
    <Group gap="xs" justify={compact ? 'flex-start' : 'flex-end'} wrap={compact ? 'wrap' : 'nowrap'}>
      <Button size="xs" variant="light" onClick={() => edit(s)} aria-label={`${t('common.edit')} — ${s.name}`}>
        {t('common.edit')}
      </Button>
      {s.active && <CopyLinkButton service={s} />}
      {s.active ? (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={`${t('services.archive')} — ${s.name}`}
          onClick={() =>
            archive.mutate(s.id, {
              onSuccess: () => toastSuccess(t('services.archivedDone')),
              onError: (e) => toastError(problemMessage(t, e)),
            })
          }
        >
          {t('services.archive')}
        </Button>
      ) : (
        <RestoreButton service={s} />
      )}
    </Group>
  );
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
      {shown?.length === 0 && <EmptyState text={t('services.none')} action={createButton} />}
      {!!shown?.length && (
        <Card p={0}>
          <Table.ScrollContainer minWidth={compact ? 0 : 860}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('services.name')}</Table.Th>
                  {!compact && (
                    <>
                      <Table.Th>{t('services.duration')}</Table.Th>
                      <Table.Th>{t('services.price')}</Table.Th>
                      <Table.Th>{t('services.buffers')}</Table.Th>
                      <Table.Th>{t('services.noticeShort')}</Table.Th>
                      <Table.Th />
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text fw={500}>{s.name}</Text>
                        {!s.active && <Badge color="gray" variant="light">{t('services.archived')}</Badge>}
                      </Group>
                      {s.category && <Text size="sm" c="dimmed">{s.category}</Text>}
                      {compact && (
                        <Stack gap="xs" mt={4}>
                          <Text size="sm">
                            {formatDuration(s.durationMinutes)} · {formatMoney(s.priceCents, s.currency, i18n.language)} · {noticeText(t, s.minNoticeHours) ?? t('services.noticeNone')}
                          </Text>
                          {actions(s)}
                        </Stack>
                      )}
                    </Table.Td>
                    {!compact && (
                      <>
                        <Table.Td>{formatDuration(s.durationMinutes)}</Table.Td>
                        <Table.Td>{formatMoney(s.priceCents, s.currency, i18n.language)}</Table.Td>
                        <Table.Td>
                          {s.bufferBeforeMinutes} / {s.bufferAfterMinutes} min
                        </Table.Td>
                        <Table.Td>{noticeText(t, s.minNoticeHours) ?? t('services.noticeNone')}</Table.Td>
                        <Table.Td>{actions(s)}</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <ServiceModal service={editing} opened={open} onClose={() => setOpen(false)} templateField={templateField} />
    </>
  );
}
