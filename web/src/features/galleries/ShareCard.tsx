import { Alert, Button, Card, CopyButton, Group, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateField } from '../../components/DateFields';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { actionProblemMessage, fieldMessage, problemMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { useStudioTimeZone } from '../../lib/studio';
import { dayKey } from '../../lib/time';
import { toastSuccess } from '../../lib/toast';
import { useCreateShare, useRevokeShare, useShares, type Gallery, type Share } from './api';
import { PIN_PATTERN } from './rules';
import { expiryOf } from './settingsForm';

/** A link's address, read-only (selected on focus), and the button that copies it. */
function CopyableUrl({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={label} value={url} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1, minWidth: 0 }} data-testid="share-url" />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button variant="light" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />} style={{ flexShrink: 0 }}>
            {copied ? t('galleries.share.copied') : t('galleries.share.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** One live link: its address to copy, what it allows, until when, since when; revoked after a question. */
function ShareRow({ galleryId, share }: { galleryId: string; share: Share }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const revoke = useRevokeShare(galleryId);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const created = formatDateTime(share.createdAt, i18n.language, timeZone);
  const facts = [
    share.downloads ? t('galleries.share.downloadsYes') : t('galleries.share.downloadsNo'),
    share.expiresAt ? t('galleries.share.expiresOn', { date: formatDate(share.expiresAt, i18n.language, timeZone) }) : t('galleries.share.noExpiry'),
    t('galleries.share.createdOn', { date: created }),
  ];
  const confirm = () =>
    revoke.mutate(share.id, {
      onSuccess: () => {
        setAsking(false);
        toastSuccess(t('galleries.share.revoked'));
      },
      onError: (e) => setError(actionProblemMessage(t, e)),
    });
  return (
    <li data-testid="share-row">
      <Stack gap={6}>
        <CopyableUrl url={share.url} label={t('galleries.share.url')} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            leftSection={<IconTrash size={14} aria-hidden />}
            aria-label={t('galleries.share.revokeNamed', { date: created })}
            onClick={() => {
              setError(null);
              setAsking(true);
            }}
          >
            {t('galleries.share.revoke')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('galleries.share.revokeTitle')}
        text={t('galleries.share.revokeText')}
        confirmLabel={t('galleries.share.revokeAction')}
        color="red"
        loading={revoke.isPending}
        error={error}
        onConfirm={confirm}
      />
    </li>
  );
}

/** A new link: its PIN (digits, typed on a phone's number pad), downloads or not, an optional last day. */
function NewShareForm({ galleryId, onCreated }: { galleryId: string; onCreated: (share: Share) => void }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const create = useCreateShare(galleryId);
  const [pin, setPin] = useState('');
  const [downloads, setDownloads] = useState(false);
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; expiresOn?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const optional = (label: string) => `${label} (${t('common.optional')})`;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!PIN_PATTERN.test(pin)) {
      setErrors({ pin: t('galleries.share.pinInvalid') });
      return;
    }
    setErrors({});
    create.mutate(
      { pin, downloads, expiresAt: expiryOf(expiresOn, timeZone) },
      {
        onSuccess: (share) => {
          setPin('');
          setDownloads(false);
          setExpiresOn('');
          onCreated(share);
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            const field = (name: string) => error.errors.find((f) => f.field === name);
            const pinError = field('pin');
            const expiryError = field('expiresAt');
            setErrors({ pin: pinError && fieldMessage(t, pinError), expiresOn: expiryError && fieldMessage(t, expiryError) });
          }
          setFormError(problemMessage(t, error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-share-heading">
      <Stack gap="sm">
        <Text fw={600} component="h3" size="sm" m={0} id="new-share-heading">
          {t('galleries.share.new')}
        </Text>
        <TextInput
          label={t('galleries.share.pin')}
          description={t('galleries.share.pinHelp')}
          name="sharePin"
          required
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          maxLength={8}
          value={pin}
          error={errors.pin}
          onChange={(e) => {
            setPin(e.currentTarget.value.replace(/\D/g, ''));
            setErrors((x) => ({ ...x, pin: undefined }));
          }}
          size="md"
        />
        <Switch
          label={t('galleries.share.downloads')}
          description={t('galleries.share.downloadsHelp')}
          checked={downloads}
          onChange={(e) => setDownloads(e.currentTarget.checked)}
          size="md"
        />
        <DateField
          label={optional(t('galleries.share.expires'))}
          description={t('galleries.share.expiresHelp')}
          value={expiresOn}
          error={errors.expiresOn}
          onChange={(day) => {
            setExpiresOn(day);
            setErrors((x) => ({ ...x, expiresOn: undefined }));
          }}
          minDate={dayKey(new Date(), timeZone)}
          clearable
          size="md"
        />
        <FormAlert message={formError} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconLink size={16} aria-hidden />} loading={create.isPending}>
            {t('galleries.share.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Staff: links that open the gallery to guests (family, friends) with a PIN, without an
 * account. The live ones with their address to copy, a new one, and revoking one.
 */
export function ShareCard({ gallery }: { gallery: Gallery }) {
  const { t } = useTranslation();
  const shares = useShares(gallery.id);
  const [created, setCreated] = useState<Share | null>(null);
  return (
    <Card component="section" aria-labelledby="share-heading">
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0} id="share-heading">
          {t('galleries.share.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('galleries.share.intro')}
        </Text>
        {gallery.status === 'DRAFT' && <Text size="sm">{t('galleries.share.draftNote')}</Text>}
        {created && (
          <Alert color="teal" variant="light" title={t('galleries.share.created')} icon={<IconCheck size={20} aria-hidden />} data-testid="share-created">
            <Stack gap="xs">
              <CopyableUrl url={created.url} label={t('galleries.share.url')} />
              <Text size="sm" fw={500}>
                {t('galleries.share.sendPinApart')}
              </Text>
            </Stack>
          </Alert>
        )}
        {shares.isPending && <Skeleton height={60} />}
        {shares.isError && <LoadError error={shares.error} onRetry={() => void shares.refetch()} />}
        {shares.data?.length === 0 && <EmptyState text={t('galleries.share.none')} />}
        {shares.data && shares.data.length > 0 && (
          <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('galleries.share.links')}>
            {shares.data.map((s) => (
              <ShareRow key={s.id} galleryId={gallery.id} share={s} />
            ))}
          </Stack>
        )}
        <NewShareForm galleryId={gallery.id} onCreated={setCreated} />
      </Stack>
    </Card>
  );
}
