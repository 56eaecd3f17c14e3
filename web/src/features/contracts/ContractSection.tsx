import { Alert, Anchor, Badge, Button, Card, Group, Paper, ScrollArea, Select, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBan, IconPencil, IconRepeat, IconSend, IconSignature } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { StatusBadge } from '../../components/StatusBadge';
import { actionProblemMessage } from '../../lib/errors';
import { displayName } from '../../lib/format';
import { useForm } from '../../lib/form';
import { toastSuccess } from '../../lib/toast';
import { collect } from '../../lib/validation';
import type { Project } from '../../types/api';
import { latestContract, TITLE_MAX, useContract, useContractAction, useContracts, useCreateContract, useTemplates, useUpdateContract, type Contract, type ContractAction } from './api';
import { BodyEditor } from './BodyEditor';
import { bodyError, titleError } from './rules';
import { ContractDocument } from './ContractDocument';
import { SignatureDetails, Trail, useWhen, Versions } from './ContractDetails';
import { PdfButton } from './PdfButton';
import { contractPaths } from './paths';

export const REASON_MAX = 500;

/** No contract yet: one from a template (the service's own first). */
function CreateContract({ project }: { project: Project }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const create = useCreateContract();
  const preferred = project.service.defaultContractTemplateId ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (templates.isPending) return <Skeleton height={80} />;
  if (templates.isError) return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;
  if (templates.data.length === 0) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text c="dimmed">{t('contracts.section.noTemplates')}</Text>
        <Button component={Link} to={contractPaths.newTemplate} variant="light">
          {t('contracts.templates.create')}
        </Button>
      </Stack>
    );
  }
  const templateId = picked ?? (templates.data.some((tpl) => tpl.id === preferred) ? preferred : templates.data[0].id);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!templateId) return;
    setError(null);
    create.mutate(
      { projectId: project.id, templateId },
      { onSuccess: () => toastSuccess(t('contracts.section.created')), onError: (err) => setError(actionProblemMessage(t, err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text c="dimmed">{t('contracts.section.none')}</Text>
        <Select
          label={t('contracts.section.template')}
          data={templates.data.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          value={templateId}
          onChange={setPicked}
          allowDeselect={false}
        />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('contracts.section.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A draft's title and text, with the preview in this project's values. */
function DraftEditor({ contract, onDone }: { contract: Contract; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateContract(contract.id);
  const form = useForm({ title: contract.title, body: contract.body }, (v) =>
    collect({
      title: titleError(v.title),
      body: bodyError(v.body),
    }),
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await update.mutateAsync({ title: v.title.trim(), body: v.body });
      toastSuccess(t('contracts.section.draftSaved'));
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('contracts.section.title')} required maxLength={TITLE_MAX} {...form.field('title')} />
        <BodyEditor label={t('contracts.section.body')} value={form.values.body} onChange={(v) => form.setValue('body', v)} error={form.errors.body} projectId={contract.projectId} placeholders={false} />
        <FormAlert message={form.formError} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where the contract stands, in a sentence. */
function StatusLine({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation();
  const when = useWhen();
  const client = displayName(c.client);
  const line =
    c.status === 'DRAFT'
      ? t('contracts.section.draftLine')
      : c.status === 'SENT'
        ? t('contracts.section.sentLine', { client, date: c.sentAt ? when(c.sentAt) : '' })
        : c.status === 'SIGNED'
          ? t('contracts.section.signedLine', { client: c.signature?.fullName ?? client, date: c.signature ? when(c.signature.signedAt) : '' })
          : t('contracts.section.voidLine', { date: c.voided ? when(c.voided.at) : '' });
  return (
    <Stack gap={2}>
      <Text>{line}</Text>
      {c.voided && <Text c="dimmed">{t('contracts.reason', { reason: c.voided.reason })}</Text>}
    </Stack>
  );
}

type Asking = Extract<ContractAction, 'send' | 'countersign' | 'void'> | null;

/** The actions the contract's status allows; sending, countersigning and voiding ask first. */
function ContractActions({ contract: c, onEdit, onReissued }: { contract: Contract; onEdit: () => void; onReissued: () => void }) {
  const { t } = useTranslation();
  const run = useContractAction(c.id);
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setAsking(null);
    setError(null);
    setReasonError(null);
  };
  const act = (action: ContractAction) => {
    if (action === 'void' && !reason.trim()) {
      setReasonError(t('contracts.section.reasonRequired'));
      return;
    }
    setError(null);
    run.mutate(
      { action, reason: reason.trim() },
      {
        onSuccess: () => {
          toastSuccess(t(`contracts.section.done.${action}`));
          close();
          setReason('');
          if (action === 'reissue') onReissued();
        },
        onError: (e) => setError(actionProblemMessage(t, e)),
      },
    );
  };
  const pending = (action: ContractAction) => run.isPending && run.variables?.action === action;
  const canVoid = c.status !== 'VOID';

  return (
    <>
      <Group gap="xs">
        {c.status === 'DRAFT' && (
          <>
            <Button leftSection={<IconSend size={16} />} onClick={() => setAsking('send')}>
              {t('contracts.section.send')}
            </Button>
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
          </>
        )}
        {c.status === 'SIGNED' && !c.countersignature && (
          <Button leftSection={<IconSignature size={16} />} onClick={() => setAsking('countersign')}>
            {t('contracts.section.countersign')}
          </Button>
        )}
        {c.status === 'VOID' && (
          <Button leftSection={<IconRepeat size={16} />} loading={pending('reissue')} onClick={() => act('reissue')}>
            {t('contracts.section.reissue')}
          </Button>
        )}
        <PdfButton contract={c} />
        {canVoid && (
          <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => setAsking('void')}>
            {t('contracts.section.void')}
          </Button>
        )}
      </Group>
      {!asking && <FormAlert message={error} />}
      <ConfirmModal
        opened={asking === 'send'}
        onClose={close}
        title={t('contracts.section.sendTitle')}
        text={t('contracts.section.sendText', { client: displayName(c.client), email: c.client.email })}
        confirmLabel={t('contracts.section.send')}
        loading={pending('send')}
        error={error}
        onConfirm={() => act('send')}
      />
      <ConfirmModal
        opened={asking === 'countersign'}
        onClose={close}
        title={t('contracts.section.countersignTitle')}
        text={t('contracts.section.countersignText', { client: displayName(c.client) })}
        confirmLabel={t('contracts.section.countersign')}
        loading={pending('countersign')}
        error={error}
        onConfirm={() => act('countersign')}
      />
      <ConfirmModal
        opened={asking === 'void'}
        onClose={close}
        title={t('contracts.section.voidTitle')}
        text={t(c.status === 'DRAFT' ? 'contracts.section.voidDraftText' : 'contracts.section.voidText')}
        confirmLabel={t('contracts.section.void')}
        color="red"
        loading={pending('void')}
        error={error}
        onConfirm={() => act('void')}
      >
        <Textarea
          label={t('contracts.section.reason')}
          description={t('contracts.section.reasonHelp')}
          name="reason"
          required
          data-autofocus
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          value={reason}
          error={reasonError}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(null);
          }}
        />
      </ConfirmModal>
    </>
  );
}

/** One contract of the project: its state, what can be done, its text, signature, versions and trail. */
function ContractPanel({ id, latestId, onShow }: { id: string; latestId: string; onShow: (id: string | null) => void }) {
  const { t } = useTranslation();
  const contract = useContract(id);
  const [editing, setEditing] = useState(false);
  if (contract.isPending) return <Skeleton height={160} />;
  if (contract.isError) return <LoadError error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  const older = c.id !== latestId;
  // A draft sent or voided meanwhile (another tab, a colleague) leaves the editor.
  const drafting = editing && c.status === 'DRAFT';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} miw={0}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {c.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t('contracts.version', { version: c.version })}
          </Text>
        </Stack>
        <Group gap={6}>
          <StatusBadge status={c.status} />
          {c.countersignature && (
            <Badge color="green" variant="light">
              {t('contracts.countersigned')}
            </Badge>
          )}
        </Group>
      </Group>
      {older && (
        <Alert color="gray" variant="light">
          {t('contracts.section.olderVersion')}{' '}
          <Anchor component="button" type="button" onClick={() => onShow(null)}>
            {t('contracts.section.showLatest')}
          </Anchor>
        </Alert>
      )}
      <StatusLine contract={c} />
      {older ? <PdfButton contract={c} /> : !drafting && <ContractActions contract={c} onEdit={() => setEditing(true)} onReissued={() => onShow(null)} />}
      {drafting ? (
        <DraftEditor contract={c} onDone={() => setEditing(false)} />
      ) : (
        <Paper withBorder p="md">
          {/* A named region that takes the focus, so that a keyboard scrolls a long text too. */}
          <ScrollArea.Autosize mah={480} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('contracts.section.text') }}>
            <ContractDocument blocks={c.blocks} />
          </ScrollArea.Autosize>
        </Paper>
      )}
      <SignatureDetails contract={c} />
      <Versions contract={c} shownId={c.id} onShow={(v) => onShow(v === latestId ? null : v)} />
      <Trail id={c.id} />
    </Stack>
  );
}

/** Staff, on a project's page: its contract, from the template to the countersignature. */
export function ContractSection({ project }: { project: Project }) {
  const { t } = useTranslation();
  const list = useContracts({ projectId: project.id });
  const [shown, setShown] = useState<string | null>(null);
  const latest = latestContract(list.data?.pages.flatMap((p) => p.items) ?? []);
  // Arriving from a notification or the contracts list (…#contract): the section, once loaded.
  const { hash } = useLocation();
  const section = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === '#contract' && list.isSuccess) section.current?.scrollIntoView({ block: 'start' });
  }, [hash, list.isSuccess]);
  return (
    <Card ref={section} id="contract" component="section" aria-labelledby="contract-heading">
      <Stack gap="md">
        <Text fw={600} component="h2" m={0} id="contract-heading">
          {t('contracts.section.heading')}
        </Text>
        {list.isPending && <Skeleton height={80} />}
        {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
        {latest && <ContractPanel key={shown ?? latest.id} id={shown ?? latest.id} latestId={latest.id} onShow={setShown} />}
        {/* After a void: issue the same text again (the panel's button) or start from a template. */}
        {list.isSuccess && (!latest || latest.status === 'VOID') && <CreateContract project={project} />}
      </Stack>
    </Card>
  );
}
