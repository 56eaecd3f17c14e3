import { NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateFields';
import { fieldMessage, problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { DOWNLOADS, draftErrors, SELECTION_MAX_LIMIT, TITLE_MAX, type GalleryDraft } from './settingsForm';

type Field = keyof GalleryDraft;
// The server names the expiry by its API field; the form edits a day.
const FIELD_OF: Record<string, Field> = { title: 'title', expiresAt: 'expiresOn', watermark: 'watermark', downloads: 'downloads', selectionMax: 'selectionMax' };

/** A gallery's settings being edited: the draft, its errors (checked here, then by the server). */
export function useGalleryDraft(initial: GalleryDraft) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = (change: Partial<GalleryDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in change))));
  };

  /** Whether the draft may be sent; its errors shown otherwise. */
  const check = (): boolean => {
    setFormError(null);
    const found = Object.entries(draftErrors(draft)).map(([k, key]) => [k, t(key as string)]);
    setErrors(Object.fromEntries(found));
    return found.length === 0;
  };

  /** The server refused: its field errors under their fields, the rest above the button. */
  const fail = (error: unknown) => {
    if (error instanceof ApiError) {
      const fields = error.errors.filter((e) => FIELD_OF[e.field]);
      setErrors(Object.fromEntries(fields.map((e) => [FIELD_OF[e.field], fieldMessage(t, e)])));
    }
    setFormError(problemMessage(t, error));
  };

  return { draft, set, errors, formError, check, fail, reset: setDraft };
}

interface FieldsProps {
  draft: GalleryDraft;
  set: (change: Partial<GalleryDraft>) => void;
  errors: Partial<Record<Field, string>>;
}

/** The settings of a gallery, the same when creating it and later. */
export function GalleryFields({ draft, set, errors }: FieldsProps) {
  const { t } = useTranslation();
  const optional = (label: string) => `${label} (${t('common.optional')})`;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('galleries.form.title')}
        name="title"
        required
        maxLength={TITLE_MAX}
        value={draft.title}
        error={errors.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <DateField
        label={optional(t('galleries.form.expiresOn'))}
        description={t('galleries.form.expiresOnHelp')}
        value={draft.expiresOn}
        error={errors.expiresOn}
        onChange={(expiresOn) => set({ expiresOn })}
        clearable
        size="md"
      />
      <Select
        label={t('galleries.form.downloads')}
        description={t('galleries.form.downloadsHelp')}
        data={DOWNLOADS.map((d) => ({ value: d, label: t(`galleries.downloads.${d}`) }))}
        value={draft.downloads}
        error={errors.downloads}
        onChange={(v) => v && set({ downloads: v as GalleryDraft['downloads'] })}
        allowDeselect={false}
      />
      <NumberInput
        label={optional(t('galleries.form.selectionMax'))}
        description={t('galleries.form.selectionMaxHelp')}
        name="selectionMax"
        min={1}
        max={SELECTION_MAX_LIMIT}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={draft.selectionMax}
        error={errors.selectionMax}
        onChange={(v) => set({ selectionMax: v === '' ? '' : Number(v) })}
        size="md"
      />
      <Switch
        label={t('galleries.form.watermark')}
        description={t('galleries.form.watermarkHelp')}
        checked={draft.watermark}
        error={errors.watermark}
        onChange={(e) => set({ watermark: e.currentTarget.checked })}
        size="md"
      />
    </Stack>
  );
}
