import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { PictureField } from '../../components/PictureField';
import { fieldMessage, problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { currencySymbol } from '../../lib/format';
import { invalidateRoots } from '../../lib/queryKeys';
import { useStudio } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import type { Service } from '../../types/api';
import { useSaveService, type ServiceInput } from './api';
import { includedLines, includedProblem } from './included';

type Draft = Omit<ServiceInput, 'priceCents' | 'depositCents' | 'included'> & { price: number; deposit: number; includedText: string };

/** A field choosing the service's default contract template (null: none). */
export type TemplateField = (props: { value: string | null; onChange: (templateId: string | null) => void; error?: string }) => ReactNode;

const EMPTY: Draft = {
  name: '',
  description: '',
  category: '',
  durationMinutes: 60,
  price: 0,
  deposit: 0,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeHours: 24,
  defaultContractTemplateId: null,
  includedText: '',
};

// The API's money fields are cents; the form's are units.
const FORM_FIELD: Record<string, string> = { priceCents: 'price', depositCents: 'deposit' };

function draftOf(s: Service | null): Draft {
  if (!s) return EMPTY;
  return {
    ...s,
    description: s.description ?? '',
    category: s.category ?? '',
    price: s.priceCents / 100,
    deposit: s.depositCents / 100,
    includedText: (s.included ?? []).join('\n'),
    // Undefined when the list did not carry it: then it is not sent, so never cleared unseen.
    defaultContractTemplateId: s.defaultContractTemplateId,
  };
}

interface Props {
  service: Service | null;
  opened: boolean;
  onClose: () => void;
  templateField?: TemplateField;
}

/** Create or edit a service; prices are typed in units and stored in cents. */
export function ServiceModal({ service, opened, onClose, templateField }: Props) {
  const { t, i18n } = useTranslation();
  const save = useSaveService(service?.id ?? null);
  const queryClient = useQueryClient();
  const studio = useStudio();
  const money = {
    decimalScale: 2,
    decimalSeparator: i18n.language === 'en' ? '.' : ',',
    suffix: ` ${currencySymbol(service?.currency ?? studio.data?.currency ?? 'EUR', i18n.language)}`,
  };
  const [draft, setDraft] = useState<Draft>(draftOf(service));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The photo is saved on its own, at once: shown as the server last answered.
  const [coverUrl, setCoverUrl] = useState(service?.coverUrl ?? null);
  useEffect(() => {
    if (opened) {
      setDraft(draftOf(service));
      setCoverUrl(service?.coverUrl ?? null);
      setErrors({});
      setFormError(null);
    }
  }, [opened, service]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const num = (k: keyof Draft) => (v: string | number) => set(k, (typeof v === 'number' ? v : Number(v) || 0) as never);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const included = includedLines(draft.includedText);
    const tooMuch = includedProblem(included);
    const invalid = {
      ...(draft.name.trim() ? {} : { name: t('validation.required') }),
      ...(tooMuch ? { included: t(tooMuch) } : {}),
    };
    if (Object.keys(invalid).length > 0) {
      setErrors(invalid);
      return;
    }
    try {
      await save.mutateAsync({
        name: draft.name.trim(),
        description: draft.description?.trim() || null,
        category: draft.category?.trim() || null,
        durationMinutes: draft.durationMinutes,
        priceCents: Math.round(draft.price * 100),
        depositCents: Math.round(draft.deposit * 100),
        bufferBeforeMinutes: draft.bufferBeforeMinutes,
        bufferAfterMinutes: draft.bufferAfterMinutes,
        minNoticeHours: draft.minNoticeHours,
        included,
        ...(templateField && draft.defaultContractTemplateId !== undefined ? { defaultContractTemplateId: draft.defaultContractTemplateId } : {}),
      });
      toastSuccess(t('common.saved'));
      onClose();
    } catch (err) {
      const fields: Record<string, string> = {};
      if (err instanceof ApiError) {
        for (const fe of err.errors) fields[FORM_FIELD[fe.field] ?? fe.field] ??= fieldMessage(t, fe);
      }
      setErrors(fields);
      setFormError(problemMessage(t, err));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={service ? t('services.edit') : t('services.create')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <TextInput label={t('services.name')} required value={draft.name} error={errors.name} name="name" onChange={(e) => set('name', e.currentTarget.value)} />
          <TextInput label={`${t('services.category')} (${t('common.optional')})`} name="category" value={draft.category ?? ''} onChange={(e) => set('category', e.currentTarget.value)} />
          <Textarea label={`${t('services.description')} (${t('common.optional')})`} name="description" autosize minRows={2} value={draft.description ?? ''} onChange={(e) => set('description', e.currentTarget.value)} />
          <Textarea
            label={`${t('services.included')} (${t('common.optional')})`}
            description={t('services.includedHelp')}
            name="included"
            autosize
            minRows={3}
            value={draft.includedText}
            error={errors.included}
            onChange={(e) => set('includedText', e.currentTarget.value)}
          />
          {service ? (
            <PictureField<Service>
              label={`${t('services.photo')} (${t('common.optional')})`}
              description={t('services.photoHelp')}
              url={coverUrl}
              endpoint={`/api/services/${encodeURIComponent(service.id)}/cover`}
              shape="wide"
              onSaved={(saved) => {
                setCoverUrl(saved.coverUrl ?? null);
                void invalidateRoots(queryClient, ['services']);
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('services.photoAfterSave')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('services.duration')} name="durationMinutes" min={15} max={1440} step={15} suffix=" min" value={draft.durationMinutes} error={errors.durationMinutes} onChange={num('durationMinutes')} />
            <NumberInput label={t('services.price')} name="price" min={0} {...money} value={draft.price} error={errors.price} onChange={num('price')} />
            <NumberInput label={t('services.deposit')} name="deposit" min={0} {...money} value={draft.deposit} error={errors.deposit} onChange={num('deposit')} />
          </SimpleGrid>
          {/* Plain words and one sentence each: "buffer" and "notice" mean little to a photographer. */}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('services.bufferBefore')} description={t('services.bufferBeforeHelp')} name="bufferBeforeMinutes" min={0} max={480} step={5} suffix=" min" value={draft.bufferBeforeMinutes} error={errors.bufferBeforeMinutes} onChange={num('bufferBeforeMinutes')} />
            <NumberInput label={t('services.bufferAfter')} description={t('services.bufferAfterHelp')} name="bufferAfterMinutes" min={0} max={480} step={5} suffix=" min" value={draft.bufferAfterMinutes} error={errors.bufferAfterMinutes} onChange={num('bufferAfterMinutes')} />
            <NumberInput label={t('services.notice')} description={t('services.noticeHelp')} name="minNoticeHours" min={0} max={8760} suffix=" h" value={draft.minNoticeHours} error={errors.minNoticeHours} onChange={num('minNoticeHours')} />
          </SimpleGrid>
          {templateField?.({ value: draft.defaultContractTemplateId ?? null, onChange: (id) => set('defaultContractTemplateId', id), error: errors.defaultContractTemplateId })}
          <FormAlert message={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
