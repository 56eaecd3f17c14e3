import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTemplates } from './api';

const NONE = 'none';

/** Staff, in a service's form: the template a confirmed booking's contract is drafted from, or none. */
export function TemplateSelect({ value, onChange, error }: { value: string | null; onChange: (templateId: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const data = [{ value: NONE, label: t('contracts.templateSelect.none') }, ...(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))];
  return (
    <Select
      label={t('contracts.templateSelect.label')}
      description={t('contracts.templateSelect.help')}
      name="defaultContractTemplateId"
      data={data}
      value={value ?? NONE}
      onChange={(v) => onChange(v && v !== NONE ? v : null)}
      allowDeselect={false}
      disabled={templates.isPending}
      error={error ?? (templates.isError ? t('errors.loadFailed') : undefined)}
    />
  );
}
