import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './FormAlert';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in a sentence. */
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  error?: string | null;
  color?: string;
  /** A field the action needs (a reason). */
  children?: ReactNode;
}

/** A step back before an action that cannot be undone: what it does, then the action named again. */
export function ConfirmModal({ opened, onClose, title, text, confirmLabel, onConfirm, loading, error = null, color, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text>{text}</Text>
          {children}
          <FormAlert message={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={color} loading={loading} data-autofocus={children ? undefined : true}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
