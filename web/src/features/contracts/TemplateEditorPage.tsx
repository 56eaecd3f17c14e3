import { Anchor, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { problemMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { toastSuccess } from '../../lib/toast';
import { collect } from '../../lib/validation';
import { TITLE_MAX, useDeleteTemplate, useSaveTemplate, useTemplate, type ContractTemplate } from './api';
import { BodyEditor } from './BodyEditor';
import { bodyError, titleError } from './rules';
import { contractPaths } from './paths';
import './contracts.css';

/** i18n keys of what to fix before saving a template. */
function templateErrors(v: { name: string; body: string }) {
  return collect({
    name: titleError(v.name),
    body: bodyError(v.body),
  });
}

/** "Delete this template?": contracts made from it keep their text. */
export function DeleteTemplateModal({ template, onClose, onDeleted }: { template: ContractTemplate | null; onClose: () => void; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteTemplate();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <ConfirmModal
      opened={template !== null}
      onClose={close}
      title={t('contracts.templates.deleteTitle', { name: template?.name ?? '' })}
      text={t('contracts.templates.deleteText')}
      confirmLabel={t('contracts.templates.confirmDelete')}
      color="red"
      loading={remove.isPending}
      error={error}
      onConfirm={() =>
        template &&
        remove.mutate(template.id, {
          onSuccess: () => {
            toastSuccess(t('contracts.templates.deleted'));
            close();
            onDeleted?.();
          },
          onError: (e) => setError(problemMessage(t, e)),
        })
      }
    />
  );
}

function TemplateForm({ template }: { template: ContractTemplate | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveTemplate();
  const [deleting, setDeleting] = useState(false);
  // A new template starts from a sample contract (its placeholders left as written).
  const form = useForm({ name: template?.name ?? '', body: template?.body ?? t('contracts.templates.starter', { skipInterpolation: true }) }, templateErrors);
  const title = template ? template.name : t('contracts.templates.newTitle');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const saved = await save.mutateAsync({ id: template?.id ?? null, template: { name: v.name.trim(), body: v.body } });
      toastSuccess(t('contracts.templates.saved'));
      if (!template) navigate(contractPaths.template(saved.id), { replace: true });
    });
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={contractPaths.templates} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('contracts.templates.title')}
        </Group>
      </Anchor>
      <PageHeader title={title} subtitle={t('contracts.templates.editorSubtitle')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('contracts.templates.name')} required maxLength={TITLE_MAX} {...form.field('name')} />
          <BodyEditor label={t('contracts.templates.body')} value={form.values.body} onChange={(v) => form.setValue('body', v)} error={form.errors.body} />
          {/* Always in view at the bottom of the screen, however long the text. */}
          <Paper withBorder p="sm" className="sticky-actions">
            <Stack gap="xs">
              <FormAlert message={form.formError} />
              <Group justify="space-between" gap="xs">
                {template ? (
                  <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                    {t('common.delete')}
                  </Button>
                ) : (
                  <span />
                )}
                <Button type="submit" loading={form.submitting}>
                  {template ? t('common.save') : t('contracts.templates.createSubmit')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stack>
      </form>
      <DeleteTemplateModal template={deleting ? template : null} onClose={() => setDeleting(false)} onDeleted={() => navigate(contractPaths.templates, { replace: true })} />
    </Stack>
  );
}

/** Staff: a new template (…/templates/new) or an existing one (…/templates/:id). */
export function TemplateEditorPage() {
  const { id } = useParams();
  if (!id) return <TemplateForm template={null} />;
  return <ExistingTemplate id={id} />;
}

function ExistingTemplate({ id }: { id: string }) {
  const template = useTemplate(id);
  if (template.isPending) return <PageSkeleton rows={3} />;
  if (template.isError) return <LoadError error={template.error} onRetry={() => void template.refetch()} />;
  return <TemplateForm key={template.data.id} template={template.data} />;
}
