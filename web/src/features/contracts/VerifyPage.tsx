import { Alert, FileInput, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileCertificate, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { DocumentTitle } from '../../components/DocumentTitle';
import { FormAlert } from '../../components/FormAlert';
import { problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { MAX_PDF_BYTES, useContractCheck, useVerifyPdf, type ContractCheck, type PdfCheck } from './api';
import { useWhen } from './ContractDetails';
import './contracts.css';

/** The contract as the studio's records have it: which one, its state, when it was signed. */
function Facts({ contract: c }: { contract: ContractCheck }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <List size="sm" spacing={4}>
      <List.Item>{t('contracts.verify.contract', { title: c.title, studio: c.studioName })}</List.Item>
      <List.Item>{t('contracts.verify.status', { status: t(`status.${c.status}`) })}</List.Item>
      <List.Item>{c.signedAt ? t('contracts.verify.signedAt', { date: when(c.signedAt) }) : t('contracts.verify.notSigned')}</List.Item>
      {c.countersignedAt && <List.Item>{t('contracts.verify.countersignedAt', { date: when(c.countersignedAt) })}</List.Item>}
    </List>
  );
}

/** /verifier/:id or ?id= (a contract's id, printed on its PDF): what the studio's records say of it. */
function RecordOf({ id }: { id: string }) {
  const { t } = useTranslation();
  const check = useContractCheck(id);
  if (check.isPending) return <Skeleton height={96} />;
  if (check.isError) {
    const unknown = check.error instanceof ApiError && check.error.status === 404;
    return <FormAlert message={unknown ? t('contracts.verify.unknownId') : problemMessage(t, check.error)} />;
  }
  const c = check.data;
  return (
    <Alert color="gray" variant="light" icon={<IconFileCertificate size={20} />} title={t('contracts.verify.recordTitle')}>
      <Stack gap="xs">
        <Facts contract={c} />
        {c.documentSha256 && (
          <Text size="sm" className="fingerprint">
            {t('contracts.client.fingerprint', { sha: c.documentSha256 })}
          </Text>
        )}
        {c.pdfSha256 && (
          <Text size="sm" className="fingerprint">
            {t('contracts.verify.pdfFingerprint', { sha: c.pdfSha256 })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function Result({ result }: { result: PdfCheck }) {
  const { t } = useTranslation();
  const fingerprint = (
    <Text size="sm" className="fingerprint">
      {t('contracts.verify.fileFingerprint', { sha: result.sha256 })}
    </Text>
  );
  if (!result.match) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={t('contracts.verify.noMatchTitle')} role="status">
        <Stack gap="xs">
          <Text size="sm">{t('contracts.verify.noMatchText')}</Text>
          {fingerprint}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" icon={<IconShieldCheck size={20} />} title={t('contracts.verify.matchTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('contracts.verify.matchText', { title: result.contract.title, studio: result.contract.studioName })}</Text>
        <Facts contract={result.contract} />
        {fingerprint}
      </Stack>
    </Alert>
  );
}

/** Anyone, without an account: is this PDF a contract the studio issued, unaltered? */
export function VerifyPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const id = useParams().id ?? search.get('id');
  const verify = useVerifyPdf();
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const pick = (picked: File | null) => {
    setFile(picked);
    setRefused(null);
    verify.reset();
    if (!picked) return;
    if (picked.type !== 'application/pdf' && !picked.name.toLowerCase().endsWith('.pdf')) setRefused(t('contracts.verify.notPdf'));
    else if (picked.size > MAX_PDF_BYTES) setRefused(t('contracts.verify.tooLarge'));
    else verify.mutate(picked);
  };
  const failure =
    verify.error instanceof ApiError && verify.error.status === 413 ? t('contracts.verify.tooLarge') : verify.error && problemMessage(t, verify.error);

  return (
    <Stack gap="lg">
      <DocumentTitle screen={t('contracts.verify.title')} />
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('contracts.verify.title')}
        </Title>
        <Text c="dimmed">{t('contracts.verify.subtitle')}</Text>
      </Stack>
      {id && <RecordOf id={id} />}
      <FileInput
        label={t('contracts.verify.file')}
        description={t('contracts.verify.fileHelp')}
        placeholder={t('contracts.verify.choose')}
        // Mantine's placeholder grey is under 4.5:1; the dimmed text colour is not.
        styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
        accept="application/pdf,.pdf"
        value={file}
        onChange={pick}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        size="md"
        leftSection={<IconFileCertificate size={18} />}
        disabled={verify.isPending}
      />
      {verify.isPending && (
        <Text size="sm" c="dimmed" role="status">
          {t('contracts.verify.checking')}
        </Text>
      )}
      <FormAlert message={refused ?? failure ?? null} />
      {verify.data && <Result result={verify.data} />}
    </Stack>
  );
}

export default VerifyPage;
