import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowLeft, IconCircleCheck, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentTitle } from '../../components/DocumentTitle';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { StatusBadge } from '../../components/StatusBadge';
import { fieldMessage, problemMessage } from '../../lib/errors';
import { displayName, formatDateTime, timeZoneLabel } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { useStudioTimeZone } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import type { Errors } from '../../lib/validation';
import { useContract, useSignContract, type Contract } from './api';
import { ContractDocument } from './ContractDocument';
import { useWhen } from './ContractDetails';
import { PdfButton } from './PdfButton';
import { contractPaths } from './paths';
import { FULL_NAME_MAX, signErrors, signInput, type SignDraft, type SignField } from './signForm';
import { SignaturePad } from './SignaturePad';
import './contracts.css';

const STATUS_ID = 'contract-status';

/** The typed name, the explicit consent, an optional drawing, and the one button that signs. */
function SignForm({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const sign = useSignContract(contract.id);
  const [draft, setDraft] = useState<SignDraft>({ fullName: '', consent: false, signature: null });
  const [errors, setErrors] = useState<Errors<SignField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = <K extends keyof SignDraft>(field: K, value: SignDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field in errors) setErrors(({ [field as SignField]: _, ...rest }) => rest);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found = signErrors(draft);
    if (Object.keys(found).length) {
      setErrors(Object.fromEntries(Object.entries(found).map(([f, key]) => [f, t(key)])));
      return;
    }
    sign.mutate(signInput(draft), {
      onSuccess: () => {
        toastSuccess(t('contracts.sign.done'));
        // The page now says it is signed: the reader is taken there.
        requestAnimationFrame(() => document.getElementById(STATUS_ID)?.focus());
      },
      onError: (err) => {
        if (err instanceof ApiError) setErrors(Object.fromEntries(err.errors.filter((fe) => fe.field === 'fullName' || fe.field === 'consent').map((fe) => [fe.field, fieldMessage(t, fe)])));
        setFormError(err instanceof ApiError && err.errors.some((fe) => fe.field === 'signature') ? t('contracts.sign.drawTooLarge') : problemMessage(t, err));
      },
    });
  };

  return (
    <Card component="form" id="sign" onSubmit={submit} noValidate aria-labelledby="sign-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="sign-heading">
          {t('contracts.sign.title')}
        </Title>
        <Text c="dimmed">{t('contracts.sign.intro')}</Text>
        <TextInput
          label={t('contracts.sign.fullName')}
          description={t('contracts.sign.fullNameHelp')}
          placeholder={displayName(contract.client)}
          name="fullName"
          autoComplete="name"
          required
          maxLength={FULL_NAME_MAX}
          value={draft.fullName}
          error={errors.fullName}
          onChange={(e) => set('fullName', e.currentTarget.value)}
        />
        <SignaturePad onChange={(signature) => set('signature', signature)} />
        <Checkbox
          name="consent"
          label={t('contracts.sign.consent')}
          checked={draft.consent}
          error={errors.consent}
          onChange={(e) => set('consent', e.currentTarget.checked)}
          size="md"
          aria-required
        />
        <FormAlert message={formError} />
        <Button type="submit" size="md" leftSection={<IconSignature size={18} />} loading={sign.isPending} fullWidth>
          {t('contracts.sign.submit')}
        </Button>
      </Stack>
    </Card>
  );
}

/** Where the contract stands for the client, and what to do: sign below, download, or nothing more. */
function StatusNotice({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation();
  const when = useWhen();
  if (c.status === 'SENT') {
    return (
      <Alert color="yellow" variant="light" id={STATUS_ID} tabIndex={-1}>
        <Stack gap="xs" align="flex-start">
          <Text>{t('contracts.client.readThenSign')}</Text>
          <Button component="a" href="#sign" variant="light" color="yellow" size="sm" leftSection={<IconArrowDown size={16} />}>
            {t('contracts.client.toSignature')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (c.status === 'SIGNED' && c.signature) {
    return (
      <Alert color="blue" variant="light" id={STATUS_ID} tabIndex={-1} icon={<IconCircleCheck size={20} />} title={t('contracts.client.signedTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text>{t('contracts.client.signedText', { name: c.signature.fullName, date: when(c.signature.signedAt) })}</Text>
          <Text>{c.countersignature ? t('contracts.client.countersigned', { date: when(c.countersignature.at) }) : t('contracts.client.awaitingCountersign')}</Text>
          <Text size="sm" className="fingerprint">
            {t('contracts.client.fingerprint', { sha: c.signature.documentSha256 })}
          </Text>
          <PdfButton contract={c} variant="filled" />
          {/* The alert's own (darkened) text colour, underlined: the accent is under 4.5:1 on its tint. */}
          <Anchor component={Link} to={contractPaths.verify(c.id)} size="sm" c="inherit" underline="always">
            {t('contracts.verify.checkLink')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  if (c.status === 'VOID') {
    return (
      <Alert color="gray" variant="light" id={STATUS_ID} tabIndex={-1} title={t('contracts.client.voidTitle')}>
        <Stack gap="xs">
          <Text>{t('contracts.client.voidText', { date: c.voided ? when(c.voided.at) : '' })}</Text>
          {c.voided?.reason && <Text>{t('contracts.reason', { reason: c.voided.reason })}</Text>}
        </Stack>
      </Alert>
    );
  }
  return null;
}

/** A client: one contract to read, then sign (on a phone too), then download. */
export function ClientContractPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const contract = useContract(id);
  const timeZone = useStudioTimeZone();
  if (contract.isPending) return <PageSkeleton rows={4} />;
  if (contract.isError) return <LoadError error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  const about = [c.service?.name, c.booking ? `${formatDateTime(c.booking.start, i18n.language, timeZone)} (${timeZoneLabel(timeZone, i18n.language)})` : null].filter(Boolean).join(' · ');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={contractPaths.clientList} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('contracts.client.mine')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <DocumentTitle screen={c.title} />
        <Group gap="sm" align="center">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {c.title}
          </Title>
          <StatusBadge status={c.status} />
          {c.countersignature && (
            <Badge color="green" variant="light">
              {t('contracts.countersigned')}
            </Badge>
          )}
        </Group>
        {about && <Text c="dimmed">{about}</Text>}
      </Stack>
      <StatusNotice contract={c} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        <ContractDocument blocks={c.blocks} label={t('contracts.client.documentLabel', { title: c.title })} />
      </Paper>
      {c.status === 'SENT' && <SignForm contract={c} />}
    </Stack>
  );
}
