import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContractSummary } from './api';

/** The PDF, through its signed link (none while the contract is a draft). */
export function PdfButton({ contract, variant = 'light' }: { contract: Pick<ContractSummary, 'pdfUrl' | 'title'>; variant?: 'filled' | 'light' | 'default' }) {
  const { t } = useTranslation();
  // The server makes the link; only a web or same-site address is followed.
  if (!contract.pdfUrl || !/^(https?:\/\/|\/(?!\/))/.test(contract.pdfUrl)) return null;
  return (
    <Button component="a" href={contract.pdfUrl} download variant={variant} leftSection={<IconDownload size={16} />} aria-label={t('contracts.downloadNamed', { title: contract.title })}>
      {t('contracts.download')}
    </Button>
  );
}
