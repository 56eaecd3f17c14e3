import { Anchor, Card, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { isStaff, useAuth } from '../../lib/auth';
import { displayName, formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import type { Project } from '../../types/api';
import { PROJECT_STATUSES, useProjects } from './api';

function ProjectCard({ project, base, timeZone }: { project: Project; base: string; timeZone: string }) {
  const { i18n } = useTranslation();
  return (
    <Card p="sm" data-testid="project-card">
      <Anchor component={Link} to={`${base}/${project.id}`} fw={600}>
        {project.service.name}
      </Anchor>
      <Text size="sm">{displayName(project.client)}</Text>
      <Text size="sm" c="dimmed">
        {formatDate(project.booking.start, i18n.language, timeZone)}
      </Text>
    </Card>
  );
}

/**
 * One column a status, as many to a row as fit (all six from about 1,050 px): a column that
 * does not fit goes under the others rather than off-screen behind a sideways scroll.
 */
function Board({ projects, base, timeZone }: { projects: Project[]; base: string; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid type="container" cols={{ base: 2, '560px': 3, '720px': 4, '880px': 5, '1040px': 6 }} spacing="md" verticalSpacing="lg">
      {PROJECT_STATUSES.map((status) => {
        const column = projects.filter((p) => p.status === status);
        return (
          <Stack key={status} gap="xs" miw={0} data-testid={`column-${status}`}>
            <Group gap="xs">
              <StatusBadge status={status} />
              <Text size="sm" c="dimmed">
                {column.length}
              </Text>
            </Group>
            {column.map((p) => (
              <ProjectCard key={p.id} project={p} base={base} timeZone={timeZone} />
            ))}
            {column.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('projects.emptyColumn')}
              </Text>
            )}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

function List({ projects, base, timeZone, staff }: { projects: Project[]; base: string; timeZone: string; staff: boolean }) {
  const { t, i18n } = useTranslation();
  // On a phone the session's date goes under the service, and a client (whose projects these
  // all are) has no client column: the status stays in view, nothing to scroll sideways to.
  const phone = useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false });
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={phone ? 0 : 560}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.service')}</Table.Th>
              {staff && <Table.Th>{t('projects.client')}</Table.Th>}
              {!phone && <Table.Th>{t('projects.session')}</Table.Th>}
              <Table.Th>{t('projects.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/${p.id}`}>
                    {p.service.name}
                  </Anchor>
                  {phone && (
                    <Text size="sm" c="dimmed">
                      {formatDate(p.booking.start, i18n.language, timeZone)}
                    </Text>
                  )}
                </Table.Td>
                {staff && <Table.Td>{displayName(p.client)}</Table.Td>}
                {!phone && <Table.Td>{formatDate(p.booking.start, i18n.language, timeZone)}</Table.Td>}
                <Table.Td>
                  <StatusBadge status={p.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Staff: a board by status or a list. Client: their projects. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const staff = isStaff(user);
  const projects = useProjects();
  const timeZone = useStudioTimeZone();
  // Two columns a row is too cramped for a board: on a phone (or a window narrowed to one)
  // staff get the list, and the board comes back when there is room.
  const phone = useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false });
  const [chosen, setView] = useState<'board' | 'list'>(staff ? 'board' : 'list');
  const view = phone ? 'list' : chosen;
  const base = staff ? '/pro/projects' : '/client/projects';

  return (
    <Stack gap="md">
      <PageHeader
        title={staff ? t('projects.title') : t('projects.mine')}
        subtitle={t('projects.subtitle')}
        action={
          staff &&
          !phone && (
            <SegmentedControl
              value={view}
              onChange={(v) => setView(v as 'board' | 'list')}
              data={[
                { value: 'board', label: t('projects.board') },
                { value: 'list', label: t('projects.list') },
              ]}
            />
          )
        }
      />
      {projects.isPending && <Skeleton height={160} radius="lg" />}
      {projects.isError && <LoadError error={projects.error} onRetry={() => void projects.refetch()} />}
      {projects.isSuccess && projects.data.length === 0 && <EmptyState text={t('projects.none')} />}
      {projects.isSuccess &&
        projects.data.length > 0 &&
        (view === 'board' ? (
          <Board projects={projects.data} base={base} timeZone={timeZone} />
        ) : (
          <List projects={projects.data} base={base} timeZone={timeZone} staff={staff} />
        ))}
    </Stack>
  );
}
