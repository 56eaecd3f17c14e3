import { ActionIcon, Button, Code, Group, Menu, Modal, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessageCircleBolt, IconPencil, IconPlus, IconSettings, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { problemMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { toastSuccess } from '../../lib/toast';
import { collect } from '../../lib/validation';
import { useDeleteSavedReply, useSavedReplies, useSaveSavedReply, type SavedReply } from './api';
import { MAX_BODY } from './composerText';

const PLACEHOLDERS = ['{{client.firstName}}', '{{client.lastName}}', '{{studio.name}}'];

function ReplyForm({ reply, onDone }: { reply: SavedReply | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSavedReply();
  const form = useForm({ title: reply?.title ?? '', body: reply?.body ?? '' }, (v) =>
    collect({
      title: !v.title.trim() ? 'validation.required' : v.title.trim().length > 100 ? 'validation.tooLong' : undefined,
      body: !v.body.trim() ? 'validation.required' : v.body.length > MAX_BODY ? 'validation.tooLong' : undefined,
    }),
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await save.mutateAsync({ id: reply?.id ?? null, reply: { title: v.title.trim(), body: v.body.trim() } });
      toastSuccess(t('savedReplies.saved'));
      onDone();
    });
  };
  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={600} component="h3" m={0}>
          {reply ? t('savedReplies.editTitle') : t('savedReplies.newTitle')}
        </Text>
        <TextInput label={t('savedReplies.title')} required maxLength={100} data-autofocus {...form.field('title')} />
        <Textarea
          label={t('savedReplies.body')}
          description={
            <>
              {t('savedReplies.placeholders')}{' '}
              {PLACEHOLDERS.map((p) => (
                <Code key={p} mr={4}>
                  {p}
                </Code>
              ))}
            </>
          }
          required
          autosize
          minRows={4}
          maxRows={10}
          maxLength={MAX_BODY}
          {...form.field('body')}
        />
        <FormAlert message={form.formError} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ReplyRow({ reply, onEdit }: { reply: SavedReply; onEdit: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteSavedReply();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="sm" data-testid="saved-reply">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} miw={0}>
          <Text fw={600}>{reply.title}</Text>
          <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
            {reply.body}
          </Text>
        </Stack>
        {!confirming && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" aria-label={t('savedReplies.edit', { title: reply.title })} onClick={onEdit}>
              <IconPencil size={18} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('savedReplies.delete', { title: reply.title })} onClick={() => setConfirming(true)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {confirming && (
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            size="xs"
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(reply.id, {
                onSuccess: () => toastSuccess(t('savedReplies.deleted')),
                onError: (e) => setError(problemMessage(t, e)),
              })
            }
          >
            {t('savedReplies.confirmDelete')}
          </Button>
        </Group>
      )}
      <FormAlert message={error} />
    </Paper>
  );
}

/** Staff: create, edit and delete the studio's saved replies. */
export function SavedRepliesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const replies = useSavedReplies(opened);
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const close = () => {
    setEditing(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('savedReplies.manage')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('savedReplies.help')}
        </Text>
        {editing ? (
          <ReplyForm key={editing === 'new' ? 'new' : editing.id} reply={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : (
          <Group justify="flex-end">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('savedReplies.create')}
            </Button>
          </Group>
        )}
        {replies.isError && <LoadError error={replies.error} onRetry={() => void replies.refetch()} />}
        {replies.isSuccess && replies.data.length === 0 && !editing && <EmptyState text={t('savedReplies.none')} />}
        {replies.data?.map((r) => (
          <ReplyRow key={r.id} reply={r} onEdit={() => setEditing(r)} />
        ))}
      </Stack>
    </Modal>
  );
}

/** Staff: a menu of saved replies to insert into the message, and the way to manage them. */
export function SavedRepliesMenu({ onPick }: { onPick: (reply: SavedReply) => void }) {
  const { t } = useTranslation();
  const [menuOpened, setMenuOpened] = useState(false);
  const [managing, manage] = useDisclosure(false);
  const replies = useSavedReplies(menuOpened);
  return (
    <>
      {/* No focus placeholder (an unnamed focusable div inside the menu): opening the menu puts
          the focus on its first item, as a menu button should. */}
      <Menu opened={menuOpened} onChange={setMenuOpened} position="top-start" withinPortal shadow="md" width={280} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button variant="default" size="sm" leftSection={<IconMessageCircleBolt size={16} />} aria-label={t('savedReplies.menu')}>
            <Text span visibleFrom="sm" inherit>
              {t('savedReplies.menu')}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('savedReplies.insert')}</Menu.Label>
          {replies.isPending && <Menu.Item disabled>{t('app.loading')}</Menu.Item>}
          {replies.isSuccess && replies.data.length === 0 && <Menu.Item disabled>{t('savedReplies.noneShort')}</Menu.Item>}
          {replies.data?.map((r) => (
            <Menu.Item key={r.id} onClick={() => onPick(r)}>
              {r.title}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconSettings size={16} />} onClick={manage.open}>
            {t('savedReplies.manage')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SavedRepliesModal opened={managing} onClose={manage.close} />
    </>
  );
}
