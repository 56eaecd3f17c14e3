import { Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import type { Settings } from './api';
import { useSettingsCard } from './useSettingsCard';
import { legalDraftOf, legalErrors, legalMax, legalValues } from './legal';

/** ADMIN: the studio's legal details, printed on every contract. */
export function LegalCard({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { form, submit } = useSettingsCard(settings, legalDraftOf(settings), legalErrors, legalValues);
  const optional = (label: string) => `${label} (${t('common.optional')})`;

  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="legal-heading">
      <Stack gap="md">
        <Stack gap={2}>
          <Text fw={600} component="h2" m={0} id="legal-heading">
            {t('settings.legal.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.legal.intro')}
          </Text>
        </Stack>
        <TextInput label={t('settings.legal.name')} description={t('settings.legal.nameHelp')} maxLength={legalMax('legalName')} {...form.field('legalName')} />
        <Textarea label={t('settings.legal.address')} autosize minRows={2} maxLength={legalMax('legalAddress')} {...form.field('legalAddress')} />
        <TextInput label={optional(t('settings.legal.siret'))} description={t('settings.legal.siretHelp')} inputMode="numeric" maxLength={legalMax('siret')} {...form.field('siret')} />
        <TextInput label={optional(t('settings.legal.vat'))} description={t('settings.legal.vatHelp')} maxLength={legalMax('vatNumber')} {...form.field('vatNumber')} />
        <FormAlert message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
