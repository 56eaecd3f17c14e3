import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconClock, IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentTitle } from '../../components/DocumentTitle';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { StudioMark } from '../../components/StudioMark';
import { formatMoney } from '../../lib/format';
import { useStudio } from '../../lib/studio';
import { formatDuration } from '../../lib/time';
import type { Service, Studio } from '../../types/api';
import { useServices } from '../../features/services/api';
import { serviceLink } from '../../features/services/links';
import { noticeText } from '../../features/services/notice';
import { IncludedList, ServiceCover } from '../../features/services/ServiceParts';

/** A phone number as a tel: link takes it: digits and a leading +. */
export const telHref = (phone: string): string => `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;

function Contact({ studio }: { studio: Studio }) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="contact-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="contact-heading">
          {t('public.contact')}
        </Title>
        <Stack gap="xs" component="address" style={{ fontStyle: 'normal' }}>
          {studio.contactPhone && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconPhone size={18} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Anchor href={telHref(studio.contactPhone)}>{studio.contactPhone}</Anchor>
            </Group>
          )}
          {studio.contactEmail && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconMail size={18} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Anchor href={`mailto:${studio.contactEmail}`} style={{ overflowWrap: 'anywhere' }}>
                {studio.contactEmail}
              </Anchor>
            </Group>
          )}
          {studio.address && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconMapPin size={18} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text style={{ whiteSpace: 'pre-line' }}>{studio.address}</Text>
            </Group>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

function ServiceCard({ service: s }: { service: Service }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, s.currency, i18n.language);
  return (
    <Card data-testid="service-card" padding="lg">
      <ServiceCover service={s} />
      <Stack gap="sm" h="100%" justify="space-between" mt="md">
        <Stack gap={6}>
          {s.category && (
            <Badge variant="light" color="gray" w="fit-content">
              {s.category}
            </Badge>
          )}
          <Title order={3} size="h4">
            {s.name}
          </Title>
          {s.description && <Text c="dimmed">{s.description}</Text>}
          <IncludedList service={s} />
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Group gap={4} c="dimmed" wrap="nowrap">
              <IconClock size={16} aria-hidden />
              <Text size="sm">{formatDuration(s.durationMinutes)}</Text>
            </Group>
            <Text fw={600}>{money(s.priceCents)}</Text>
          </Group>
          {s.depositCents > 0 && (
            <Text size="sm" c="dimmed" ta="right">
              {t('common.labelled', { label: t('book.deposit'), value: money(s.depositCents) })}
            </Text>
          )}
          {s.minNoticeHours > 0 && (
            <Text size="sm" c="dimmed">
              {t('services.bookAhead', { notice: noticeText(t, s.minNoticeHours) })}
            </Text>
          )}
        </Stack>
        <Button component={Link} to={serviceLink(s.id)} aria-label={`${t('book.action')} — ${s.name}`}>
          {t('book.action')}
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * The studio's public page, for anyone (no account): its name, presentation and contact, and
 * its active services, each with "Réserver" to its booking page.
 */
export function StudioPage() {
  const { t } = useTranslation();
  const studio = useStudio();
  const services = useServices();

  if (studio.isPending) return <PageSkeleton />;
  if (studio.isError) return <LoadError error={studio.error} onRetry={() => void studio.refetch()} />;
  const s = studio.data;
  const hasContact = !!(s.contactPhone || s.contactEmail || s.address);

  return (
    <Stack gap="xl">
      <DocumentTitle screen={s.name} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, sm: hasContact ? 7 : 12 }}>
          <Stack gap="md">
            <Group gap="md" wrap="nowrap">
              <StudioMark name={s.name} logoUrl={s.logoUrl} size={64} />
              <Title order={1} className="studio-name" fz={{ base: 30, sm: 40 }} fw={500} style={{ overflowWrap: 'anywhere' }}>
                {s.name}
              </Title>
            </Group>
            <Text size="lg" style={{ whiteSpace: 'pre-line' }} data-testid="presentation">
              {s.presentation || t('public.defaultIntro')}
            </Text>
          </Stack>
        </Grid.Col>
        {hasContact && (
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Contact studio={s} />
          </Grid.Col>
        )}
      </Grid>
      <Stack gap="md" component="section" aria-labelledby="services-heading">
        <Stack gap={2}>
          <Title order={2} size="h3" id="services-heading">
            {t('public.services')}
          </Title>
          <Text c="dimmed">{t('public.servicesIntro')}</Text>
        </Stack>
        {services.isPending && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Skeleton height={260} radius="lg" />
            <Skeleton height={260} radius="lg" />
          </SimpleGrid>
        )}
        {services.isError && <LoadError error={services.error} onRetry={() => void services.refetch()} />}
        {services.data?.length === 0 && <EmptyState text={t('public.noServices')} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {services.data?.map((service) => <ServiceCard key={service.id} service={service} />)}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
