import type { Booking, Project, ProjectStatus } from '../../types/api';

/** The steps a project goes through, in order; CANCELLED is not a step. */
export const PROJECT_STEPS: readonly ProjectStatus[] = ['CONFIRMED', 'SHOT', 'EDITING', 'DELIVERED', 'CLOSED'];

/** 1-based position of a project's step, or null when it has none (cancelled). */
export function stepNumber(status: ProjectStatus): number | null {
  const at = PROJECT_STEPS.indexOf(status);
  return at < 0 ? null : at + 1;
}

export interface ClientNextSteps {
  /** The next live session, with its project when the booking has one. */
  next?: { booking: Booking; project?: Project };
  /** Projects still under way (not closed or cancelled) other than the next session's, most recent session first. */
  ongoing: Project[];
}

/**
 * What the client's home shows: their next session and where their other projects stand.
 * A project's step is its own status, not its booking's: a confirmed booking may be shot,
 * edited or delivered since.
 */
export function clientNextSteps(bookings: Booking[], projects: Project[], now: number): ClientNextSteps {
  const next = bookings
    .filter((b) => (b.status === 'PENDING' || b.status === 'CONFIRMED') && Date.parse(b.end) > now)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  const byId = new Map(projects.map((p) => [p.id, p]));
  const nextProject = next?.projectId ? byId.get(next.projectId) : undefined;
  const ongoing = projects
    .filter((p) => p.status !== 'CLOSED' && p.status !== 'CANCELLED' && p.id !== nextProject?.id)
    .sort((a, b) => b.booking.start.localeCompare(a.booking.start));
  return { next: next && { booking: next, project: nextProject }, ongoing };
}
