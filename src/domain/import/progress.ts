/** The most calls a progress callback gets for one import. */
export const MAX_PROGRESS_CALLS = 100;

/**
 * Wraps an `onProgress` callback so that it is called only when the whole percentage rises:
 * at most MAX_PROGRESS_CALLS times, with fractions that never go back.
 */
export function throttleProgress(
  onProgress: ((fraction: number) => void) | undefined,
): (fraction: number) => void {
  if (!onProgress) return () => {};
  let reported = 0;
  return (fraction) => {
    const percent = Math.floor(Math.min(Math.max(fraction, 0), 1) * MAX_PROGRESS_CALLS);
    if (percent <= reported) return;
    reported = percent;
    onProgress(percent / MAX_PROGRESS_CALLS);
  };
}

/** A progress reporter for one phase that spans `from`…`to` of the whole import. */
export function phase(
  report: (fraction: number) => void,
  from: number,
  to: number,
): (fraction: number) => void {
  return (fraction) => report(from + (to - from) * fraction);
}
