import { Anchor, Box, Button, Card, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { displayName, formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import type { User } from '../../types/api';
import type { useUserList } from './api';
import { UserStatusBadge } from './UserStatusBadge';

interface Props {
  list: ReturnType<typeof useUserList>;
  empty: ReactNode;
  /** Where a row's name links to; none → plain text. */
  linkTo?: (user: User) => string;
  /** An extra column (e.g. the role editor). */
  extra?: { header: string; cell: (user: User) => ReactNode };
}

/** A paged list of users with loading, error and empty states. */
export function UserTable({ list, empty, linkTo, extra }: Props) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  // Below 1200 px (a tablet beside the sidebar, a phone) the e-mail, phone and status go under
  // the name: two columns, the last one (the role editor) never past the screen's edge.
  const compact = useMediaQuery('(max-width: 74.99em)', undefined, { getInitialValueInEffect: false });
  if (list.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={48} />
        ))}
      </Stack>
    );
  }
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const users = list.data.pages.flatMap((p) => p.items);
  if (users.length === 0) return <>{empty}</>;

  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={compact ? 0 : 640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.name')}</Table.Th>
              {!compact && (
                <>
                  <Table.Th>{t('common.email')}</Table.Th>
                  <Table.Th>{t('common.phone')}</Table.Th>
                  <Table.Th>{t('clients.status')}</Table.Th>
                </>
              )}
              {extra ? <Table.Th>{extra.header}</Table.Th> : <Table.Th>{t('clients.since')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {linkTo ? (
                    <Anchor component={Link} to={linkTo(u)} fw={500}>
                      {displayName(u)}
                    </Anchor>
                  ) : (
                    <Text fw={500}>{displayName(u)}</Text>
                  )}
                  {compact && (
                    <Stack gap={4} mt={4} align="flex-start">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {u.email}
                      </Text>
                      {u.phone && <Text size="sm">{u.phone}</Text>}
                      <Box>
                        <UserStatusBadge user={u} />
                      </Box>
                    </Stack>
                  )}
                </Table.Td>
                {!compact && (
                  <>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>{u.phone ?? '—'}</Table.Td>
                    <Table.Td>
                      <UserStatusBadge user={u} />
                    </Table.Td>
                  </>
                )}
                <Table.Td>
                  {extra ? extra.cell(u) : formatDate(u.createdAt, i18n.language, timeZone)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Button variant="subtle" m="sm" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
