/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// No React plugin: esbuild compiles JSX (automatic runtime); fast refresh is not needed
// and the plugin's toolchain does not install everywhere we build.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // Mantine marks its modules "use client" for React Server Components; irrelevant here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': { target: 'http://localhost:8080', ws: true } } },
  // Node only: screens are tested through React's server rendering (src/test/renderScreen).
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node', setupFiles: ['src/test/setup.ts'] },
});
