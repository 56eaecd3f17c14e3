import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { AddToCalendarButton } from '../../features/bookings/AddToCalendarButton';
import { useBookings } from '../../features/bookings/api';
import { useProjects } from '../../features/projects/api';
import { clientNextSteps, PROJECT_STEPS, stepNumber } from '../../features/projects/progress';
import { formatDate, formatDateTime, timeZoneLabel } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import type { Booking, Project } from '../../types/api';

/** Client: the next session and where each project under way stands, or the way to book. */
export function ClientNextSteps() {
  const { t } = useTranslation();
  const bookings = useBookings();
  const projects = useProjects();
  if (bookings.isPending || projects.isPending) return null;
  const { next, ongoing } = clientNextSteps(bookings.data ?? [], projects.data ?? [], Date.now());
  if (!next && ongoing.length === 0) {
    return (
      <EmptyState
        text={t('clientHome.nextEmpty')}
        action={
          <Button component={Link} to="/client/book">
            {t('book.action')}
          </Button>
        }
      />
    );
  }
  return (
    <Stack gap="sm">
      {next && <NextSessionCard booking={next.booking} project={next.project} />}
      {ongoing.map((project) => (
        <ProjectStepCard key={project.id} project={project} />
      ))}
    </Stack>
  );
}

function projectPath(id: string) {
  return `/client/projects/${encodeURIComponent(id)}`;
}

/** A request shows its own status; a confirmed session shows its project's step. */
function NextSessionCard({ booking, project }: { booking: Booking; project?: Project }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Card data-testid="next-step">
      <Stack gap={6} align="flex-start">
        <StatusBadge status={project?.status ?? booking.status} />
        <Text fw={600}>{booking.service.name}</Text>
        <Text>
          {formatDateTime(booking.start, i18n.language, timeZone)} ({timeZoneLabel(timeZone, i18n.language)})
        </Text>
        <Group gap="xs" mt="xs">
          <AddToCalendarButton bookingId={booking.id} serviceName={booking.service.name} />
          {booking.projectId ? (
            <Button component={Link} to={projectPath(booking.projectId)} variant="subtle">
              {t('clientHome.seeProject')}
            </Button>
          ) : (
            <Button component={Link} to="/client/bookings" variant="subtle">
              {t('nav.myBookings')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function ProjectStepCard({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const step = stepNumber(project.status);
  return (
    <Card data-testid="next-step">
      <Stack gap={6} align="flex-start">
        <Group gap="xs">
          <StatusBadge status={project.status} />
          {step && <Text size="sm">{t('clientHome.step', { step, count: PROJECT_STEPS.length })}</Text>}
        </Group>
        <Text fw={600}>{project.service.name}</Text>
        <Text>{t('clientHome.sessionOn', { date: formatDate(project.booking.start, i18n.language, timeZone) })}</Text>
        <Button component={Link} to={projectPath(project.id)} variant="subtle" mt="xs">
          {t('clientHome.seeProject')}
        </Button>
      </Stack>
    </Card>
  );
}
