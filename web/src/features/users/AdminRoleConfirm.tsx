import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What an administrator can do, in one list: shown before anyone is given the role. */
export function AdminPowers() {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm">{t('users.adminConfirm.intro')}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('users.adminConfirm.settings')}</List.Item>
        <List.Item>{t('users.adminConfirm.roles')}</List.Item>
        <List.Item>{t('users.adminConfirm.everything')}</List.Item>
      </List>
      <Text size="sm" fw={500}>
        {t('users.adminConfirm.trust')}
      </Text>
    </Stack>
  );
}

interface Props {
  /** Whom the role would go to, as shown in the title. */
  name: string;
  opened: boolean;
  loading?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The step before making someone an ADMIN. The focus starts on "Cancel", so a stray Enter
 * never grants the role; only the named button does.
 */
export function AdminRoleConfirm({ name, opened, loading, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('users.adminConfirm.title', { name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <AdminPowers />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={loading} onClick={onConfirm}>
            {t('users.adminConfirm.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
