import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentTitle } from './DocumentTitle';

/** Loading state of a page: the shape of what is coming, not a spinner. */
export function PageSkeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack p="lg" gap="md" aria-busy="true" aria-label={t('app.loading')}>
      <DocumentTitle />
      <Skeleton height={28} width="40%" />
      <Skeleton height={16} width="60%" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={56} />
      ))}
    </Stack>
  );
}
