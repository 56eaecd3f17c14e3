import { Button, CloseButton, FileButton, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconLink, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { fieldMessage, problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { useSendMessage, type Conversation, type SavedReply } from './api';
import { ACCEPT, MAX_FILES } from './attachments';
import { fillPlaceholders, insertAt, loadDraft, MAX_BODY, saveDraft } from './composerText';
import { FileProblems, PendingFiles } from './PendingFiles';
import { SavedRepliesMenu } from './SavedReplies';
import { useUploads } from './useUploads';

/** A booking or project the next message is about (staff arriving from its page). */
export interface Reference {
  bookingId?: string;
  projectId?: string;
}

interface Props {
  conversation: Conversation;
  staff: boolean;
  studioName: string;
  reference?: Reference | null;
  onReferenceDone?: () => void;
}

/**
 * Writing a message: Enter sends, Shift+Enter goes to the line; the draft is kept per
 * conversation until sent; up to five files, uploaded as soon as they are picked; staff
 * insert saved replies.
 */
export function Composer({ conversation, staff, studioName, reference, onReferenceDone }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => loadDraft(conversation.id));
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const resetPicker = useRef<() => void>(null);
  const uploads = useUploads(conversation.id);
  const send = useSendMessage(conversation.id);
  const empty = !text.trim();
  const blocked = uploads.uploading || uploads.failed;

  const change = (value: string) => {
    setText(value);
    saveDraft(conversation.id, value);
    setError(null);
  };

  const submit = () => {
    if (empty || blocked || send.isPending) return;
    if (text.trim().length > MAX_BODY) {
      setError(t('fieldErrors.body.too_long'));
      return;
    }
    setError(null);
    send.mutate(
      {
        body: text.trim(),
        ...(uploads.ids.length ? { attachmentIds: uploads.ids } : {}),
        ...(reference?.bookingId ? { bookingId: reference.bookingId } : {}),
        ...(reference?.projectId ? { projectId: reference.projectId } : {}),
      },
      {
        onSuccess: () => {
          change('');
          uploads.clear();
          onReferenceDone?.();
          textarea.current?.focus();
        },
        // A refused field (the body, an attachment) says which; anything else, what to do.
        onError: (e) => setError(e instanceof ApiError && e.errors[0] ? fieldMessage(t, e.errors[0]) : problemMessage(t, e)),
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  const insertReply = (reply: SavedReply) => {
    const filled = fillPlaceholders(reply.body, { client: conversation.client, studioName });
    const el = textarea.current;
    const next = insertAt(text, filled, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length);
    change(next.value);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };

  const hint = uploads.uploading ? t('messages.files.wait') : uploads.failed ? t('messages.files.removeFailed') : empty && uploads.files.length > 0 ? t('messages.files.addText') : null;

  return (
    <Paper
      component="form"
      p={{ base: 'xs', sm: 'sm' }}
      radius={0}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)', background: 'transparent' }}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        {reference && (reference.projectId || reference.bookingId) && (
          <Group gap={4} wrap="nowrap">
            <IconLink size={14} aria-hidden />
            <Text size="sm">{reference.projectId ? t('messages.aboutThisProject') : t('messages.aboutThisBooking')}</Text>
            <CloseButton size="sm" aria-label={t('messages.removeReference')} onClick={onReferenceDone} />
          </Group>
        )}
        <FileProblems problems={uploads.problems} onClose={uploads.dismissProblems} />
        <PendingFiles files={uploads.files} onRemove={uploads.remove} />
        <Textarea
          ref={textarea}
          name="message"
          aria-label={t('messages.composerLabel')}
          placeholder={staff ? t('messages.placeholderStaff', { name: conversation.client.firstName }) : t('messages.placeholderClient')}
          value={text}
          onChange={(e) => change(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={MAX_BODY}
          size="sm"
        />
        <FormAlert message={error} />
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <FileButton
              onChange={(files) => {
                uploads.add(files);
                resetPicker.current?.(); // the same file can be picked again after removing it
              }}
              resetRef={resetPicker}
              accept={ACCEPT}
              multiple
              disabled={uploads.files.length >= MAX_FILES}
            >
              {(props) => (
                <Button {...props} variant="default" size="sm" leftSection={<IconPaperclip size={16} />} aria-label={t('messages.files.attach')}>
                  <Text span visibleFrom="sm" inherit>
                    {t('messages.files.attach')}
                  </Text>
                </Button>
              )}
            </FileButton>
            {staff && <SavedRepliesMenu onPick={insertReply} />}
          </Group>
          {/* The hint gives way (it wraps); the buttons never shrink into a cut-off label. */}
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Text size="xs" c="dimmed" visibleFrom="md" miw={0}>
              {hint ?? t('messages.enterHint')}
            </Text>
            <Button type="submit" size="sm" leftSection={<IconSend size={16} />} loading={send.isPending} disabled={empty || blocked} style={{ flexShrink: 0 }}>
              {t('messages.send')}
            </Button>
          </Group>
        </Group>
        {hint && (
          <Text size="xs" c="dimmed" hiddenFrom="md" role="status">
            {hint}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
