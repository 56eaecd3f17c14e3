import { ActionIcon, Badge, Button, Card, Group, Loader, Skeleton, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconStar, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { actionProblemMessage } from '../../lib/errors';
import { formatFileSize } from '../../lib/format';
import { toastError, toastSuccess } from '../../lib/toast';
import { useDeleteFile, useGalleryFiles, useReorder, useUpdateGallery, type Gallery, type GalleryFile } from './api';
import { moveBy } from './rules';
import './galleries.css';

/** A large gallery shows this many photos at first, then more on demand. */
const PAGE = 120;

interface PhotoActions {
  onMove: (file: GalleryFile, by: -1 | 1) => void;
  onCover: (file: GalleryFile) => void;
  onDelete: (file: GalleryFile) => void;
  /** The move buttons, by photo and direction: the focus follows a photo that moved. */
  register: (key: string, button: HTMLButtonElement | null) => void;
}

/** The square of a photo: its thumbnail, or what is happening to it. */
function Frame({ file }: { file: GalleryFile }) {
  const { t } = useTranslation();
  if (file.status === 'PROCESSING') {
    return (
      <>
        <Loader size="sm" aria-hidden />
        <Text size="xs">{t('galleries.photos.processing')}</Text>
      </>
    );
  }
  if (file.status === 'FAILED' || !file.thumbnailUrl) {
    return (
      <>
        <IconAlertTriangle size={24} aria-hidden />
        <Badge color="red" variant="light">
          {t('galleries.photos.failed')}
        </Badge>
      </>
    );
  }
  return <img src={file.thumbnailUrl} alt={file.name} loading="lazy" decoding="async" />;
}

function Photo({ file, index, total, cover, actions }: { file: GalleryFile; index: number; total: number; cover: boolean; actions: PhotoActions }) {
  const { t } = useTranslation();
  const name = file.name;
  const icon = (label: string, onClick: () => void, children: React.ReactNode, extra: Record<string, unknown> = {}) => (
    <Tooltip label={label} withArrow openDelay={400}>
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} {...extra}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <li className="staff-photo" data-testid="staff-photo" data-status={file.status}>
      <div className="staff-photo-frame">
        <Frame file={file} />
        {cover && (
          <Badge className="staff-photo-badge" size="sm" leftSection={<IconStarFilled size={10} aria-hidden />}>
            {t('galleries.photos.cover')}
          </Badge>
        )}
      </div>
      <Text size="xs" truncate mt={4} title={name}>
        {name}
      </Text>
      <Group gap={2} wrap="nowrap" justify="space-between">
        {icon(t('galleries.photos.earlier', { name }), () => actions.onMove(file, -1), <IconArrowLeft size={16} />, {
          disabled: index === 0,
          ref: (b: HTMLButtonElement | null) => actions.register(`${file.id}:-1`, b),
        })}
        {icon(t('galleries.photos.later', { name }), () => actions.onMove(file, 1), <IconArrowRight size={16} />, {
          disabled: index === total - 1,
          ref: (b: HTMLButtonElement | null) => actions.register(`${file.id}:1`, b),
        })}
        {icon(t('galleries.photos.setCover', { name }), () => actions.onCover(file), cover ? <IconStarFilled size={16} /> : <IconStar size={16} />, {
          disabled: file.status !== 'READY',
          'aria-pressed': cover,
        })}
        {icon(t('galleries.photos.delete', { name }), () => actions.onDelete(file), <IconTrash size={16} />, { color: 'red' })}
      </Group>
    </li>
  );
}

/**
 * Staff: the gallery's photos in the client's order, each as it stands (processing, failed,
 * ready) with its actions: one place earlier or later (buttons, for the keyboard too), the
 * cover, delete.
 */
export function StaffPhotoGrid({ gallery }: { gallery: Gallery }) {
  const { t, i18n } = useTranslation();
  const files = useGalleryFiles(gallery.id);
  const reorder = useReorder(gallery.id);
  const update = useUpdateGallery(gallery.id);
  const remove = useDeleteFile(gallery.id);
  const [shown, setShown] = useState(PAGE);
  const [deleting, setDeleting] = useState<GalleryFile | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1; to: number } | null>(null);

  // The moved photo's button keeps the focus (the browser drops it when the item moves), or
  // its other one once the photo has reached an end: once, when the list shows the new order.
  const list = files.data;
  useEffect(() => {
    if (!moved || list?.[moved.to]?.id !== moved.id) return;
    const same = buttons.current.get(`${moved.id}:${moved.by}`);
    const other = buttons.current.get(`${moved.id}:${-moved.by}`);
    (same && !same.disabled ? same : other)?.focus();
    setMoved(null);
  }, [list, moved]);

  const actions: PhotoActions = {
    onMove: (file, by) => {
      const ids = (list ?? []).map((f) => f.id);
      const order = moveBy(ids, file.id, by);
      if (!order) return;
      const to = order.indexOf(file.id);
      setMoved({ id: file.id, by, to });
      setAnnouncement(t('galleries.photos.moved', { name: file.name, position: to + 1, count: order.length }));
      reorder.mutate(order, { onError: (e) => toastError(actionProblemMessage(t, e)) });
    },
    onCover: (file) =>
      update.mutate({ coverFileId: file.id }, { onSuccess: () => toastSuccess(t('galleries.photos.coverSet')), onError: (e) => toastError(actionProblemMessage(t, e)) }),
    onDelete: (file) => {
      setDeleteError(null);
      setDeleting(file);
    },
    register: (key, button) => {
      if (button) buttons.current.set(key, button);
      else buttons.current.delete(key);
    },
  };

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        toastSuccess(t('galleries.photos.deleted', { name: deleting.name }));
        setDeleting(null);
      },
      onError: (e) => setDeleteError(actionProblemMessage(t, e)),
    });
  };

  return (
    <Card component="section" aria-labelledby="photos-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Text fw={600} component="h2" m={0} id="photos-heading">
            {t('galleries.photos.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('galleries.photoCount', { count: gallery.fileCount })} · {formatFileSize(gallery.sizeBytes, i18n.language)}
          </Text>
        </Group>
        {files.isPending && <Skeleton height={160} />}
        {files.isError && <LoadError error={files.error} onRetry={() => void files.refetch()} />}
        {list?.length === 0 && <EmptyState text={t('galleries.photos.none')} />}
        {list && list.length > 0 && (
          <ul className="staff-photos" aria-labelledby="photos-heading">
            {list.slice(0, shown).map((file, index) => (
              <Photo key={file.id} file={file} index={index} total={list.length} cover={gallery.coverFileId === file.id} actions={actions} />
            ))}
          </ul>
        )}
        {list && list.length > shown && (
          <Button variant="subtle" w="fit-content" onClick={() => setShown((n) => n + PAGE)}>
            {t('galleries.photos.showMore', { count: list.length - shown })}
          </Button>
        )}
        <VisuallyHidden role="status" aria-live="polite">
          {announcement}
        </VisuallyHidden>
      </Stack>
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('galleries.photos.deleteTitle')}
        text={t('galleries.photos.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        color="red"
        loading={remove.isPending}
        error={deleteError}
        onConfirm={confirmDelete}
      />
    </Card>
  );
}
