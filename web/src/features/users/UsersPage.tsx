import { Button, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { problemMessage } from '../../lib/errors';
import { displayName } from '../../lib/format';
import { toastError, toastSuccess } from '../../lib/toast';
import type { Role, User } from '../../types/api';
import { AdminRoleConfirm } from './AdminRoleConfirm';
import { useUpdateUser, useUserList } from './api';
import { InviteModal } from './InviteModal';
import { roleStep, type RoleEvent } from './roleChange';
import { UserTable } from './UserTable';

const ROLES: Role[] = ['CLIENT', 'PROFESSIONNEL', 'ADMIN'];

function RoleSelect({ user }: { user: User }) {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const update = useUpdateUser(user.id);
  const [pending, setPending] = useState<Role | null>(null);
  if (me?.id === user.id) return <Text size="sm">{`${t(`roles.${user.role}`)} (${t('users.you')})`}</Text>;

  const step = (event: RoleEvent) => {
    const next = roleStep(user.role, pending, event);
    if (!next.apply) return setPending(next.pending);
    // The dialog (if any) stays open, its button busy, until the server has answered.
    update.mutate(
      { role: next.apply },
      {
        onSuccess: () => toastSuccess(t('users.roleChanged')),
        onError: (e) => toastError(problemMessage(t, e)),
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <>
      {/* Controlled by the saved role: while ADMIN waits for its confirmation, the select still shows the current one. */}
      <Select
        size="xs"
        w={170}
        aria-label={`${t('users.role')} — ${user.email}`}
        value={user.role}
        allowDeselect={false}
        disabled={update.isPending}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        onChange={(role) => step({ type: 'pick', role: role as Role | null })}
      />
      <AdminRoleConfirm
        name={displayName(user)}
        opened={pending !== null}
        loading={update.isPending}
        onConfirm={() => step({ type: 'confirm' })}
        onCancel={() => step({ type: 'cancel' })}
      />
    </>
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
