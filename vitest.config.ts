import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        resolve: {
          alias: {
            // The PWA plugin is not loaded here: its registration module is a stub that registers
            // no service worker (jsdom has none to register anyway).
            'virtual:pwa-register/react': fileURLToPath(
              new URL('src/test-pwa-register.ts', import.meta.url),
            ),
          },
        },
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'data/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['src/test-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // What a page shows after a load or a query comes when the worker and SwiftShader get
          // the cores: a second (the default) is too short on a busy two-core machine.
          expect: { poll: { timeout: 15_000 } },
          // One browser at a time: the machine has two cores and SwiftShader renders on the CPU.
          fileParallelism: false,
          // After the unit tests, not beside them: without a GPU the browser draws on the CPU,
          // and a jsdom run competing for the two cores makes every wait in these tests longer.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
