import { Anchor, Button, Card, Chip, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { displayName, formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { useContracts, type ContractStatus } from './api';
import { contractPaths } from './paths';

const FILTERS: (ContractStatus | 'ALL')[] = ['ALL', 'DRAFT', 'SENT', 'SIGNED', 'VOID'];

/** Staff: every contract, by status; each opens on its project's page. */
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const [status, setStatus] = useState<ContractStatus | 'ALL'>('ALL');
  const list = useContracts(status === 'ALL' ? {} : { status });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('contracts.title')}
        subtitle={t('contracts.subtitle')}
        action={
          <Button component={Link} to={contractPaths.templates} variant="light" leftSection={<IconTemplate size={18} />}>
            {t('contracts.templates.title')}
          </Button>
        }
      />
      <Chip.Group multiple={false} value={status} onChange={(v) => setStatus(v as ContractStatus | 'ALL')}>
        <Group gap="xs" role="radiogroup" aria-label={t('contracts.filter')}>
          {FILTERS.map((f) => (
            <Chip key={f} value={f} type="radio" size="sm">
              {f === 'ALL' ? t('contracts.filterAll') : t(`status.${f}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {list.isPending && <Skeleton height={160} radius="lg" />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <EmptyState text={t(status === 'ALL' ? 'contracts.none' : 'contracts.noneWithStatus')} />}
      {items.length > 0 && (
        <Card p={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contracts.column.title')}</Table.Th>
                  <Table.Th>{t('contracts.column.client')}</Table.Th>
                  <Table.Th>{t('contracts.column.status')}</Table.Th>
                  <Table.Th>{t('contracts.column.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={contractPaths.staffContract(c.projectId)}>
                        {c.title}
                      </Anchor>
                      {c.version > 1 && (
                        <Text size="sm" c="dimmed">
                          {t('contracts.version', { version: c.version })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{displayName(c.client)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{formatDate(c.updatedAt, i18n.language, timeZone)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {list.hasNextPage && (
        <Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} w="fit-content">
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
