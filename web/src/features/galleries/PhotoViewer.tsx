import { ActionIcon, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDownload, IconHeart, IconHeartFilled } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionProblemMessage } from '../../lib/errors';
import { toastError, toastSuccess } from '../../lib/toast';
import { useComment, type GalleryFile } from './api';
import { BlurImage } from './JustifiedGrid';
import { swipeDirection } from './rules';
import './galleries.css';

export const COMMENT_MAX = 1000;

/** Arrow keys browse, unless they move a caret (the comment being typed). */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The client's word to the studio on one photo ("crop tighter"); "" clears it. */
function CommentField({ galleryId, file, readOnly }: { galleryId: string; file: GalleryFile; readOnly: boolean }) {
  const { t } = useTranslation();
  const save = useComment(galleryId);
  const [text, setText] = useState(file.comment ?? '');
  const changed = text.trim() !== (file.comment ?? '');
  if (readOnly) {
    return file.comment ? <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t('galleries.client.yourComment', { comment: file.comment })}</Text> : null;
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      { fileId: file.id, comment: text.trim() },
      { onSuccess: () => toastSuccess(t('galleries.client.commentSaved')), onError: (err) => toastError(actionProblemMessage(t, err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea
          label={t('galleries.client.comment')}
          placeholder={t('galleries.client.commentPlaceholder')}
          name="comment"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={COMMENT_MAX}
          autosize
          minRows={1}
          maxRows={3}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button type="submit" variant="light" disabled={!changed} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

interface Props {
  galleryId: string;
  files: GalleryFile[];
  /** The photo shown; null: closed. */
  index: number | null;
  onIndex: (index: number) => void;
  onClose: () => void;
  canChoose: boolean;
  onFavorite: (file: GalleryFile) => void;
}

/**
 * A photo full screen: previous and next by button, arrow key or swipe; Escape closes. Its
 * heart, the client's comment, and its download when the studio allows it.
 */
export function PhotoViewer({ galleryId, files, index, onIndex, onClose, canChoose, onFavorite }: Props) {
  const { t } = useTranslation();
  const file = index === null ? null : files[index];
  const start = useRef<{ x: number; y: number } | null>(null);
  const go = (by: -1 | 1) => {
    if (index === null) return;
    const next = index + by;
    if (next >= 0 && next < files.length) onIndex(next);
  };

  useEffect(() => {
    if (index === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowLeft' && index > 0) onIndex(index - 1);
      if (e.key === 'ArrowRight' && index < files.length - 1) onIndex(index + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, files.length, onIndex]);

  // The neighbours' previews load meanwhile: the next photo shows at once.
  useEffect(() => {
    if (index === null) return;
    for (const near of [files[index - 1], files[index + 1]]) if (near?.previewUrl) new Image().src = near.previewUrl;
  }, [index, files]);

  if (!file || index === null) return null;
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={t('galleries.client.position', { position: index + 1, count: files.length })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      transitionProps={{ duration: 0 }}
    >
      <div className="viewer">
        <div
          className="viewer-stage"
          onPointerDown={(e) => (start.current = { x: e.clientX, y: e.clientY })}
          onPointerUp={(e) => {
            if (start.current) {
              const by = swipeDirection(start.current, { x: e.clientX, y: e.clientY });
              if (by) go(by);
            }
            start.current = null;
          }}
          onPointerCancel={() => (start.current = null)}
          data-testid="viewer-stage"
        >
          {file.previewUrl ? <BlurImage key={file.id} src={file.previewUrl} placeholder={file.placeholder} alt={file.name} lazy={false} /> : <Text c="dimmed">{file.name}</Text>}
          <ActionIcon className="viewer-nav" data-side="previous" size="xl" radius="xl" variant="default" aria-label={t('galleries.client.previous')} disabled={index === 0} onClick={() => go(-1)}>
            <IconChevronLeft />
          </ActionIcon>
          <ActionIcon className="viewer-nav" data-side="next" size="xl" radius="xl" variant="default" aria-label={t('galleries.client.next')} disabled={index === files.length - 1} onClick={() => go(1)}>
            <IconChevronRight />
          </ActionIcon>
        </div>
        <Stack gap="xs">
          <Group gap="xs" justify="space-between">
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Text>
            <Group gap="xs">
              {canChoose ? (
                <Button
                  variant={file.favorite ? 'filled' : 'default'}
                  color="red"
                  aria-pressed={file.favorite}
                  leftSection={file.favorite ? <IconHeartFilled size={16} /> : <IconHeart size={16} />}
                  onClick={() => onFavorite(file)}
                >
                  {t('galleries.client.favorite')}
                </Button>
              ) : (
                file.favorite && (
                  <Text size="sm" c="var(--mantine-color-error)" fw={500}>
                    {t('galleries.client.isFavorite')}
                  </Text>
                )
              )}
              {file.downloadUrl && (
                <Button component="a" href={file.downloadUrl} download={file.name} variant="default" leftSection={<IconDownload size={16} />}>
                  {t('galleries.client.downloadPhoto')}
                </Button>
              )}
            </Group>
          </Group>
          <CommentField key={file.id} galleryId={galleryId} file={file} readOnly={!canChoose} />
        </Stack>
      </div>
    </Modal>
  );
}
