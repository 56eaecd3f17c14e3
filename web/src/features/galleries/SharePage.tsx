import { Alert, Button, Card, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconHourglassOff, IconLinkOff, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DocumentTitle } from '../../components/DocumentTitle';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { problemMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { useSharedGallery, useUnlockShare, type SharedGallery } from './api';
import { JustifiedGrid } from './JustifiedGrid';
import { PhotoViewer } from './PhotoViewer';
import { lockedMinutes, PIN_PATTERN, shareRefusal } from './rules';
import { shareSession } from './shareSession';
import './galleries.css';

/** The link opens nothing any more (revoked, unknown, past its date) or its gallery has expired. */
function Closed({ why }: { why: 'invalid' | 'expired' }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={560} data-testid="share-closed">
      <DocumentTitle screen={t('galleries.guest.pageTitle')} />
      <Title order={1} size="h2">
        {t(`galleries.guest.${why}Title`)}
      </Title>
      <Alert color="gray" variant="light" icon={why === 'expired' ? <IconHourglassOff size={20} aria-hidden /> : <IconLinkOff size={20} aria-hidden />}>
        {t(`galleries.guest.${why}`)}
      </Alert>
    </Stack>
  );
}

/** The PIN step: digits on a phone's number pad; a wrong PIN, a locked link said plainly. */
function PinForm({ token, notice, onUnlocked, onClosed }: { token: string; notice: string | null; onUnlocked: (session: string) => void; onClosed: (why: 'invalid' | 'expired') => void }) {
  const { t } = useTranslation();
  const unlock = useUnlockShare(token);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!PIN_PATTERN.test(pin)) {
      setPinError(t('galleries.share.pinInvalid'));
      return;
    }
    setPinError(null);
    unlock.mutate(pin, {
      onSuccess: onUnlocked,
      onError: (error) => {
        const why = shareRefusal(error);
        if (why === 'invalid' || why === 'expired') onClosed(why);
        else if (why === 'wrongPin') setPinError(t('galleries.guest.wrongPin'));
        else if (why === 'locked') setFormError(t('galleries.guest.locked', { count: lockedMinutes(error) }));
        else setFormError(problemMessage(t, error));
      },
    });
  };

  return (
    <Card maw={480} mx="auto" w="100%" padding="lg">
      <DocumentTitle screen={t('galleries.guest.pageTitle')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconLock size={24} aria-hidden style={{ flexShrink: 0 }} />
            <Title order={1} size="h2">
              {t('galleries.guest.pinTitle')}
            </Title>
          </Group>
          <Text>{t('galleries.guest.pinIntro')}</Text>
          {notice && (
            <Alert color="blue" variant="light" role="status">
              {notice}
            </Alert>
          )}
          <TextInput
            label={t('galleries.guest.pin')}
            description={t('galleries.guest.pinHelp')}
            name="pin"
            required
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            maxLength={8}
            value={pin}
            error={pinError}
            onChange={(e) => {
              setPin(e.currentTarget.value.replace(/\D/g, ''));
              setPinError(null);
            }}
            size="md"
          />
          <FormAlert message={formError} />
          <Button type="submit" size="md" loading={unlock.isPending}>
            {t('galleries.guest.open')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** The gallery, read-only: its title and studio, the zip when allowed, the photos and the viewer. */
function Gallery({ shared }: { shared: SharedGallery }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const [open, setOpen] = useState<number | null>(null);
  const { gallery: g } = shared;
  const files = shared.files.filter((f) => f.thumbnailUrl);
  const facts = [
    t('galleries.guest.by', { studio: g.studioName }),
    t('galleries.photoCount', { count: files.length }),
    g.expiresAt && t('galleries.card.until', { date: formatDate(g.expiresAt, i18n.language, timeZone) }),
  ].filter(Boolean);
  return (
    <Stack gap="md">
      <DocumentTitle screen={g.title} />
      <Stack gap={4}>
        <Title order={1} size="h2" className="gallery-title">
          {g.title}
        </Title>
        <Text c="dimmed">{facts.join(' · ')}</Text>
      </Stack>
      {g.archiveUrl && (
        <Button component="a" href={g.archiveUrl} download variant="light" w="fit-content" leftSection={<IconDownload size={18} aria-hidden />}>
          {t('galleries.guest.downloadAll')}
        </Button>
      )}
      {files.length === 0 ? (
        <EmptyState text={t('galleries.guest.noPhotos')} />
      ) : (
        <>
          <JustifiedGrid files={files} onOpen={setOpen} canChoose={false} onFavorite={() => {}} />
          <PhotoViewer galleryId={g.id} files={files} index={open} onIndex={setOpen} onClose={() => setOpen(null)} canChoose={false} onFavorite={() => {}} />
        </>
      )}
    </Stack>
  );
}

/**
 * `/share/:token`: a gallery a studio shared with guests (no account). The PIN first, then
 * the photos read-only, with downloads when the link allows them. The session the PIN opens
 * is kept for the tab: a reload shows the gallery again; once refused (401), the PIN again.
 */
export function SharePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [session, setSession] = useState(() => shareSession.get(token));
  const [notice, setNotice] = useState<string | null>(null);
  const [closed, setClosed] = useState<'invalid' | 'expired' | null>(null);
  const shared = useSharedGallery(token, session);
  const refusal = shared.isError ? shareRefusal(shared.error) : null;

  // A session no longer valid (expired, or from before a restart of keys): the PIN again.
  useEffect(() => {
    if (refusal === 'session' || refusal === 'invalid' || refusal === 'expired') shareSession.forget(token);
    if (refusal === 'session') {
      setSession(null);
      setNotice(t('galleries.guest.again'));
    }
  }, [refusal, token, t]);

  if (closed) return <Closed why={closed} />;
  if (refusal === 'invalid' || refusal === 'expired') return <Closed why={refusal} />;
  if (!session || refusal === 'session') {
    return (
      <PinForm
        token={token}
        notice={notice}
        onClosed={setClosed}
        onUnlocked={(s) => {
          shareSession.set(token, s);
          setNotice(null);
          setSession(s);
        }}
      />
    );
  }
  if (shared.isPending) return <Skeleton height={320} radius="md" />;
  if (shared.isError) {
    if (refusal === 'locked') {
      return (
        <Stack gap="md" maw={560}>
          <DocumentTitle screen={t('galleries.guest.pageTitle')} />
          <Title order={1} size="h2">
            {t('galleries.guest.pinTitle')}
          </Title>
          <FormAlert message={t('galleries.guest.locked', { count: lockedMinutes(shared.error) })} />
        </Stack>
      );
    }
    return <LoadError error={shared.error} onRetry={() => void shared.refetch()} />;
  }
  return <Gallery shared={shared.data} />;
}

export default SharePage;
