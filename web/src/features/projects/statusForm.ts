import type { TFunction } from 'i18next';
import type { Project, ProjectStatus } from '../../types/api';
import { PROJECT_STATUSES, type ProjectPatch } from './api';

/** What the staff's status form holds. */
export interface StatusDraft {
  status: ProjectStatus;
  note: string;
  dueDate: string;
}

/** The step to preselect: the next one forward the server offers, never cancelling; else where it is. */
export function suggestedStatus(project: Project): ProjectStatus {
  return project.nextStatuses.find((s) => s !== 'CANCELLED') ?? project.status;
}

/**
 * The picker's options: the current status (keeping it = a note or a date only), then the
 * moves the server offers; an ADMIN may pick any status, and one not offered is forced.
 */
export function statusChoices(project: Project, admin: boolean): ProjectStatus[] {
  if (admin) return [...PROJECT_STATUSES];
  return [project.status, ...project.nextStatuses.filter((s) => s !== project.status)];
}

/** Only what the form changes: a moved status, a written note, an edited due date. */
export function projectPatch(project: Project, draft: StatusDraft): ProjectPatch {
  const moving = draft.status !== project.status;
  const note = draft.note.trim();
  return {
    ...(moving ? { status: draft.status } : {}),
    ...(moving && !project.nextStatuses.includes(draft.status) ? { force: true } : {}),
    ...(note ? { note } : {}),
    ...(draft.dueDate !== (project.dueDate ?? '') ? { dueDate: draft.dueDate || null } : {}),
  };
}

/** The toast after a save: what the server's answer shows changed, nothing more. */
export function updateSummary(t: TFunction, before: Project, after: Project, patch: ProjectPatch): string {
  return [
    after.status !== before.status && t('projects.statusChanged', { status: t(`status.${after.status}`) }),
    patch.note !== undefined && t('projects.noteAdded'),
    patch.dueDate !== undefined && (after.dueDate ? t('projects.dueDateChanged') : t('projects.dueDateRemoved')),
  ]
    .filter(Boolean)
    .join(' ');
}
