import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconDownload, IconHeart, IconHeartFilled, IconHourglassOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DocumentTitle } from '../../components/DocumentTitle';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { actionProblemMessage } from '../../lib/errors';
import { formatDate, formatDateTime, formatFileSize } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { toastError, toastSuccess } from '../../lib/toast';
import { isGone, useFavorite, useGallery, useGalleryFiles, useSubmitSelection, type Gallery, type GalleryFile } from './api';
import { JustifiedGrid } from './JustifiedGrid';
import { galleryPaths } from './paths';
import { PhotoViewer } from './PhotoViewer';
import { selectionFull, selectionOpen, selectionRefusal } from './rules';
import './galleries.css';

/** The gallery has closed: say so, and whom to ask. */
function Expired() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconHourglassOff size={20} aria-hidden />} data-testid="gallery-expired">
      <Stack gap="xs" align="flex-start">
        <Text>{t('galleries.expired')}</Text>
        <Button component={Link} to="/client/messages" variant="light" size="xs">
          {t('galleries.client.writeToStudio')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** "12 / 30 selected", said again to screen readers as it changes. */
function Counter({ gallery }: { gallery: Gallery }) {
  const { t } = useTranslation();
  const { count } = gallery.selection;
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite">
      <IconHeartFilled size={18} color="var(--mantine-color-red-7)" aria-hidden />
      <Text fw={600}>
        {gallery.selectionMax === null ? t('galleries.client.counter', { count }) : t('galleries.client.counterOf', { count, max: gallery.selectionMax })}
      </Text>
    </Group>
  );
}

/** The favourites so far, and the one action that sends them to the studio (after a question). */
function SelectionBar({ gallery }: { gallery: Gallery }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const submit = useSubmitSelection(gallery.id);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { count, status, submittedAt } = gallery.selection;

  if (status === 'SUBMITTED') {
    return (
      <Alert color="teal" variant="light" icon={<IconCheck size={20} aria-hidden />} data-testid="selection-sent">
        {t('galleries.client.sent', { count, date: submittedAt ? formatDateTime(submittedAt, i18n.language, timeZone) : '' })}
      </Alert>
    );
  }
  const confirm = () =>
    submit.mutate(undefined, {
      onSuccess: () => {
        setAsking(false);
        toastSuccess(t('galleries.client.sentToast'));
      },
      onError: (e) => {
        const refusal = selectionRefusal(e);
        setError(refusal ? t(`galleries.client.refusal.${refusal}`, { max: gallery.selectionMax ?? 0 }) : actionProblemMessage(t, e));
      },
    });
  return (
    <Paper withBorder p="sm" radius="md" className="selection-bar">
      <Group justify="space-between" gap="sm">
        <Counter gallery={gallery} />
        <Button
          disabled={count === 0}
          onClick={() => {
            setError(null);
            setAsking(true);
          }}
        >
          {t('galleries.client.submit')}
        </Button>
      </Group>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('galleries.client.submitTitle')}
        text={t('galleries.client.submitText', { count })}
        confirmLabel={t('galleries.client.submit')}
        loading={submit.isPending}
        error={error}
        onConfirm={confirm}
      />
    </Paper>
  );
}

/** Everything, or the favourites, as one zip: plain links the browser downloads. */
function Downloads({ gallery }: { gallery: Gallery }) {
  const { t, i18n } = useTranslation();
  if (!gallery.archiveUrl && !gallery.favoritesArchiveUrl) return null;
  return (
    <Group gap="xs">
      {gallery.archiveUrl && (
        <Button component="a" href={gallery.archiveUrl} download variant="light" leftSection={<IconDownload size={18} />}>
          {t('galleries.client.downloadAll', { size: formatFileSize(gallery.sizeBytes, i18n.language) })}
        </Button>
      )}
      {gallery.favoritesArchiveUrl && (
        <Button component="a" href={gallery.favoritesArchiveUrl} download variant="default" leftSection={<IconHeart size={18} />}>
          {t('galleries.client.downloadFavorites')}
        </Button>
      )}
    </Group>
  );
}

/** The photos, the viewer, and the favourites' toggling (refused past the studio's limit). */
function Photos({ gallery }: { gallery: Gallery }) {
  const { t } = useTranslation();
  const files = useGalleryFiles(gallery.id);
  const favorite = useFavorite(gallery.id);
  const [open, setOpen] = useState<number | null>(null);
  const canChoose = selectionOpen(gallery);
  if (files.isPending) return <Skeleton height={320} radius="md" />;
  if (files.isError) return isGone(files.error) ? <Expired /> : <LoadError error={files.error} onRetry={() => void files.refetch()} />;
  // Photos still being made are not the client's to see yet.
  const ready = files.data.filter((f) => f.status === 'READY' && f.thumbnailUrl);
  if (ready.length === 0) return <EmptyState text={t('galleries.client.noPhotos')} />;

  const toggle = (file: GalleryFile) => {
    if (!file.favorite && selectionFull(gallery)) {
      toastError(t('galleries.client.refusal.full', { max: gallery.selectionMax ?? 0 }));
      return;
    }
    favorite.mutate(
      { fileId: file.id, favorite: !file.favorite },
      {
        onError: (e) => {
          const refusal = selectionRefusal(e);
          toastError(refusal ? t(`galleries.client.refusal.${refusal}`, { max: gallery.selectionMax ?? 0 }) : actionProblemMessage(t, e));
        },
      },
    );
  };
  return (
    <>
      <JustifiedGrid files={ready} onOpen={setOpen} canChoose={canChoose} onFavorite={toggle} />
      <PhotoViewer galleryId={gallery.id} files={ready} index={open} onIndex={setOpen} onClose={() => setOpen(null)} canChoose={canChoose} onFavorite={toggle} />
    </>
  );
}

/**
 * A client's gallery: its photos in justified rows, full screen one by one, hearts for the
 * favourites the studio will retouch, then the selection sent in one go; downloads when the
 * studio allows them; once expired, a sentence saying whom to ask.
 */
export function ClientGalleryPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const { id = '' } = useParams();
  const gallery = useGallery(id);
  if (gallery.isPending) return <PageSkeleton rows={3} />;
  if (gallery.isError) return <LoadError error={gallery.error} onRetry={() => void gallery.refetch()} />;
  const g = gallery.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={galleryPaths.clientList} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('galleries.mine')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <DocumentTitle screen={g.title} />
        <Title order={1} size="h2" className="gallery-title">
          {g.title}
        </Title>
        <Text c="dimmed">
          {t('galleries.photoCount', { count: g.readyCount })}
          {g.expiresAt && !g.expired && ` · ${t('galleries.card.until', { date: formatDate(g.expiresAt, i18n.language, timeZone) })}`}
        </Text>
      </Stack>
      {g.expired ? (
        <Expired />
      ) : (
        <>
          <Downloads gallery={g} />
          <SelectionBar gallery={g} />
          <Photos gallery={g} />
        </>
      )}
    </Stack>
  );
}
