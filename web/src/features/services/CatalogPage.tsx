import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { formatMoney } from '../../lib/format';
import { formatDuration } from '../../lib/time';
import { useServices } from './api';
import { noticeText } from './notice';
import { IncludedList, ServiceCover } from './ServiceParts';

/** Client: the studio's active services, each with its one action, "Réserver". */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const services = useServices();
  return (
    <>
      <PageHeader title={t('book.title')} subtitle={t('book.subtitle')} />
      {services.isPending && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Skeleton height={180} radius="lg" />
          <Skeleton height={180} radius="lg" />
        </SimpleGrid>
      )}
      {services.isError && <LoadError error={services.error} onRetry={() => void services.refetch()} />}
      {services.data?.length === 0 && <EmptyState text={t('book.noServices')} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {services.data?.map((s) => (
          <Card key={s.id} data-testid="service-card">
            <ServiceCover service={s} />
            <Stack gap="sm" h="100%" justify="space-between" mt="md">
              <Stack gap={6}>
                {s.category && (
                  <Badge variant="light" color="gray" w="fit-content">
                    {s.category}
                  </Badge>
                )}
                <Text fw={600} size="lg" component="h2" m={0}>
                  {s.name}
                </Text>
                {s.description && (
                  <Text c="dimmed" lineClamp={3}>
                    {s.description}
                  </Text>
                )}
                <IncludedList service={s} />
              </Stack>
              <Group justify="space-between">
                <Group gap={4} c="dimmed">
                  <IconClock size={16} />
                  <Text size="sm">{formatDuration(s.durationMinutes)}</Text>
                </Group>
                <Text fw={600}>{formatMoney(s.priceCents, s.currency, i18n.language)}</Text>
              </Group>
              {/* The minimum notice, said before the client meets a calendar without today's times. */}
              {s.minNoticeHours > 0 && (
                <Text size="sm" c="dimmed">
                  {t('services.bookAhead', { notice: noticeText(t, s.minNoticeHours) })}
                </Text>
              )}
              <Button component={Link} to={`/client/book/${s.id}`} aria-label={`${t('book.action')} — ${s.name}`}>
                {t('book.action')}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
