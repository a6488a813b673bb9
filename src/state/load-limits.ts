import type { ReadLimits } from '../domain/import/read-limits';
import { MB } from '../domain/import/read-limits';

/**
 * Where this browser may keep other default limits for reading a `data` URL, as JSON:
 * `{"maxMegabytes": 2048, "stallSeconds": 120}` (either may be left out). For an analyst who
 * always loads large files, and for the browser tests, which lower them.
 */
export const LOAD_LIMITS_KEY = 'durand-line-map:load-limits';

/** The limits kept under LOAD_LIMITS_KEY; only positive finite numbers count, others are ignored. */
export function storedLoadLimits(): Partial<ReadLimits> {
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(LOAD_LIMITS_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (typeof saved !== 'object' || saved === null) return {};
  const read = (key: string): number | null => {
    const value: unknown = Object.hasOwn(saved, key)
      ? (saved as Record<string, unknown>)[key]
      : null;
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
  };
  const maxMegabytes = read('maxMegabytes');
  const stallSeconds = read('stallSeconds');
  return {
    ...(maxMegabytes === null ? {} : { maxBytes: Math.round(maxMegabytes * MB) }),
    ...(stallSeconds === null ? {} : { stallSeconds }),
  };
}
