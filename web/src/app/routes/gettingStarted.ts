// The getting-started checklist of a new studio's dashboard: which first steps are done, read
// from what the API already answers (hours, services, settings, clients), and whether the
// card still shows.

export type StepKey = 'hours' | 'service' | 'studio' | 'client';

export interface Step {
  key: StepKey;
  /** The screen where the step is done. */
  to: string;
  done: boolean;
}

/** What the checklist reads; undefined while that answer has not arrived. */
export interface Facts {
  /** Working ranges of the week. */
  workingRanges: number | undefined;
  /** Services clients can book (archived ones do not count). */
  activeServices: number | undefined;
  /** The legal name and address printed on contracts are both filled in; null: not this account's to fill (not ADMIN). */
  studioDetails: boolean | null | undefined;
  clients: number | undefined;
}

/** The steps in their order, or null while any is unknown (the card waits rather than flickers). */
export function gettingStartedSteps(f: Facts): Step[] | null {
  if (f.workingRanges === undefined || f.activeServices === undefined || f.studioDetails === undefined || f.clients === undefined) return null;
  const steps: (Step | null)[] = [
    { key: 'hours', to: '/pro/availability', done: f.workingRanges > 0 },
    { key: 'service', to: '/pro/services', done: f.activeServices > 0 },
    f.studioDetails === null ? null : { key: 'studio', to: '/pro/settings', done: f.studioDetails },
    { key: 'client', to: '/pro/clients', done: f.clients > 0 },
  ];
  return steps.filter((s): s is Step => s !== null);
}

/** Shown while a step is left, unless the user hid it. */
export function checklistVisible(steps: Step[] | null, dismissed: boolean): boolean {
  return !dismissed && steps !== null && steps.some((s) => !s.done);
}

/** Both filled in (blank text does not count). */
export function hasStudioDetails(s: { legalName?: string | null; legalAddress?: string | null }): boolean {
  return !!s.legalName?.trim() && !!s.legalAddress?.trim();
}

const dismissKey = (userId: string) => `declic.gettingStarted.hidden.${userId}`;

/** Whether this user hid the checklist in this browser. */
export function loadDismissed(userId: string): boolean {
  try {
    return localStorage.getItem(dismissKey(userId)) === '1';
  } catch {
    return false; // no storage (private mode, server rendering): shown
  }
}

export function saveDismissed(userId: string): void {
  try {
    localStorage.setItem(dismissKey(userId), '1');
  } catch {
    // Private mode: hidden until the page is reloaded.
  }
}
