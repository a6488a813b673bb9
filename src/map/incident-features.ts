import { PRECISIONS } from '../domain/incident-facets';
import type { QueryReply } from '../workers/engine-protocol';

/** Precisions whose point stands for an area (its centre), not for the place itself. */
const APPROXIMATE_PRECISIONS = new Set(['district', 'province', 'other']);

/** Per position in PRECISIONS: 1 when such a point is only an area's centre. */
const APPROXIMATE_BY_CODE = PRECISIONS.map((p) => (APPROXIMATE_PRECISIONS.has(p) ? 1 : 0));

/**
 * Only what the layers need: the row id (for clicks and highlight), the type (for colour) and
 * `approx` (1: drawn as a ring, the position stands for a district, province or other area).
 * Points of unknown precision stay filled, as the data says nothing against their position.
 */
export function toSlimFeatures({
  rows,
  positions,
  types,
  typeCodes,
  precisions,
}: QueryReply['map']): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const features: Array<GeoJSON.Feature<GeoJSON.Point>> = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    features[i] = {
      type: 'Feature',
      id: rows[i]!,
      geometry: { type: 'Point', coordinates: [positions[i * 2]!, positions[i * 2 + 1]!] },
      properties: {
        row: rows[i]!,
        type: typeCodes[types[i]!]!,
        approx: APPROXIMATE_BY_CODE[precisions[i] ?? PRECISIONS.indexOf('unknown')] ?? 0,
      },
    };
  }
  return { type: 'FeatureCollection', features };
}
