import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../lib/form';
import { toastSuccess } from '../../lib/toast';
import type { Errors } from '../../lib/validation';
import { useSaveSettings, type Settings } from './api';

/**
 * One card of the settings page as a form of its own: it saves the settings as they were
 * read with only its fields changed, so one card's edits never carry another's.
 */
export function useSettingsCard<F extends string>(
  settings: Settings,
  draft: Record<F, string>,
  validate: (values: Record<F, string>) => Errors<F>,
  toSettings: (values: Record<F, string>) => Partial<Settings>,
) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const form = useForm(draft, validate);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await save.mutateAsync({ ...settings, ...toSettings(v) });
      toastSuccess(t('common.saved'));
    });
  };
  return { form, submit };
}
