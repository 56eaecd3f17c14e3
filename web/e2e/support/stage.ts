// Each test worker has a stage of its own: a database seeded with the demo, a mail folder and
// two servers on that database. Files then run side by side without meeting each other's
// bookings, mails or settings.
import { inject } from 'vitest';

export interface Stage {
  /** Server A: where the tests' browsers go unless they say otherwise. */
  baseUrl: string;
  /** Server B: another `declic` process on the same database. */
  baseUrlB: string;
  mailDir: string;
}

/** This worker's stage (VITEST_POOL_ID counts the workers from 1). */
export function stage(): Stage {
  const stages = inject('stages');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  return stages[(worker - 1) % stages.length];
}
