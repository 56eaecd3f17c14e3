import { Button, Card, Divider, Group, NumberInput, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { fieldMessage, problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { toastSuccess } from '../../lib/toast';
import { useSaveSettings, useSettings } from './api';
import { BOOKING_RULES, bookingRuleErrors, draftOf, type BookingRule, type SettingsDraft } from './bookingRules';
import { LegalCard } from './LegalCard';
import { StudioPageCard } from './StudioPageCard';

const ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['Europe/Paris'];
const CURRENCIES = ['EUR', 'CHF', 'GBP', 'USD', 'CAD'];
const SLOT_STEPS = [5, 10, 15, 20, 30, 60]; // what the server accepts

/**
 * ADMIN: the studio's name, time zone, currency, default language, booking rules, public page
 * and legal details; then what other modules show here (`cards`: the galleries' storage).
 */
export function SettingsPage({ cards }: { cards?: ReactNode }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const save = useSaveSettings();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  // Set once: saving the legal details (another form) keeps what is being typed here.
  useEffect(() => {
    if (settings.data) setDraft((d) => d ?? draftOf(settings.data));
  }, [settings.data]);

  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!draft || !settings.data) return <Skeleton height={320} radius="lg" />;
  const saved = settings.data;
  const set = (k: keyof SettingsDraft, v: string | number | null) => {
    if (v === null) return;
    setDraft({ ...draft, [k]: v });
    if (errors[k]) setErrors(({ [k]: _, ...rest }) => rest);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const wrong = bookingRuleErrors(draft);
    if (Object.keys(wrong).length) {
      setErrors(Object.fromEntries(Object.entries(wrong).map(([f, key]) => [f, t(key)])));
      setError(t('errors.validation'));
      return;
    }
    setErrors({});
    const { studioName, timeZone, currency, locale, slotStepMinutes } = draft;
    const rules = {
      bookingHorizonMonths: Number(draft.bookingHorizonMonths),
      maxOpenRequestsPerClient: Number(draft.maxOpenRequestsPerClient),
      requestExpiryHours: Number(draft.requestExpiryHours),
    };
    // The legal details as saved (their own card): a full PUT must not drop them.
    save.mutate({ ...saved, studioName, timeZone, currency, locale, slotStepMinutes, ...rules }, {
      onSuccess: () => toastSuccess(t('common.saved')),
      onError: (err) => {
        if (err instanceof ApiError) setErrors(Object.fromEntries(err.errors.map((fe) => [fe.field, fieldMessage(t, fe)])));
        setError(problemMessage(t, err));
      },
    });
  };

  /** A whole number between the server's bounds; the unit follows the number ("1 heure", "72 heures"). */
  const rule = (field: BookingRule, label: string, help: string, unit?: string) => {
    const { min, max } = BOOKING_RULES[field];
    const value = draft[field];
    return (
      <NumberInput
        label={label}
        description={help}
        name={field}
        required
        min={min}
        max={max}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        suffix={unit ? t(unit, { count: value === '' ? max : value }) : undefined}
        value={value}
        error={errors[field]}
        onChange={(v) => set(field, typeof v === 'number' ? v : v === '' ? '' : Number(v))}
        size="md"
      />
    );
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
          <Divider my="xs" />
          <Stack gap={2}>
            <Text fw={600} component="h2" m={0}>
              {t('settings.bookingRules')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('settings.bookingRulesIntro')}
            </Text>
          </Stack>
          {rule('bookingHorizonMonths', t('settings.horizon'), t('settings.horizonHelp'), 'settings.horizonUnit')}
          {rule('maxOpenRequestsPerClient', t('settings.maxOpen'), t('settings.maxOpenHelp'))}
          {rule('requestExpiryHours', t('settings.expiry'), t('settings.expiryHelp'), 'settings.expiryUnit')}
          <FormAlert message={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <StudioPageCard settings={saved} />
      <LegalCard settings={saved} />
      {cards}
    </Stack>
  );
}
