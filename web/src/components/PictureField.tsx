import { Box, Button, FileButton, Group, Image, Progress, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { actionProblemMessage } from '../lib/errors';
import { ApiError } from '../lib/problem';
import { toastSuccess } from '../lib/toast';

/** What the server takes (it checks by content: this only filters the file chooser). */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,image/tiff';
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;

const PREVIEW = { square: { w: 96, h: 96 }, wide: { w: 168, h: 112 } } as const;

/** The sentence for a refused picture: its type, its size, or what the server said. */
export function pictureProblem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 415) return t('pictures.unsupported');
    if (error.status === 413) return t('pictures.tooLarge');
    if (error.errors.some((e) => e.code === 'too_many_pixels')) return t('pictures.tooManyPixels');
  }
  return actionProblemMessage(t, error);
}

interface PictureFieldProps<T> {
  label: string;
  description?: string;
  /** The picture shown now, if any. */
  url: string | null | undefined;
  /** PUT sends a new picture, DELETE removes it; both answer the owner's new JSON. */
  endpoint: string;
  shape: keyof typeof PREVIEW;
  /** The owner (settings, a service) as the server now has it. */
  onSaved: (owner: T) => void;
}

/**
 * A picture the server makes from an upload (the studio's logo, a service's photo): its
 * preview, a button to choose a file (sent at once, with its progress), one to remove it.
 */
export function PictureField<T>({ label, description, url, endpoint, shape, onSaved }: PictureFieldProps<T>) {
  const { t } = useTranslation();
  const labelId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const size = PREVIEW[shape];

  const send = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_PICTURE_BYTES) {
      setError(t('pictures.tooLarge'));
      return;
    }
    setProgress(0);
    try {
      const saved = await api.upload<T>(endpoint, file, {
        method: 'PUT',
        headers: { 'Content-Type': file.type || 'application/octet-stream' },
        onProgress: setProgress,
      });
      onSaved(saved);
      toastSuccess(t('pictures.saved'));
    } catch (e) {
      setError(pictureProblem(t, e));
    } finally {
      setProgress(null);
    }
  };

  const remove = async () => {
    setError(null);
    try {
      onSaved(await api.delete<T>(endpoint));
      toastSuccess(t('pictures.removed'));
    } catch (e) {
      setError(pictureProblem(t, e));
    }
  };

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Text fw={500} size="sm" id={labelId}>
        {label}
      </Text>
      {description && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
      <Group gap="md" align="center">
        {url ? (
          <Image src={url} alt={t('pictures.current')} w={size.w} h={size.h} radius="md" fit="cover" data-testid="picture-preview" />
        ) : (
          <Box w={size.w} h={size.h} className="picture-placeholder" aria-hidden>
            <IconPhoto size={28} stroke={1.5} />
          </Box>
        )}
        <Group gap="xs">
          <FileButton onChange={(file) => void send(file)} accept={ACCEPT}>
            {(props) => (
              <Button {...props} variant="light" loading={progress !== null}>
                {url ? t('pictures.replace') : t('pictures.choose')}
              </Button>
            )}
          </FileButton>
          {url && (
            <Button variant="subtle" color="red" onClick={() => void remove()} disabled={progress !== null}>
              {t('pictures.remove')}
            </Button>
          )}
        </Group>
      </Group>
      {progress !== null && <Progress value={progress * 100} size="sm" aria-label={t('pictures.sending')} />}
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
