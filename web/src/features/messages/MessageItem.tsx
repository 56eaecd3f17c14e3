import { ActionIcon, Anchor, Badge, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconChecks, IconFlag, IconFlagFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toastError } from '../../lib/toast';
import { StatusBadge } from '../../components/StatusBadge';
import { problemMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { clockTime } from '../../lib/time';
import { useFollowUp, type Message } from './api';
import { MessageAttachments } from './MessageAttachments';
import { MessageBody } from './MessageBody';

interface Props {
  message: Message;
  /** Written by the caller's side (the studio for staff): shown on the right. */
  mine: boolean;
  author: string;
  staff: boolean;
  /** Under the caller's last message: whether the other side has read it. */
  receipt: 'read' | 'sent' | null;
  timeZone: string;
}

/** A booking or project the message is about, with a link to it. */
function References({ message, staff, timeZone }: { message: Message; staff: boolean; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const { booking, project } = message;
  if (!booking && !project) return null;
  const bookingPath = staff ? (booking?.status === 'PENDING' ? '/pro/requests' : '/pro/calendar') : '/client/bookings';
  return (
    <Stack gap="xs" mt="xs">
      {booking && (
        <Paper withBorder p="xs" radius="md">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={0} miw={0}>
              <Text size="xs" c="dimmed">
                {t('messages.aboutBooking')}
              </Text>
              <Anchor component={Link} to={bookingPath} size="sm" fw={600}>
                {booking.serviceName}
              </Anchor>
              <Text size="sm">{formatDateTime(booking.start, i18n.language, timeZone)}</Text>
            </Stack>
            <StatusBadge status={booking.status} />
          </Group>
        </Paper>
      )}
      {project && (
        <Paper withBorder p="xs" radius="md">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={0} miw={0}>
              <Text size="xs" c="dimmed">
                {t('messages.aboutProject')}
              </Text>
              <Anchor component={Link} to={`${staff ? '/pro' : '/client'}/projects/${project.id}`} size="sm" fw={600}>
                {project.serviceName}
              </Anchor>
            </Stack>
            <StatusBadge status={project.status} />
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

/** Staff: the "to follow up" flag of a message, as a word and a toggle. */
function FollowUp({ message }: { message: Message }) {
  const { t } = useTranslation();
  const toggle = useFollowUp();
  const label = message.followUp ? t('messages.followUpDone') : t('messages.followUpMark');
  const click = () =>
    toggle.mutate({ message, on: !message.followUp }, { onError: (e) => toastError(problemMessage(t, e)) });
  return (
    <Group gap={4} wrap="nowrap">
      {message.followUp && (
        <Badge color="orange" variant="light" size="sm">
          {t('messages.followUp')}
        </Badge>
      )}
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color={message.followUp ? 'orange' : 'gray'} size="sm" aria-label={label} aria-pressed={message.followUp} loading={toggle.isPending} onClick={click}>
          {message.followUp ? <IconFlagFilled size={14} /> : <IconFlag size={14} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** One message: who and when, the text, what it is about, its files, and its status. */
export function MessageItem({ message, mine, author, staff, receipt, timeZone }: Props) {
  const { t } = useTranslation();
  // Staff flag what the client wrote (and can clear any flag).
  const followable = staff && (!mine || message.followUp);
  return (
    <Box data-testid="message" data-mine={mine || undefined} style={{ display: 'flex', justifyContent: mine ? 'flex-end' : 'flex-start' }}>
      <Stack gap={2} maw="min(85%, 36rem)" align={mine ? 'flex-end' : 'flex-start'}>
        <Text size="xs" c="dimmed">
          <Text span fw={600} inherit>
            {author}
          </Text>{' '}
          · <time dateTime={message.createdAt}>{clockTime(message.createdAt, timeZone)}</time>
        </Text>
        <div className="bubble" data-mine={mine || undefined}>
          <MessageBody body={message.body} />
          <References message={message} staff={staff} timeZone={timeZone} />
          <MessageAttachments files={message.attachments} />
        </div>
        {(followable || receipt) && (
          <Group gap="xs" wrap="nowrap">
            {receipt === 'read' && (
              <Text size="xs" c="var(--mantine-color-anchor)" fw={600} data-testid="read-receipt">
                <IconChecks size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('messages.read')}
              </Text>
            )}
            {receipt === 'sent' && (
              <Text size="xs" c="dimmed">
                {t('messages.sent')}
              </Text>
            )}
            {followable && <FollowUp message={message} />}
          </Group>
        )}
      </Stack>
    </Box>
  );
}
