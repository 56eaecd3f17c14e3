import { Alert, CloseButton, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../lib/format';
import { MAX_FILE_BYTES, type FileProblem } from './attachments';
import type { PendingFile } from './useUploads';

const STATE_COLOR = { uploading: 'brand', done: 'teal', failed: 'red' } as const;

/** The files attached to the draft: name, size, progress and state in words, a remove button. */
export function PendingFiles({ files, onRemove }: { files: PendingFile[]; onRemove: (key: string) => void }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Stack gap={6} aria-label={t('messages.files.attached')} role="group">
      {files.map((f) => {
        const percent = Math.round(f.progress * 100);
        const state = f.state === 'uploading' ? t('messages.files.uploading', { percent }) : f.state === 'done' ? t('messages.files.ready') : f.error;
        return (
          <Paper key={f.key} withBorder p={6} radius="md" data-testid="pending-file">
            <Group gap="xs" wrap="nowrap">
              <Stack gap={2} miw={0} style={{ flex: 1 }}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" truncate fw={500}>
                    {f.file.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {formatFileSize(f.file.size, i18n.language)}
                  </Text>
                </Group>
                <Progress
                  value={f.state === 'failed' ? 100 : percent}
                  color={STATE_COLOR[f.state]}
                  size="sm"
                  aria-label={t('messages.files.progress', { name: f.file.name })}
                />
                <Text size="xs" c={f.state === 'failed' ? 'red.9' : 'dimmed'} role={f.state === 'failed' ? 'alert' : undefined}>
                  {state}
                </Text>
              </Stack>
              <CloseButton aria-label={t('messages.files.remove', { name: f.file.name })} onClick={() => onRemove(f.key)} />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Why some picked files were not attached. */
export function FileProblems({ problems, onClose }: { problems: FileProblem[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  if (problems.length === 0) return null;
  const limit = formatFileSize(MAX_FILE_BYTES, i18n.language);
  return (
    <Alert color="red" variant="light" role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={onClose} p="xs">
      <List size="sm" spacing={2}>
        {problems.map((p, i) => (
          <List.Item key={i}>{t(`messages.files.${p.reason}`, { name: p.name, max: 'max' in p ? p.max : 0, limit })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
