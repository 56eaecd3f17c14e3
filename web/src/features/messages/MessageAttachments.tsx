import { Anchor, Group, Image, Modal, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../lib/format';
import type { Attachment } from './api';
import { isPicture } from './attachments';

/** A picture's thumbnail; it opens full size. */
function Thumbnail({ file, onOpen }: { file: Attachment; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton className="thumbnail-button" onClick={onOpen} aria-label={t('messages.openPicture', { name: file.name })}>
      <img className="thumbnail" src={file.url} alt={file.name} loading="lazy" />
    </UnstyledButton>
  );
}

/** A PDF or HEIC: its name (to download) and size. */
function FileCard({ file }: { file: Attachment }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="md" maw="100%">
      <Group gap="xs" wrap="nowrap">
        <IconFileText size={22} aria-hidden style={{ flexShrink: 0 }} />
        <Stack gap={0} miw={0}>
          <Anchor href={file.url} download={file.name} size="sm" fw={500} truncate>
            {file.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatFileSize(file.sizeBytes, i18n.language)}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** A message's files: pictures as thumbnails, the others as file cards. */
export function MessageAttachments({ files }: { files: Attachment[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Attachment | null>(null);
  if (files.length === 0) return null;
  const pictures = files.filter((f) => isPicture(f.mimeType));
  const others = files.filter((f) => !isPicture(f.mimeType));
  return (
    <Stack gap="xs" mt="xs">
      {pictures.length > 0 && (
        <Group gap="xs">
          {pictures.map((f) => (
            <Thumbnail key={f.id} file={f} onOpen={() => setOpen(f)} />
          ))}
        </Group>
      )}
      {others.map((f) => (
        <FileCard key={f.id} file={f} />
      ))}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.name} size="xl" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && (
          <Stack gap="sm">
            <Image src={open.url} alt={open.name} maw="100%" mah="75vh" fit="contain" />
            <Anchor href={open.url} download={open.name} size="sm">
              <Group gap={4} component="span">
                <IconDownload size={16} aria-hidden /> {t('messages.download')}
              </Group>
            </Anchor>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
