import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DocumentTitle } from '../../components/DocumentTitle';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { StatusBadge } from '../../components/StatusBadge';
import { actionProblemMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import { useDeleteGallery, useGallery, usePublishGallery, type Gallery } from './api';
import { galleryPaths } from './paths';
import { ShareCard } from './ShareCard';
import { DownloadLog, GallerySettingsCard, SelectionCard } from './StaffGalleryParts';
import { StaffPhotoGrid } from './StaffPhotoGrid';
import { UploadPanel } from './UploadPanel';
import './galleries.css';

/** The one primary action of a draft: publish it (the client is mailed), after a question. */
function PublishButton({ gallery }: { gallery: Gallery }) {
  const { t } = useTranslation();
  const publish = usePublishGallery(gallery.id);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const processing = gallery.fileCount - gallery.readyCount;
  const confirm = () =>
    publish.mutate(undefined, {
      onSuccess: () => {
        toastSuccess(t('galleries.publish.done', { client: gallery.client.name }));
        setAsking(false);
      },
      onError: (e) => setError(actionProblemMessage(t, e)),
    });
  return (
    <>
      <Button
        leftSection={<IconSend size={18} />}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        {t('galleries.publish.action')}
      </Button>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('galleries.publish.title')}
        text={[
          t('galleries.publish.text', { client: gallery.client.name, count: gallery.readyCount }),
          processing > 0 ? t('galleries.publish.processing', { count: processing }) : '',
        ]
          .filter(Boolean)
          .join(' ')}
        confirmLabel={t('galleries.publish.action')}
        loading={publish.isPending}
        error={error}
        onConfirm={confirm}
      />
    </>
  );
}

/** Deleting the gallery, its photos with it; back to its project after. */
function DeleteGallery({ gallery }: { gallery: Gallery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteGallery(gallery.id);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toastSuccess(t('galleries.delete.done', { title: gallery.title }));
        void navigate(galleryPaths.staffProject(gallery.projectId));
      },
      onError: (e) => setError(actionProblemMessage(t, e)),
    });
  return (
    <>
      <Button variant="subtle" color="red" w="fit-content" leftSection={<IconTrash size={16} />} onClick={() => setAsking(true)}>
        {t('galleries.delete.action')}
      </Button>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('galleries.delete.title')}
        text={t('galleries.delete.text', { title: gallery.title, count: gallery.fileCount })}
        confirmLabel={t('galleries.delete.action')}
        color="red"
        loading={remove.isPending}
        error={error}
        onConfirm={confirm}
      />
    </>
  );
}

/** Who the gallery is for, when it was published, until when it is open. */
function Facts({ gallery }: { gallery: Gallery }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const facts = [
    gallery.client.name,
    gallery.publishedAt ? t('galleries.publishedOn', { date: formatDateTime(gallery.publishedAt, i18n.language, timeZone) }) : t('galleries.notPublished'),
    gallery.expiresAt &&
      t(gallery.expired ? 'galleries.expiredOn' : 'galleries.card.until', { date: formatDate(gallery.expiresAt, i18n.language, timeZone) }),
  ].filter(Boolean);
  return <Text c="dimmed">{facts.join(' · ')}</Text>;
}

/**
 * Staff: one gallery. Photos in (drop zone, tus queue), the photos as the client will see them
 * (order, cover, delete), its settings, its guest links, the client's selection, who downloaded what; publishing
 * is the page's one primary action while it is a draft.
 */
export function StaffGalleryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const gallery = useGallery(id);
  if (gallery.isPending) return <PageSkeleton rows={4} />;
  if (gallery.isError) return <LoadError error={gallery.error} onRetry={() => void gallery.refetch()} />;
  const g = gallery.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={galleryPaths.staffProject(g.projectId)} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('galleries.backToProject')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Group justify="space-between" gap="sm">
          <Group gap="sm" miw={0}>
            <DocumentTitle screen={g.title} />
            <Title order={1} size="h2" className="gallery-title">
              {g.title}
            </Title>
            <StatusBadge status={g.status} />
          </Group>
          {g.status === 'DRAFT' && <PublishButton gallery={g} />}
        </Group>
        <Facts gallery={g} />
      </Stack>
      <UploadPanel galleryId={g.id} />
      <StaffPhotoGrid gallery={g} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <GallerySettingsCard key={g.id} gallery={g} />
            <ShareCard key={`share-${g.id}`} gallery={g} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <SelectionCard gallery={g} />
            <DownloadLog galleryId={g.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <DeleteGallery gallery={g} />
    </Stack>
  );
}
