import { Accordion, Button, Group, SimpleGrid, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { StatusBadge } from '../../components/StatusBadge';
import { displayName, formatDate, formatDateTime, timeZoneLabel } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { useTrail, type Contract, type TrailType } from './api';
import './contracts.css';

/** A label over its value, the value wrapped anywhere (an IP, a browser's name, a SHA-256). */
function Fact({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <Stack gap={0} miw={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className={mono ? 'fingerprint' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** A date and time with its zone ("12 mars 2027, 10:02 (heure de Paris)"). */
export function useWhen(): (iso: string) => string {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (iso) => t('contracts.when', { date: formatDateTime(iso, i18n.language, timeZone), zone: timeZoneLabel(timeZone, i18n.language) });
}

/** Who signed, when, from where, and the fingerprint of what they signed; the studio's countersignature. */
export function SignatureDetails({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const when = useWhen();
  const { signature, countersignature } = contract;
  if (!signature) return null;
  return (
    <Stack gap="sm">
      <Text fw={600} component="h3" m={0}>
        {t('contracts.signature.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <Fact label={t('contracts.signature.by')}>{signature.fullName}</Fact>
        <Fact label={t('contracts.signature.at')}>{when(signature.signedAt)}</Fact>
        <Fact label={t('contracts.signature.ip')}>{signature.ip}</Fact>
        <Fact label={t('contracts.signature.drawn')}>{signature.drawn ? t('contracts.signature.drawnYes') : t('contracts.signature.drawnNo')}</Fact>
        <Fact label={t('contracts.signature.userAgent')}>{signature.userAgent}</Fact>
        <Fact label={t('contracts.signature.sha')} mono>
          {signature.documentSha256}
        </Fact>
        {countersignature && (
          <Fact label={t('contracts.signature.countersigned')}>
            {t('contracts.signature.countersignedBy', { name: displayName(countersignature.by), date: when(countersignature.at) })}
          </Fact>
        )}
      </SimpleGrid>
    </Stack>
  );
}

const TRAIL_COLOR: Record<TrailType, string> = {
  created: 'gray',
  edited: 'gray',
  sent: 'yellow',
  opened: 'cyan',
  signed: 'blue',
  countersigned: 'blue',
  voided: 'red',
};

function TrailList({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const trail = useTrail(id);
  if (trail.isPending) return <Skeleton height={120} />;
  if (trail.isError) return <LoadError error={trail.error} onRetry={() => void trail.refetch()} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('contracts.trail.zone', { zone: timeZoneLabel(timeZone, i18n.language) })}
      </Text>
      <Timeline bulletSize={14} lineWidth={2} active={trail.data.length - 1} data-testid="trail">
        {trail.data.map((event) => (
          <Timeline.Item key={event.id} color={TRAIL_COLOR[event.type] ?? 'gray'} title={t(`contracts.trail.type.${event.type}`, { defaultValue: event.type })}>
            <Text size="sm">
              {[
                formatDateTime(event.at, i18n.language, timeZone),
                event.actor && event.actor.role !== 'SYSTEM'
                  ? t('contracts.trail.actor', { name: event.actor.name, role: t(`roles.${event.actor.role}`, { defaultValue: event.actor.role }) })
                  : t('contracts.trail.system'),
                event.ip ? t('contracts.trail.ip', { ip: event.ip }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {event.userAgent && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {event.userAgent}
              </Text>
            )}
            {event.documentSha256 && (
              <Text size="xs" c="dimmed" className="fingerprint">
                {t('contracts.trail.sha', { sha: event.documentSha256 })}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

/** The audit trail, fetched when opened: every step with who, when and from where. */
export function Trail({ id }: { id: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <Accordion variant="contained" value={opened} onChange={setOpened}>
      <Accordion.Item value="trail">
        <Accordion.Control>{t('contracts.trail.title')}</Accordion.Control>
        <Accordion.Panel>{opened && <TrailList id={id} />}</Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

/** Every version of the contract (after voids and reissues); one is shown. */
export function Versions({ contract, shownId, onShow }: { contract: Contract; shownId: string; onShow: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  if (contract.versions.length < 2) return null;
  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" m={0}>
        {t('contracts.versions')}
      </Text>
      {contract.versions.map((v) => (
        <Group key={v.id} gap="sm" wrap="wrap">
          <Button variant={v.id === shownId ? 'light' : 'subtle'} size="compact-sm" aria-current={v.id === shownId || undefined} onClick={() => onShow(v.id)}>
            {t('contracts.version', { version: v.version })}
          </Button>
          <StatusBadge status={v.status} />
          <Text size="sm" c="dimmed">
            {formatDate(v.createdAt, i18n.language, timeZone)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
