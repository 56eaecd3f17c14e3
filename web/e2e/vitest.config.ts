import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
