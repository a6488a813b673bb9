/**
 * The distance bands of counts.parquet: km from the line, by lower edge. Band i holds distances
 * from KM_BANDS[i] (inclusive) to KM_BANDS[i + 1] (exclusive); the last is open. An unmeasured
 * incident (no position) has band -1.
 */
export const KM_BANDS: readonly number[] = [0, 1, 2, 5, 10, 25, 50, 100, 250, 500];

/** The band of a distance in km, or -1 when it is NaN (unmeasured). */
export function kmBandOf(km: number, bands: readonly number[] = KM_BANDS): number {
  if (Number.isNaN(km)) return -1;
  let band = 0;
  while (band + 1 < bands.length && km >= bands[band + 1]!) band++;
  return band;
}
