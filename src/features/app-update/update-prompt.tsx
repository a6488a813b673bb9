import { useRegisterSW } from 'virtual:pwa-register/react';
import { UpdateNotice } from './update-notice';

let reloading = false;
/** Reloads the page once, however many of the ways below ask for it. */
function reloadOnce() {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}

/**
 * Registers the service worker that keeps the app usable offline (built by vite-plugin-pwa; see
 * vite.config.ts) and offers its updates. In `npm run dev` the plugin's module registers nothing,
 * and the unit tests swap it for a stub (vitest.config.ts), so neither runs a service worker.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // The plugin reloads when a new worker takes over a page that a worker already controlled
    // when it loaded: this page once Reload is clicked, and the app's other tabs with it.
    onNeedReload: reloadOnce,
    onRegisterError(error: unknown) {
      // The app still works online; only its offline copy is missing.
      console.warn(
        'The app will not be available offline: its service worker failed to register.',
        error,
      );
    },
  });
  const reload = () => {
    // A first visit's page was taken over by the worker after it loaded (clientsClaim), and the
    // plugin does not reload such a page: the change of worker that the click causes does.
    navigator.serviceWorker?.addEventListener('controllerchange', reloadOnce, { once: true });
    void updateServiceWorker();
  };
  return (
    <UpdateNotice open={needRefresh} onReload={reload} onDismiss={() => setNeedRefresh(false)} />
  );
}
