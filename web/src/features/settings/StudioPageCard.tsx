import { Anchor, Button, Card, ColorInput, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { PictureField } from '../../components/PictureField';
import { useSettingsSaved, type Settings } from './api';
import { useSettingsCard } from './useSettingsCard';
import { ACCENT_SWATCHES, studioPageDraftOf, studioPageErrors, studioPageMax, studioPageValues } from './studioPage';

/** ADMIN: what the public studio page shows (presentation, contact) and the app's colour. */
export function StudioPageCard({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { form, submit } = useSettingsCard(settings, studioPageDraftOf(settings), studioPageErrors, studioPageValues);
  const optional = (label: string) => `${label} (${t('common.optional')})`;
  const saved = useSettingsSaved();

  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="studio-page-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            <Text fw={600} component="h2" m={0} id="studio-page-heading">
              {t('settings.page.title')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('settings.page.intro')}
            </Text>
          </Stack>
          <Anchor component={Link} to="/studio" target="_blank" size="sm" fw={600}>
            <Group gap={4} wrap="nowrap">
              {t('settings.page.view')} <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        <PictureField<Settings>
          label={optional(t('settings.page.logo'))}
          description={t('settings.page.logoHelp')}
          url={settings.logoUrl}
          endpoint="/api/settings/logo"
          shape="square"
          onSaved={saved}
        />
        <Textarea
          label={optional(t('settings.page.presentation'))}
          description={t('settings.page.presentationHelp')}
          autosize
          minRows={3}
          maxLength={studioPageMax('presentation')}
          {...form.field('presentation')}
        />
        <TextInput label={optional(t('settings.page.email'))} type="email" autoComplete="off" maxLength={studioPageMax('contactEmail')} {...form.field('contactEmail')} />
        <TextInput label={optional(t('settings.page.phone'))} type="tel" autoComplete="off" maxLength={studioPageMax('contactPhone')} {...form.field('contactPhone')} />
        <Textarea
          label={optional(t('settings.page.address'))}
          description={t('settings.page.addressHelp')}
          autosize
          minRows={2}
          maxLength={studioPageMax('address')}
          {...form.field('address')}
        />
        <ColorInput
          label={optional(t('settings.page.color'))}
          description={t('settings.page.colorHelp')}
          name="accentColor"
          format="hex"
          size="md"
          swatches={ACCENT_SWATCHES}
          swatchesPerRow={8}
          withEyeDropper={false}
          placeholder="#0f766e"
          value={form.values.accentColor}
          onChange={(v) => form.setValue('accentColor', v)}
          error={form.errors.accentColor}
        />
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
