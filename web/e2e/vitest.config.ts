import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files first, so that the others run beside them. Vitest orders by the last
 * run's durations, or by file size when it has none (a fresh clone): the every-screen files
 * are a few lines long yet take the longest.
 */
class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const longest = (f: TestSpecification) => (/every-screen-/.test(f.moduleId) ? 0 : 1);
    return sorted.sort((a, b) => longest(a) - longest(b));
  }
}

// Browser flows against the real server binary, a real PostgreSQL and Debian's Chromium.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    environment: 'node',
    // Files run side by side, each worker on a stage of its own (support/stage.ts): the
    // browsers spend much of their time waiting on the servers and on animations.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
