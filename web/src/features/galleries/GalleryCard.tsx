import { Card, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import type { Gallery } from './api';
import { galleryPaths } from './paths';
import './galleries.css';

/** Its cover (a signed thumbnail), or a quiet frame while it has none. Decorative: the title names it. */
function Cover({ url }: { url: string | null }) {
  if (url) {
    return (
      <Card.Section>
        <Image src={url} alt="" h={160} fit="cover" loading="lazy" />
      </Card.Section>
    );
  }
  return (
    <Card.Section className="gallery-cover-empty" aria-hidden>
      <IconPhoto size={32} stroke={1.5} />
    </Card.Section>
  );
}

/** Until when a gallery is open, or that it is closed (for a client: whom to ask). */
function Expiry({ gallery, staff }: { gallery: Gallery; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  if (gallery.expired) {
    return (
      <Text size="sm" c="var(--mantine-color-error)" fw={500}>
        {staff ? t('galleries.card.expiredStaff') : t('galleries.expired')}
      </Text>
    );
  }
  if (!gallery.expiresAt) return null;
  return (
    <Text size="sm" c="dimmed">
      {t('galleries.card.until', { date: formatDate(gallery.expiresAt, i18n.language, timeZone) })}
    </Text>
  );
}

/** A gallery in a list: cover, title (the link), and for staff its status and photos still processing. */
export function GalleryCard({ gallery, staff }: { gallery: Gallery; staff: boolean }) {
  const { t } = useTranslation();
  const processing = gallery.fileCount - gallery.readyCount;
  return (
    <Card className="gallery-card" data-testid="gallery-card">
      <Cover url={gallery.coverUrl} />
      <Stack gap={4} mt="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Link to={staff ? galleryPaths.staff(gallery.id) : galleryPaths.client(gallery.id)} className="gallery-card-link">
            <Text component="span" fw={600} size="lg" className="gallery-title">
              {gallery.title}
            </Text>
          </Link>
          {staff && <StatusBadge status={gallery.status} />}
        </Group>
        {staff && (
          <Text size="sm" c="dimmed">
            {gallery.client.name}
          </Text>
        )}
        <Text size="sm">
          {t('galleries.photoCount', { count: staff ? gallery.fileCount : gallery.readyCount })}
          {staff && processing > 0 && ` · ${t('galleries.processingCount', { count: processing })}`}
        </Text>
        <Expiry gallery={gallery} staff={staff} />
      </Stack>
    </Card>
  );
}

/** Galleries side by side, as many as fit. */
export function GalleryGrid({ galleries, staff }: { galleries: Gallery[]; staff: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
      {galleries.map((g) => (
        <GalleryCard key={g.id} gallery={g} staff={staff} />
      ))}
    </SimpleGrid>
  );
}
