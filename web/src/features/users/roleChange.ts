import type { Role } from '../../types/api';

/** Giving the ADMIN role hands over everything (settings, everyone's roles): it is confirmed first. */
export function needsConfirmation(from: Role, to: Role): boolean {
  return to === 'ADMIN' && from !== 'ADMIN';
}

export type RoleEvent = { type: 'pick'; role: Role | null } | { type: 'confirm' } | { type: 'cancel' };

export interface RoleStep {
  /** The role waiting for its confirmation (the confirm dialog is open). */
  pending: Role | null;
  /** The role to save now, if any. */
  apply: Role | null;
}

/**
 * The role select of one account: picking ADMIN only opens the confirmation, confirming saves
 * it, cancelling saves nothing (the select still shows the current role); any other role is
 * saved at once.
 */
export function roleStep(current: Role, pending: Role | null, event: RoleEvent): RoleStep {
  switch (event.type) {
    case 'pick':
      if (!event.role || event.role === current) return { pending: null, apply: null };
      return needsConfirmation(current, event.role) ? { pending: event.role, apply: null } : { pending: null, apply: event.role };
    case 'confirm':
      return { pending: null, apply: pending };
    case 'cancel':
      return { pending: null, apply: null };
  }
}
