import { Button, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { problemMessage } from '../../lib/errors';
import { toastSuccess } from '../../lib/toast';
import type { Role, User } from '../../types/api';
import { useUpdateUser, useUserList } from './api';
import { InviteModal } from './InviteModal';
import { UserTable } from './UserTable';

const ROLES: Role[] = ['CLIENT', 'PROFESSIONNEL', 'ADMIN'];

function RoleSelect({ user }: { user: User }) {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const update = useUpdateUser(user.id);
  if (me?.id === user.id) return <Text size="sm">{`${t(`roles.${user.role}`)} (${t('users.you')})`}</Text>;
  return (
    <Select
      size="xs"
      w={170}
      aria-label={`${t('users.role')} — ${user.email}`}
      value={user.role}
      allowDeselect={false}
      disabled={update.isPending}
      data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      onChange={(role) => {
        if (!role || role === user.role) return;
        update.mutate(
          { role: role as Role },
          {
            onSuccess: () => toastSuccess(t('users.roleChanged')),
            onError: (e) => notifications.show({ color: 'red', message: problemMessage(t, e) }),
          },
        );
      }}
    />
  );
}

/** ADMIN: everyone with an account, their role, and adding staff. */
export function UsersPage() {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role | null>(null);
  const [adding, add] = useDisclosure(false);
  const list = useUserList(role, '');

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        action={
          <Button leftSection={<IconUserPlus size={18} />} onClick={add.open}>
            {t('users.create')}
          </Button>
        }
      />
      <Select
        mb="md"
        maw={240}
        aria-label={t('users.role')}
        placeholder={t('users.allRoles')}
        clearable
        value={role}
        onChange={(v) => setRole(v as Role | null)}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <UserTable
        list={list}
        empty={<EmptyState text={t('errors.not_found')} />}
        extra={{ header: t('users.role'), cell: (u) => <RoleSelect user={u} /> }}
      />
      <InviteModal opened={adding} onClose={add.close} chooseRole />
    </>
  );
}
