import { Button, Card, Group, Select, Skeleton, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { fieldMessage, problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { toastSuccess } from '../../lib/toast';
import { useSaveSettings, useSettings, type Settings } from './api';

const ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['Europe/Paris'];
const CURRENCIES = ['EUR', 'CHF', 'GBP', 'USD', 'CAD'];
const SLOT_STEPS = [5, 10, 15, 20, 30, 60]; // what the server accepts

/** ADMIN: the studio's name, time zone, currency and default language. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const save = useSaveSettings();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!draft) return <Skeleton height={320} radius="lg" />;
  const set = (k: keyof Settings, v: string | number | null) => v !== null && setDraft({ ...draft, [k]: v });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setErrors({});
    const { studioName, timeZone, currency, locale, slotStepMinutes } = draft;
    save.mutate({ studioName, timeZone, currency, locale, slotStepMinutes }, {
      onSuccess: () => toastSuccess(t('common.saved')),
      onError: (err) => {
        if (err instanceof ApiError) setErrors(Object.fromEntries(err.errors.map((fe) => [fe.field, fieldMessage(t, fe)])));
        setError(problemMessage(t, err));
      },
    });
  };

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Card component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('settings.studioName')} required value={draft.studioName} error={errors.studioName} onChange={(e) => set('studioName', e.currentTarget.value)} />
          <Select label={t('settings.timeZone')} searchable data={ZONES} value={draft.timeZone} error={errors.timeZone} onChange={(v) => set('timeZone', v)} allowDeselect={false} />
          <Select label={t('settings.currency')} data={CURRENCIES} value={draft.currency} error={errors.currency} onChange={(v) => set('currency', v)} allowDeselect={false} />
          <Select
            label={t('settings.locale')}
            data={[
              { value: 'fr', label: t('language.fr') },
              { value: 'en', label: t('language.en') },
            ]}
            value={draft.locale}
            error={errors.locale}
            onChange={(v) => set('locale', v)}
            allowDeselect={false}
          />
          <Select
            label={t('settings.slotStep')}
            description={t('settings.slotStepHelp')}
            data={SLOT_STEPS.map((m) => ({ value: String(m), label: `${m} min` }))}
            value={String(draft.slotStepMinutes)}
            error={errors.slotStepMinutes}
            onChange={(v) => v && set('slotStepMinutes', Number(v))}
            allowDeselect={false}
          />
          <FormAlert message={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
