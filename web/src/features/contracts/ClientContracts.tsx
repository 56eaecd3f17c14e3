import { Anchor, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { latestContract, useContracts, type ContractSummary } from './api';
import { PdfButton } from './PdfButton';
import { contractPaths } from './paths';

/** "Sent on 12 March 2027", "Signed on…", "Void since…": the date that matters for its status. */
function useContractDate(): (c: ContractSummary) => string {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (c) => {
    const date = (iso: string) => formatDate(iso, i18n.language, timeZone);
    if (c.status === 'SIGNED' && c.signature) return t('contracts.client.signedOn', { date: date(c.signature.signedAt) });
    if (c.status === 'VOID' && c.voided) return t('contracts.client.voidOn', { date: date(c.voided.at) });
    return t('contracts.client.sentOn', { date: date(c.sentAt ?? c.updatedAt) });
  };
}

/** The way into a contract: sign it (the one action when it waits), or read it again. */
function OpenButton({ contract }: { contract: ContractSummary }) {
  const { t } = useTranslation();
  const toSign = contract.status === 'SENT';
  return (
    <Button component={Link} to={contractPaths.clientContract(contract.id)} variant={toSign ? 'filled' : 'light'} leftSection={toSign ? <IconSignature size={16} /> : undefined}>
      {toSign ? t('contracts.client.readAndSign') : t('contracts.client.open')}
    </Button>
  );
}

function ContractCard({ contract }: { contract: ContractSummary }) {
  const dateOf = useContractDate();
  return (
    <Card p="md" data-testid="contract">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {contract.title}
          </Text>
          <StatusBadge status={contract.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {dateOf(contract)}
        </Text>
        <Group gap="xs">
          <OpenButton contract={contract} />
          {contract.status === 'SIGNED' && <PdfButton contract={contract} variant="default" />}
        </Group>
      </Stack>
    </Card>
  );
}

/** A client: every contract the studio sent them, the ones to sign first. */
export function MyContractsPage() {
  const { t } = useTranslation();
  const list = useContracts();
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).sort((a, b) => Number(b.status === 'SENT') - Number(a.status === 'SENT'));
  return (
    <Stack gap="md">
      <PageHeader title={t('contracts.client.mine')} subtitle={t('contracts.client.subtitle')} />
      {list.isPending && <Skeleton height={120} radius="lg" />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <EmptyState text={t('contracts.client.none')} />}
      {items.map((c) => (
        <ContractCard key={c.id} contract={c} />
      ))}
      {list.hasNextPage && (
        <Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} w="fit-content">
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * The client's home: under "To sign", each contract waiting for them (the one thing to do
 * first), and the way to all of them; only the way when none waits.
 */
export function ContractsToSign() {
  const { t } = useTranslation();
  const dateOf = useContractDate();
  const list = useContracts();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const toSign = items.filter((c) => c.status === 'SENT');
  const all = (
    <Anchor component={Link} to={contractPaths.clientList} size="sm" w="fit-content">
      {t('contracts.client.all')}
    </Anchor>
  );
  if (items.length === 0) return null;
  if (toSign.length === 0) return all;
  return (
    <Stack gap="xs" component="section" aria-labelledby="to-sign">
      <Text fw={600} component="h2" m={0} id="to-sign">
        {t('contracts.client.toSignTitle')}
      </Text>
      {toSign.map((c) => (
        <Card key={c.id} p="md" data-testid="contract-to-sign">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color="yellow" radius="xl" size={40} aria-hidden>
              <IconSignature size={20} />
            </ThemeIcon>
            <Stack gap={6} miw={0} align="flex-start">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {c.title}
              </Text>
              <Text size="sm" c="dimmed">
                {dateOf(c)}
              </Text>
              <OpenButton contract={c} />
            </Stack>
          </Group>
        </Card>
      ))}
      {all}
    </Stack>
  );
}

/** A client's project page: its contract, when the studio has sent one. */
export function ProjectContractCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const dateOf = useContractDate();
  const list = useContracts({ projectId });
  const latest = latestContract(list.data?.pages.flatMap((p) => p.items) ?? []);
  if (!latest) return null;
  return (
    <Card component="section" aria-labelledby="project-contract">
      <Stack gap="xs" align="flex-start">
        <Group justify="space-between" w="100%" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} component="h2" m={0} id="project-contract">
            {t('contracts.section.heading')}
          </Text>
          <StatusBadge status={latest.status} />
        </Group>
        <Text style={{ overflowWrap: 'anywhere' }}>{latest.title}</Text>
        <Text size="sm" c="dimmed">
          {dateOf(latest)}
        </Text>
        <OpenButton contract={latest} />
      </Stack>
    </Card>
  );
}
