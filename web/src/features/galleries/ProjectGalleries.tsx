import { Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { useStudioTimeZone } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import { useCreateGallery, useGalleries } from './api';
import { GalleryGrid } from './GalleryCard';
import { GalleryFields, useGalleryDraft } from './GalleryForm';
import { galleryPaths } from './paths';
import { inputOf, NEW_GALLERY } from './settingsForm';

/** A new gallery for the project, then straight to it to add the photos. */
function NewGalleryForm({ projectId, onCancel }: { projectId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const navigate = useNavigate();
  const create = useCreateGallery(projectId);
  const form = useGalleryDraft(NEW_GALLERY);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    create.mutate(inputOf(form.draft, timeZone), {
      onSuccess: (gallery) => {
        toastSuccess(t('galleries.created'));
        void navigate(galleryPaths.staff(gallery.id));
      },
      onError: form.fail,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-gallery-heading">
      <Stack gap="sm">
        <Text fw={600} component="h3" m={0} id="new-gallery-heading">
          {t('galleries.new')}
        </Text>
        <GalleryFields draft={form.draft} set={form.set} errors={form.errors} />
        <FormAlert message={form.formError} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('galleries.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Staff, on a project's page: its galleries, and a new one. */
export function ProjectGalleries({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useGalleries(projectId);
  const [creating, setCreating] = useState(false);
  return (
    <Card component="section" id="galleries" aria-labelledby="galleries-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Text fw={600} component="h2" m={0} id="galleries-heading">
            {t('galleries.title')}
          </Text>
          {!creating && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('galleries.new')}
            </Button>
          )}
        </Group>
        {list.isPending && <Skeleton height={80} />}
        {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && list.data.length === 0 && !creating && <Text c="dimmed">{t('galleries.noneForProject')}</Text>}
        {list.isSuccess && list.data.length > 0 && <GalleryGrid galleries={list.data} staff />}
        {creating && <NewGalleryForm projectId={projectId} onCancel={() => setCreating(false)} />}
      </Stack>
    </Card>
  );
}

/** A client, on their project's page: its published galleries, when there are some. */
export function ProjectGalleriesCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useGalleries(projectId);
  if (!list.data?.length) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="project-galleries">
      <Text fw={600} component="h2" m={0} id="project-galleries">
        {t('galleries.title')}
      </Text>
      <GalleryGrid galleries={list.data} staff={false} />
    </Stack>
  );
}
