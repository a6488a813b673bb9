import { NAMED_POSITIONS, positionsMessage, wordWarning } from './warning-words';
import type { Incident, LoadWarning } from '../incident';

/**
 * A box around Afghanistan and Pakistan, degrees WGS84. Afghanistan spans about 60.5–75.0 E and
 * 29.4–38.5 N, Pakistan about 60.9–77.8 E and 23.7–37.1 N; the box rounds those outwards. It is
 * only a plausibility check: a point outside it is kept, with a warning.
 */
export const AF_PK_REGION = { west: 60, east: 78, south: 23, north: 39 } as const;

/** Points further than this outside AF_PK_REGION are reported as far outside. */
export const FAR_OUTSIDE_KM = 300;

const EARTH_RADIUS_KM = 6371;

function insideRegion(lon: number, lat: number): boolean {
  const { west, east, south, north } = AF_PK_REGION;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

/** Great-circle distance in km from a point to the nearest point of the box (about, for a box). */
export function kmOutsideRegion(lon: number, lat: number): number {
  const { west, east, south, north } = AF_PK_REGION;
  const nearLon = Math.min(Math.max(lon, west), east);
  const nearLat = Math.min(Math.max(lat, south), north);
  const toRad = Math.PI / 180;
  const dLat = (nearLat - lat) * toRad;
  const dLon = (nearLon - lon) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat * toRad) * Math.cos(nearLat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** `#3, #7` or `#3, #7, … and 998 more`, as the warnings name positions. */
function listIndices(indices: readonly number[]): string {
  const shown = indices.slice(0, NAMED_POSITIONS).map((i) => `#${i}`);
  return indices.length > NAMED_POSITIONS
    ? `${shown.join(', ')} and ${indices.length - NAMED_POSITIONS} more`
    : shown.join(', ');
}

/**
 * One warning for points that look swapped (outside the region, but inside once longitude and
 * latitude trade places), so the UI can offer to swap the whole file; one for the other points
 * far outside Afghanistan and Pakistan. Both keep the points loaded.
 */
export function checkRegion(incidents: readonly Incident[]): LoadWarning[] {
  const swapped: number[] = [];
  const far: number[] = [];
  for (const { lon, lat, index } of incidents) {
    if (lon === null || lat === null || insideRegion(lon, lat)) continue;
    if (insideRegion(lat, lon)) swapped.push(index);
    else if (kmOutsideRegion(lon, lat) > FAR_OUTSIDE_KM) far.push(index);
  }
  const warnings: LoadWarning[] = [];
  if (swapped.length > 0) {
    warnings.push({
      code: 'swapped-coordinates',
      message:
        `${swapped.length} of ${incidents.length} incidents (${listIndices(swapped)}) lie outside ` +
        'Afghanistan and Pakistan but inside them with longitude and latitude swapped; ' +
        'the file may have them the wrong way round',
      indices: swapped,
      facts: { count: swapped.length, total: incidents.length, first: swapped.slice(0, 10) },
    });
  }
  if (far.length > 0) {
    const values = { n: far.length, total: incidents.length, km: FAR_OUTSIDE_KM };
    const sent = positionsMessage('outsideRegion', far, values);
    warnings.push({ code: 'outside-region', message: wordWarning(sent), sent, indices: far });
  }
  return warnings;
}
