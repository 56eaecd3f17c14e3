import { Anchor, Button, Card, Grid, Group, Select, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconMessage } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateField } from '../../components/DateFields';
import { DocumentTitle } from '../../components/DocumentTitle';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PageSkeleton } from '../../components/PageSkeleton';
import { STATUS_COLOR, StatusBadge } from '../../components/StatusBadge';
import { isStaff, useAuth } from '../../lib/auth';
import { problemMessage } from '../../lib/errors';
import { displayName, formatDate, formatDateTime, timeZoneLabel } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { toastSuccess } from '../../lib/toast';
import type { Project, ProjectStatus } from '../../types/api';
import { PROJECT_STATUSES, useProject, useUpdateProject } from './api';
import { projectPatch, statusChoices, suggestedStatus, updateSummary } from './statusForm';

// The timeline of a project that was not cancelled.
const FLOW = PROJECT_STATUSES.filter((s) => s !== 'CANCELLED');

/**
 * The steps of the normal flow, done ones with their dates, notes and authors, the next
 * ones greyed — so the client sees where the job stands and what comes. A cancelled
 * project shows its history as it happened.
 */
function ProjectTimeline({ project, timeZone }: { project: Project; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const entries = project.timeline ?? [];
  const cancelled = project.status === 'CANCELLED';
  const steps = cancelled ? [...new Set(entries.map((e) => e.status))] : FLOW;
  const current = cancelled ? steps.length - 1 : steps.indexOf(project.status);
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

function StatusForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const admin = useAuth().user?.role === 'ADMIN';
  const update = useUpdateProject(project.id);
  const [status, setStatus] = useState<ProjectStatus>(suggestedStatus(project));
  const [note, setNote] = useState('');
  const [dueDate, setDueDate] = useState(project.dueDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const moving = status !== project.status ? status : null;
  const statusLabel = (s: ProjectStatus) => (s === project.status ? t('projects.currentStatus', { status: t(`status.${s}`) }) : t(`status.${s}`));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const patch = projectPatch(project, { status, note, dueDate });
    if (Object.keys(patch).length === 0) {
      setError(t('projects.nothingChanged'));
      return;
    }
    update.mutate(patch, {
      onSuccess: (p) => {
        toastSuccess(updateSummary(t, project, p, patch));
        setNote('');
        setStatus(suggestedStatus(p));
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
          onChange={(v) => v && setStatus(v as ProjectStatus)}
          data={statusChoices(project, admin).map((s) => ({ value: s, label: statusLabel(s) }))}
          allowDeselect={false}
        />
        <Textarea label={`${t('projects.note')} (${t('common.optional')})`} name="note" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
        <DateField label={t('projects.dueDate')} value={dueDate} onChange={setDueDate} clearable />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {moving ? t('projects.moveTo', { status: t(`status.${moving}`) }) : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * One project: header, timeline, and for staff the status change; then what other modules
 * show of it (its contract…), which the space's route passes as `sections`.
 */
export function ProjectPage({ sections }: { sections?: (project: Project) => ReactNode }) {
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
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <DocumentTitle screen={p.service.name} />
            <Title order={1} size="h2">
              {p.service.name}
            </Title>
            <StatusBadge status={p.status} />
          </Group>
          {staff && (
            // A plain link: the inbox resolves the client's conversation (no import of another feature).
            <Button
              component={Link}
              to={`/pro/messages?client=${encodeURIComponent(p.client.id)}&project=${encodeURIComponent(p.id)}`}
              variant="light"
              leftSection={<IconMessage size={18} />}
            >
              {t('messages.writeToClient')}
            </Button>
          )}
        </Group>
        <Text>
          {displayName(p.client)} · {formatDateTime(p.booking.start, i18n.language, timeZone)} ({timeZoneLabel(timeZone, i18n.language)})
        </Text>
        {p.dueDate && (
          <Text c="dimmed">
            {t('common.labelled', { label: t('projects.dueDate'), value: formatDate(`${p.dueDate.slice(0, 10)}T12:00:00Z`, i18n.language, 'UTC') })}
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
      {sections?.(p)}
    </Stack>
  );
}
