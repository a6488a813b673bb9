import { useSyncExternalStore } from 'react';

function ratio(): number {
  return window.devicePixelRatio || 1;
}

/**
 * A ratio change (a window dragged to another screen, browser zoom) does not resize the element,
 * so it is watched with a resolution query that is renewed for the new ratio after each change.
 */
function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  let list: MediaQueryList | null = null;
  const listen = () => {
    list?.removeEventListener('change', changed);
    list = window.matchMedia(`(resolution: ${ratio()}dppx)`);
    list.addEventListener('change', changed);
  };
  const changed = () => {
    listen();
    onChange();
  };
  listen();
  return () => list?.removeEventListener('change', changed);
}

/** The current devicePixelRatio (1 where unknown), re-rendering when it changes. */
export function useDevicePixelRatio(): number {
  return useSyncExternalStore(subscribe, ratio, () => 1);
}
