import { useState } from 'react';
import type { useRegisterSW as UseRegisterSW } from 'virtual:pwa-register/react';

/**
 * Stands in for vite-plugin-pwa's virtual:pwa-register/react in the unit tests (aliased in
 * vitest.config.ts): like the plugin's module in `npm run dev`, it registers no service worker
 * and never reports an update. Tests that need an update mock this module.
 */
export const useRegisterSW: typeof UseRegisterSW = () => ({
  needRefresh: useState(false),
  offlineReady: useState(false),
  updateServiceWorker: async () => undefined,
});
