import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClock } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DocumentTitle } from '../../components/DocumentTitle';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { isStaff, useAuth } from '../../lib/auth';
import { actionProblemMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { useStudio } from '../../lib/studio';
import { formatDuration } from '../../lib/time';
import { toastSuccess } from '../../lib/toast';
import type { Service } from '../../types/api';
import { useCreateBooking, type Slot } from '../../features/bookings/api';
import { BookingRequest, SLOT_GONE, type Failure } from '../../features/bookings/BookingRequest';
import { pendingChoice, type PendingChoice } from '../../features/bookings/pendingChoice';
import { useService } from '../../features/services/api';
import { IncludedList } from '../../features/services/ServiceParts';
import { serviceLink } from '../../features/services/links';

/** Where a visitor's booking of `serviceId` continues once they have an account. */
export const signUpPath = (serviceId: string): string => `/register?next=${encodeURIComponent(serviceLink(serviceId))}`;

/** The client just signed up or in with a time waiting: it is booked at once. */
function BookPending({ choice, onFailed }: { choice: PendingChoice; onFailed: (failure: Failure, slotGone: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateBooking();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // The choice's own Idempotency-Key: a reload meanwhile replays the answer, never books twice.
    create
      .mutateAsync({ booking: { serviceId: choice.serviceId, start: choice.start, notes: choice.notes || undefined }, key: choice.key })
      .then(() => {
        pendingChoice.clear();
        toastSuccess(t('book.requested'));
        navigate('/client/bookings', { replace: true });
      })
      .catch((e: unknown) => {
        pendingChoice.clear();
        const code = e instanceof ApiError ? e.code : '';
        onFailed({ message: actionProblemMessage(t, e), showRequests: code === 'too_many_open_requests' }, SLOT_GONE.includes(code));
      });
  }, [choice, create, navigate, onFailed, t]);
  return (
    <Card>
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('publicBook.booking')}</Text>
      </Group>
    </Card>
  );
}

function ServiceHeader({ service: s }: { service: Service }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, s.currency, i18n.language);
  return (
    <Stack gap={4}>
      <DocumentTitle screen={s.name} />
      <Title order={1} size="h2">
        {s.name}
      </Title>
      <Group gap="md" c="dimmed">
        <Group gap={4} wrap="nowrap">
          <IconClock size={16} aria-hidden /> {formatDuration(s.durationMinutes)}
        </Group>
        <Text fw={600} c="var(--mantine-color-text)">
          {money(s.priceCents)}
        </Text>
        {s.depositCents > 0 && <Text size="sm">{t('common.labelled', { label: t('book.deposit'), value: money(s.depositCents) })}</Text>}
      </Group>
      {s.description && <Text>{s.description}</Text>}
      <IncludedList service={s} />
    </Stack>
  );
}

interface Retry {
  failure: Failure;
  slot: Slot | null;
  notes: string;
}

/**
 * A service's public booking page (the link staff share): anyone picks a day and a time. A
 * signed-in client books at once; a visitor continues to sign up (or in) with the choice kept
 * (pendingChoice), and is booked as soon as they have an account, back here. Staff are told
 * the page is their clients'.
 */
export default function PublicBookingPage() {
  const { t } = useTranslation();
  const { serviceId = '' } = useParams();
  const navigate = useNavigate();
  const { status, user } = useAuth();
  const service = useService(serviceId);
  const studio = useStudio();
  const [pending, setPending] = useState(() => pendingChoice.get(serviceId));
  const [retry, setRetry] = useState<Retry | null>(null);

  // The studio's zone must be known before any time is shown.
  if (status === 'loading' || service.isPending || studio.isPending) return <PageSkeleton />;
  const home = user ? '/studio' : '/';
  const back = (
    <Anchor component={Link} to={home} size="sm" w="fit-content">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden /> {t('book.allServices')}
      </Group>
    </Anchor>
  );
  if (service.isError) {
    if (service.error instanceof ApiError && service.error.status === 404)
      return (
        <Stack gap="md" align="flex-start">
          <DocumentTitle screen={t('publicBook.goneTitle')} />
          <Title order={1} size="h2">
            {t('publicBook.goneTitle')}
          </Title>
          <Text>{t('publicBook.goneText')}</Text>
          <Button component={Link} to={home}>
            {t('publicBook.seeServices')}
          </Button>
        </Stack>
      );
    return <LoadError error={service.error} onRetry={() => void service.refetch()} />;
  }
  const s = service.data;

  let body;
  if (isStaff(user)) {
    body = (
      <Alert color="blue" variant="light" title={t('publicBook.staffTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('publicBook.staffText')}</Text>
          <Anchor component={Link} to="/pro" size="sm" fw={600} c="inherit" underline="always">
            {t('publicBook.staffAction')}
          </Anchor>
        </Stack>
      </Alert>
    );
  } else if (user && pending) {
    body = (
      <BookPending
        choice={pending}
        onFailed={(failure, slotGone) => {
          setRetry({ failure, slot: slotGone ? null : { start: pending.start, end: pending.end }, notes: pending.notes ?? '' });
          setPending(null);
        }}
      />
    );
  } else {
    const initialSlot = retry ? retry.slot : pending ? { start: pending.start, end: pending.end } : null;
    body = (
      <BookingRequest
        service={s}
        initialSlot={initialSlot}
        initialNotes={retry?.notes ?? pending?.notes ?? ''}
        initialError={retry?.failure ?? null}
        onContinue={
          user
            ? undefined
            : ({ slot, notes, key }) => {
                pendingChoice.save({ serviceId: s.id, serviceName: s.name, start: slot.start, end: slot.end, notes: notes || undefined, key });
                navigate(signUpPath(s.id));
              }
        }
      />
    );
  }

  return (
    <Stack gap="lg">
      {back}
      <ServiceHeader service={s} />
      {body}
    </Stack>
  );
}
