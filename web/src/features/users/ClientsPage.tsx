import { Button, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useUserList } from './api';
import { InviteModal } from './InviteModal';
import { UserTable } from './UserTable';

export function ClientsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [inviting, invite] = useDisclosure(false);
  const list = useUserList('CLIENT', debounced);

  const inviteButton = (
    <Button leftSection={<IconUserPlus size={18} />} onClick={invite.open}>
      {t('clients.invite')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('clients.title')} subtitle={t('clients.subtitle')} action={inviteButton} />
      <TextInput
        mb="md"
        maw={420}
        leftSection={<IconSearch size={16} />}
        aria-label={t('common.search')}
        placeholder={t('clients.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
      />
      <UserTable
        list={list}
        linkTo={(u) => `/pro/clients/${u.id}`}
        empty={
          debounced ? (
            <EmptyState text={t('clients.noMatch', { q: debounced })} />
          ) : (
            <EmptyState text={t('clients.empty')} action={inviteButton} />
          )
        }
      />
      <InviteModal opened={inviting} onClose={invite.close} />
    </>
  );
}
