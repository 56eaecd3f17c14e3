import { Blockquote, Button, Card, CopyButton, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconLockOpen } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { actionProblemMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { toastError, toastSuccess } from '../../lib/toast';
import { useDownloads, useReopenSelection, useSelection, useUpdateGallery, type DownloadEntry, type Gallery } from './api';
import { GalleryFields, useGalleryDraft } from './GalleryForm';
import { draftOf, patchOf } from './settingsForm';

/** Staff: what the gallery's settings are, changed in place (only what changed is sent). */
export function GallerySettingsCard({ gallery }: { gallery: Gallery }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const update = useUpdateGallery(gallery.id);
  const form = useGalleryDraft(draftOf(gallery, timeZone));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const patch = patchOf(gallery, form.draft, timeZone);
    if (Object.keys(patch).length === 0) {
      toastSuccess(t('common.saved'));
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        form.reset(draftOf(saved, timeZone));
        toastSuccess(patch.watermark === undefined ? t('common.saved') : t('galleries.settings.reprocessing'));
      },
      onError: form.fail,
    });
  };
  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="settings-heading">
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0} id="settings-heading">
          {t('galleries.settings.title')}
        </Text>
        <GalleryFields draft={form.draft} set={form.set} errors={form.errors} />
        <FormAlert message={form.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The Lightroom filter, to copy: the client's favourites found in the catalogue in one paste. */
function LightroomFilter({ filter }: { filter: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <TextInput label={t('galleries.selection.lightroom')} description={t('galleries.selection.lightroomHelp')} value={filter} readOnly onFocus={(e) => e.currentTarget.select()} />
      <CopyButton value={filter}>
        {({ copied, copy }) => (
          <Button variant="light" w="fit-content" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
            {copied ? t('galleries.selection.copied') : t('galleries.selection.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

/** Staff: the client's favourites as they stand (or as sent), their comments, and reopening a sent selection. */
export function SelectionCard({ gallery }: { gallery: Gallery }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const selection = useSelection(gallery.id);
  const reopen = useReopenSelection(gallery.id);
  const s = selection.data;
  const submitted = gallery.selection.status === 'SUBMITTED';
  const line = submitted
    ? t('galleries.selection.submittedLine', {
        client: gallery.client.name,
        count: gallery.selection.count,
        date: gallery.selection.submittedAt ? formatDateTime(gallery.selection.submittedAt, i18n.language, timeZone) : '',
      })
    : t('galleries.selection.openLine', { client: gallery.client.name, count: gallery.selection.count });
  const doReopen = () =>
    reopen.mutate(undefined, {
      onSuccess: () => toastSuccess(t('galleries.selection.reopened', { client: gallery.client.name })),
      onError: (e) => toastError(actionProblemMessage(t, e)),
    });
  return (
    <Card component="section" aria-labelledby="selection-heading">
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0} id="selection-heading">
          {t('galleries.selection.title')}
        </Text>
        <Text>{line}</Text>
        {selection.isPending && <Skeleton height={60} />}
        {selection.isError && <LoadError error={selection.error} onRetry={() => void selection.refetch()} />}
        {s && s.files.length > 0 && (
          <Stack gap={6} component="ol" m={0} pl="lg" data-testid="selection-files">
            {s.files.map((f) => (
              <li key={f.id}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {f.name}
                </Text>
                {f.comment && (
                  <Blockquote p={6} mt={2} color="gray" iconSize={0}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {f.comment}
                    </Text>
                  </Blockquote>
                )}
              </li>
            ))}
          </Stack>
        )}
        {s && s.lightroomFilter && <LightroomFilter filter={s.lightroomFilter} />}
        {submitted && (
          <Button variant="default" w="fit-content" leftSection={<IconLockOpen size={16} />} loading={reopen.isPending} onClick={doReopen}>
            {t('galleries.selection.reopen')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** "Chloé Dubois · every photo (zip)": who, and what. */
function downloadWhat(t: TFunction, d: DownloadEntry): string {
  const who = d.user?.name ?? t('galleries.downloadLog.unknown');
  const what = d.kind === 'FILE' ? t('galleries.downloadLog.FILE', { name: d.fileName ?? '' }) : t(`galleries.downloadLog.${d.kind}`);
  return `${who} · ${what}`;
}

/** Staff: who downloaded what and when, newest first. */
export function DownloadLog({ galleryId }: { galleryId: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const log = useDownloads(galleryId);
  return (
    <Card component="section" aria-labelledby="downloads-heading">
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0} id="downloads-heading">
          {t('galleries.downloadLog.title')}
        </Text>
        {log.isPending && <Skeleton height={60} />}
        {log.isError && <LoadError error={log.error} onRetry={() => void log.refetch()} />}
        {log.data?.length === 0 && <EmptyState text={t('galleries.downloadLog.none')} />}
        {log.data && log.data.length > 0 && (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {log.data.map((d) => (
              <li key={d.id}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {downloadWhat(t, d)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(d.at, i18n.language, timeZone)}
                  {d.ip && ` · ${d.ip}`}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

