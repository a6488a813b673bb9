/**
 * What the border measures say of incidents: one incident's fields (details, computed export
 * fields), the incidents per province (the choropleth) and the strip chart's marks.
 */
import type { BorderIndex, BorderMeasures } from '../../domain/border/border-measures';
import { SIDE_AF, SIDE_PK } from '../../domain/border/border-measures';
import type { Incident } from '../../domain/incident';
import type { BorderFields, QueryReply, StripReply } from '../engine-protocol';
import type { IncidentTable } from './incident-table';

/** The properties "Include computed fields" adds to each exported incident. */
export const COMPUTED_FIELDS = [
  'border_side',
  'border_distance_km',
  'border_chainage_km',
  'nearest_crossing',
  'nearest_crossing_km',
  'admin1_derived',
] as const;

/** Km as the details and computed fields show them: to 0.1 km. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

/** One row's side, distances, crossing and province, or null when it could not be measured. */
export function readBorderFields(
  measures: BorderMeasures | null,
  border: BorderIndex | null,
  row: number,
): BorderFields | null {
  if (!measures || !border || Number.isNaN(measures.distanceKm[row]!)) return null;
  const crossing = border.crossings[measures.nearestCrossing[row]!];
  const province = border.provinces[measures.province[row]!];
  const side = measures.side[row];
  return {
    side: side === SIDE_AF ? 'AF' : side === SIDE_PK ? 'PK' : null,
    distanceKm: roundKm(measures.distanceKm[row]!),
    chainageKm: roundKm(measures.chainageKm[row]!),
    nearestCrossing: crossing?.name ?? null,
    nearestCrossingKm: crossing ? roundKm(measures.nearestCrossingKm[row]!) : null,
    province: province?.id ?? null,
    provinceName: province?.name ?? null,
  };
}

/** A copy of the incident whose feature also carries its border fields (null when unmeasured). */
export function withComputedFields(incident: Incident, fields: BorderFields | null): Incident {
  const computed: Record<(typeof COMPUTED_FIELDS)[number], unknown> = {
    border_side: fields?.side ?? null,
    border_distance_km: fields?.distanceKm ?? null,
    border_chainage_km: fields?.chainageKm ?? null,
    nearest_crossing: fields?.nearestCrossing ?? null,
    nearest_crossing_km: fields?.nearestCrossingKm ?? null,
    admin1_derived: fields?.provinceName ?? null,
  };
  // Spread copies own keys as data, so a `__proto__` property stays a property.
  const feature = {
    ...incident.feature,
    properties: { ...incident.feature.properties, ...computed },
  };
  return { ...incident, feature };
}

/** How many of the included rows fall in each province. */
export function countByProvince(
  measures: BorderMeasures | null,
  border: BorderIndex | null,
  included: Uint8Array,
): QueryReply['provinceCounts'] {
  if (!measures || !border) return [];
  const counts = new Array<number>(border.provinces.length).fill(0);
  for (let row = 0; row < included.length; row++) {
    if (included[row] !== 1) continue;
    const province = measures.province[row]!;
    if (province >= 0) counts[province]! += 1;
  }
  return border.provinces.map((p, i) => ({ id: p.id, name: p.name, count: counts[i]! }));
}

/** The strip chart's marks for these rows: chainage, day and type of each. */
export function stripMarks(
  table: IncidentTable,
  measures: BorderMeasures | null,
  lengthKm: number,
  rows: () => Uint32Array,
): StripReply {
  const { typeCodes, typeOf, index } = table;
  if (!measures) {
    return {
      rows: new Uint32Array(0),
      chainageKm: new Float32Array(0),
      day: new Int32Array(0),
      type: new Uint16Array(0),
      typeCodes,
      lengthKm,
    };
  }
  const marked = rows();
  const chainageKm = new Float32Array(marked.length);
  const day = new Int32Array(marked.length);
  const type = new Uint16Array(marked.length);
  marked.forEach((row, i) => {
    chainageKm[i] = measures.chainageKm[row]!;
    day[i] = index.day[row]!;
    type[i] = typeOf[row]!;
  });
  return { rows: marked, chainageKm, day, type, typeCodes, lengthKm };
}
