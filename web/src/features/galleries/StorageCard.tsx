import { Card, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatFileSize } from '../../lib/format';
import { useStorageUsage } from './api';

/** Past this share of the quota the bar turns red: time to delete or archive old galleries. */
const NEARLY_FULL = 0.9;

/** Staff settings: how much of the studio's storage the galleries use. */
export function StorageCard() {
  const { t, i18n } = useTranslation();
  const usage = useStorageUsage();
  const size = (bytes: number) => formatFileSize(bytes, i18n.language);
  const share = usage.data && usage.data.quotaBytes > 0 ? Math.min(1, usage.data.usedBytes / usage.data.quotaBytes) : 0;
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('galleries.storage.title')}
        </Title>
        {usage.isPending && <Skeleton height={40} />}
        {usage.isError && <LoadError error={usage.error} onRetry={() => void usage.refetch()} />}
        {usage.data && (
          <>
            <Text>{t('galleries.storage.used', { used: size(usage.data.usedBytes), quota: size(usage.data.quotaBytes), percent: Math.round(share * 100) })}</Text>
            <Progress value={share * 100} color={share >= NEARLY_FULL ? 'red' : undefined} size="lg" aria-label={t('galleries.storage.title')} />
            <Text size="sm" c="dimmed">
              {t('galleries.storage.perGallery', { size: size(usage.data.galleryQuotaBytes) })}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
