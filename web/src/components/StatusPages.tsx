import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock, IconMapSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePath, useAuth } from '../lib/auth';
import { DocumentTitle } from './DocumentTitle';

function StatusPage(props: { icon: ReactNode; title: string; text: string; action: string; to: string }) {
  return (
    <Center mih="70vh" p="lg">
      <Stack align="center" gap="md" maw={460} ta="center">
        <DocumentTitle screen={props.title} />
        <ThemeIcon size={64} radius="xl" variant="light" color="gray">
          {props.icon}
        </ThemeIcon>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        <Text c="dimmed">{props.text}</Text>
        <Button component={Link} to={props.to}>
          {props.action}
        </Button>
      </Stack>
    </Center>
  );
}

/** A page the account may not open: one of the professional space, or one for ADMIN only. */
export function NotAllowedPage({ reservedTo = 'staff' }: { reservedTo?: 'staff' | 'admin' }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <StatusPage
      icon={<IconLock size={32} />}
      title={t('notAllowed.title')}
      text={t(reservedTo === 'admin' ? 'notAllowed.adminText' : 'notAllowed.text')}
      action={t('notAllowed.action')}
      to={user ? homePath(user) : '/login'}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconMapSearch size={32} />}
      title={t('notFound.title')}
      text={t('notFound.text')}
      action={t('notFound.action')}
      to="/"
    />
  );
}
