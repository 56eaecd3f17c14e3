import { Button, Card, FileButton, Group, Paper, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { IconFolderOpen, IconPhotoPlus, IconPlayerPause, IconPlayerPlay, IconRefresh, IconUpload } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../lib/format';
import { formatDuration } from '../../lib/time';
import { droppedEntries, filesOf } from './dropFiles';
import { ACCEPT, retryable, secondsLeft, type UploadItem } from './uploadQueue';
import { useUploadQueue } from './useUploadQueue';
import './galleries.css';

const STATE_COLOR = { queued: 'gray', uploading: 'brand', paused: 'gray', done: 'teal', duplicate: 'teal', failed: 'red' } as const;

/** A file's state in words: waiting, its percentage, stored, already there, or what went wrong. */
function stateText(t: TFunction, item: UploadItem): string {
  if (item.state === 'uploading') return t('galleries.upload.state.uploading', { percent: Math.floor((item.sent / Math.max(1, item.size)) * 100) });
  if (item.state === 'failed') return t(`galleries.upload.problem.${item.problem ?? 'other'}`);
  return t(`galleries.upload.state.${item.state}`);
}

/** "About 3 min left", "Less than a minute left"; nothing while the speed is unknown. */
export function timeLeftText(t: TFunction, seconds: number | null): string | null {
  if (seconds === null || seconds <= 0) return null;
  if (seconds < 60) return t('galleries.upload.lessThanMinute');
  return t('galleries.upload.timeLeft', { duration: formatDuration(Math.ceil(seconds / 60)) });
}

function UploadRow({ item, onRetry }: { item: UploadItem; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  const failed = item.state === 'failed';
  const percent = failed ? 100 : (item.sent / Math.max(1, item.size)) * 100;
  return (
    <Paper withBorder p={6} radius="md" component="li" data-testid="upload-row">
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
          <Text size="sm" fw={500} className="upload-name" miw={0}>
            {item.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatFileSize(item.size, i18n.language)}
          </Text>
        </Group>
        <Progress value={percent} color={STATE_COLOR[item.state]} size="sm" aria-label={t('galleries.upload.fileProgress', { name: item.name })} />
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="xs" c={failed ? 'var(--mantine-color-error)' : 'dimmed'}>
            {stateText(t, item)}
          </Text>
          {retryable(item) && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={onRetry} aria-label={t('galleries.upload.retryNamed', { name: item.name })}>
              {t('common.retry')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The batch: how far, how fast, how long; pause or resume everything; each file under it. */
function UploadQueue({ queue }: { queue: ReturnType<typeof useUploadQueue> }) {
  const { t, i18n } = useTranslation();
  const { totals, speed } = queue;
  const left = timeLeftText(t, secondsLeft(totals.bytes - totals.sent, speed));
  const finished = queue.items.some((i) => i.state === 'done' || i.state === 'duplicate' || (i.state === 'failed' && !retryable(i)));
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {t('galleries.upload.summary', { done: totals.finished, count: totals.finished + totals.pending, percent: Math.floor(totals.fraction * 100) })}
          {totals.failed > 0 && ` · ${t('galleries.upload.failedCount', { count: totals.failed })}`}
        </Text>
        <Group gap="xs">
          {queue.busy && (
            <Button size="xs" variant="default" leftSection={<IconPlayerPause size={14} />} onClick={queue.pauseAll}>
              {t('galleries.upload.pauseAll')}
            </Button>
          )}
          {queue.paused && (
            <Button size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={queue.resumeAll}>
              {t('galleries.upload.resumeAll')}
            </Button>
          )}
          {finished && (
            <Button size="xs" variant="subtle" onClick={queue.clearFinished}>
              {t('galleries.upload.clear')}
            </Button>
          )}
        </Group>
      </Group>
      <Progress value={totals.fraction * 100} size="md" aria-label={t('galleries.upload.totalProgress')} />
      {queue.busy && speed !== null && (
        <Text size="sm" c="dimmed">
          {t('galleries.upload.speed', { size: formatFileSize(speed, i18n.language) })}
          {left && ` · ${left}`}
        </Text>
      )}
      {/* A named region that takes the focus, so that a keyboard scrolls a long list too. */}
      <ScrollArea.Autosize mah={320} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('galleries.upload.files') }}>
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {queue.items.map((item) => (
            <UploadRow key={item.key} item={item} onRetry={() => queue.retry(item.key)} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** The attribute that makes a file input pick a whole folder (not in React's types). */
const FOLDER_INPUT = { webkitdirectory: '', directory: '' } as Record<string, string>;

/**
 * Staff: photos into the gallery, dropped (files or whole folders) or chosen, sent through tus
 * with their progress; a pause, a lost network or a reload does not start them over.
 */
export function UploadPanel({ galleryId }: { galleryId: string }) {
  const { t } = useTranslation();
  const queue = useUploadQueue(galleryId);
  const folder = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    // The entries must be taken now: the drop's data is emptied once the event is over.
    const entries = droppedEntries(e.dataTransfer);
    const plain = [...e.dataTransfer.files];
    if (entries.length === 0) queue.add(plain);
    else void filesOf(entries).then(queue.add, () => queue.add(plain));
  };

  return (
    <Card component="section" aria-labelledby="upload-heading">
      <Stack gap="md">
        <Text fw={600} component="h2" m={0} id="upload-heading">
          {t('galleries.upload.title')}
        </Text>
        <div
          className="gallery-dropzone"
          data-active={dragging || undefined}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          data-testid="dropzone"
        >
          <Stack gap="xs" align="center">
            <IconUpload size={32} stroke={1.5} aria-hidden />
            <Text fw={500}>{t('galleries.upload.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('galleries.upload.types')}
            </Text>
            <Group gap="xs" justify="center">
              <FileButton onChange={queue.add} accept={ACCEPT} multiple>
                {(props) => (
                  <Button {...props} leftSection={<IconPhotoPlus size={18} />}>
                    {t('galleries.upload.choosePhotos')}
                  </Button>
                )}
              </FileButton>
              <Button variant="light" leftSection={<IconFolderOpen size={18} />} onClick={() => folder.current?.click()}>
                {t('galleries.upload.chooseFolder')}
              </Button>
              <input
                ref={folder}
                type="file"
                multiple
                hidden
                {...FOLDER_INPUT}
                onChange={(e) => {
                  queue.add([...(e.currentTarget.files ?? [])]);
                  e.currentTarget.value = ''; // the same folder may be chosen again
                }}
              />
            </Group>
          </Stack>
        </div>
        {queue.items.length > 0 && <UploadQueue queue={queue} />}
      </Stack>
    </Card>
  );
}
