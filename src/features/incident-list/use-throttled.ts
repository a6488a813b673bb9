import { useEffect, useRef, useState } from 'react';

/**
 * `value`, following it at most once every `ms`: a change after a quiet spell shows at once, and
 * during a burst of changes (a drag across the timeline) the latest one shows every `ms` and
 * once the burst ends. Compared by identity.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(-Infinity);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = lastShownAt.current + ms - performance.now();
    const show = () => {
      lastShownAt.current = performance.now();
      setShown(value);
    };
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
