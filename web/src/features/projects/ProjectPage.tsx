import { Anchor, Button, Card, Grid, Group, Select, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { STATUS_COLOR, StatusBadge } from '../../components/StatusBadge';
import { isStaff, useAuth } from '../../lib/auth';
import { problemMessage } from '../../lib/errors';
import { formatDate, formatDateTime, timeZoneLabel } from '../../lib/format';
import { toastSuccess } from '../../lib/toast';
import { useStudioTimeZone } from '../studio/api';
import { displayName } from '../users/api';
import { nextStatus, PROJECT_FLOW, useProject, useUpdateProject, type Project, type ProjectStatus } from './api';

/**
 * The steps of the normal flow, done ones with their dates, notes and authors, the next
 * ones greyed — so the client sees where the job stands and what comes. A cancelled
 * project shows its history as it happened.
 */
function ProjectTimeline({ project, timeZone }: { project: Project; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const entries = project.timeline ?? [];
  const steps: ProjectStatus[] =
    project.status === 'CANCELLED' ? [...new Set(entries.map((e) => e.status))] : [...PROJECT_FLOW];
  const current = project.status === 'CANCELLED' ? steps.length - 1 : PROJECT_FLOW.indexOf(project.status as (typeof PROJECT_FLOW)[number]);
  return (
    <Card>
      <Text fw={600} component="h2" m={0} mb="md">
        {t('projects.timeline')}
      </Text>
      <Timeline active={current} bulletSize={16} lineWidth={2} data-testid="timeline">
        {steps.map((status, i) => {
          const done = entries.filter((e) => e.status === status);
          return (
            <Timeline.Item key={`${status}-${i}`} color={STATUS_COLOR[status]} title={t(`status.${status}`)} c={i > current ? 'dimmed' : undefined}>
              {done.map((e, j) => (
                <Stack key={j} gap={0}>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(e.at, i18n.language, timeZone)}
                    {e.byName && ` · ${e.byName}`}
                  </Text>
                  {e.note && <Text size="sm">{e.note}</Text>}
                </Stack>
              ))}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}

/** PROFESSIONNEL: the next step or cancelling; ADMIN: any status (sent with `force`). */
function statusChoices(project: Project, admin: boolean): ProjectStatus[] {
  if (admin) return [...PROJECT_FLOW, 'CANCELLED'];
  const next = nextStatus(project.status);
  return [...(next ? [next] : []), ...(project.status === 'CANCELLED' ? [] : (['CANCELLED'] as const))];
}

function StatusForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const admin = useAuth().user?.role === 'ADMIN';
  const update = useUpdateProject(project.id);
  const suggested = nextStatus(project.status);
  const [status, setStatus] = useState<ProjectStatus | null>(suggested);
  const [note, setNote] = useState('');
  const [dueDate, setDueDate] = useState(project.dueDate ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const patch = {
      ...(status && status !== project.status ? { status } : {}),
      ...(admin && status && status !== project.status && status !== suggested && status !== 'CANCELLED' ? { force: true } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(dueDate !== (project.dueDate ?? '') ? { dueDate: dueDate || null } : {}),
    };
    update.mutate(patch, {
      onSuccess: (p) => {
        toastSuccess(t('projects.updated'));
        setNote('');
        setStatus(nextStatus(p.status));
      },
      onError: (err) => setError(problemMessage(t, err)),
    });
  };

  return (
    <Card component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0}>
          {t('projects.move')}
        </Text>
        <Select
          label={t('projects.newStatus')}
          value={status}
          onChange={(v) => setStatus(v as ProjectStatus | null)}
          data={statusChoices(project, admin).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          clearable
        />
        <Textarea label={`${t('projects.note')} (${t('common.optional')})`} name="note" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
        <TextInput type="date" label={t('projects.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {status && status !== project.status ? t('projects.moveTo', { status: t(`status.${status}`) }) : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** One project: header, timeline, and for staff the status change. */
export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const staff = isStaff(user);
  const project = useProject(id);
  const timeZone = useStudioTimeZone();

  if (project.isPending) return <PageSkeleton rows={3} />;
  if (project.isError) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={staff ? '/pro/projects' : '/client/projects'} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('nav.projects')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {p.service.name}
          </Title>
          <StatusBadge status={p.status} />
        </Group>
        <Text>
          {displayName(p.client)} · {formatDateTime(p.booking.start, i18n.language, timeZone)} ({timeZoneLabel(timeZone, i18n.language)})
        </Text>
        {p.dueDate && (
          <Text c="dimmed">
            {t('projects.dueDate')} : {formatDate(`${p.dueDate.slice(0, 10)}T12:00:00Z`, i18n.language, 'UTC')}
          </Text>
        )}
      </Stack>
      <Grid>
        <Grid.Col span={{ base: 12, md: staff ? 7 : 12 }}>
          <ProjectTimeline project={p} timeZone={timeZone} />
        </Grid.Col>
        {staff && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <StatusForm key={p.status} project={p} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
