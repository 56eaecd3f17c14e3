import { Button, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useGalleries } from './api';
import { GalleryGrid } from './GalleryCard';

function Loading() {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
      <Skeleton height={240} radius="lg" />
      <Skeleton height={240} radius="lg" />
    </SimpleGrid>
  );
}

/** Staff: every gallery of the studio; a new one starts from its project's page. */
export function StaffGalleriesPage() {
  const { t } = useTranslation();
  const list = useGalleries();
  return (
    <Stack gap="md">
      <PageHeader title={t('galleries.title')} subtitle={t('galleries.staffSubtitle')} />
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState
          text={t('galleries.noneStaff')}
          action={
            <Button component={Link} to="/pro/projects">
              {t('galleries.toProjects')}
            </Button>
          }
        />
      )}
      {list.isSuccess && list.data.length > 0 && <GalleryGrid galleries={list.data} staff />}
    </Stack>
  );
}

/** A client: the galleries the studio published for them. */
export function ClientGalleriesPage() {
  const { t } = useTranslation();
  const list = useGalleries();
  return (
    <Stack gap="md">
      <PageHeader title={t('galleries.mine')} subtitle={t('galleries.clientSubtitle')} />
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.length === 0 && <EmptyState text={t('galleries.noneClient')} />}
      {list.isSuccess && list.data.length > 0 && <GalleryGrid galleries={list.data} staff={false} />}
    </Stack>
  );
}
