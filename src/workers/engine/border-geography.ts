/**
 * The border geography the page sends once (the Durand Line, crossings, provinces and the two
 * countries) as the engine's index, and what the filters are told about it: the line's length,
 * its stretches named after the Afghan province beside them, the crossings and the provinces.
 */
import type { BorderIndex } from '../../domain/border/border-measures';
import {
  buildBorderIndex,
  measurePoint,
  pickCountryPolygons,
  SIDE_AF,
} from '../../domain/border/border-measures';
import type { GeographyReply } from '../engine-protocol';

/** The parsed GeoJSON of data/durand-line, crossings, provinces and the basemap's countries. */
export interface BorderGeography {
  durandLine: { features: Array<{ geometry: { coordinates: number[][] } }> };
  crossings: {
    features: Array<{
      geometry: { coordinates: number[] };
      properties: { id: string; name: string };
    }>;
  };
  provinces: Parameters<typeof buildBorderIndex>[2];
  countries: Parameters<typeof pickCountryPolygons>[0];
}

/** Indexes the geography for measuring incidents against it. */
export function buildBorderGeography(geography: BorderGeography): BorderIndex {
  const line = geography.durandLine.features[0]!.geometry.coordinates as Array<[number, number]>;
  const crossings = geography.crossings.features.map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    lon: f.geometry.coordinates[0]!,
    lat: f.geometry.coordinates[1]!,
  }));
  return buildBorderIndex(
    line,
    crossings,
    geography.provinces,
    pickCountryPolygons(geography.countries),
  );
}

/** What the border filters offer: length, named stretches, crossings and provinces. */
export function describeBorderGeography(border: BorderIndex): GeographyReply {
  return {
    lengthKm: border.lengthKm,
    segments: nameStretches(border),
    crossings: border.crossings.map(({ id, name }) => ({ id, name })),
    provinces: border.provinces.map(({ id, name, country }) => ({ id, name, country })),
  };
}

/** Shortest stretch worth its own name on the strip chart. */
const MIN_STRETCH_KM = 25;

/**
 * Names the stretches of the line after the Afghan province beside them: each vertex is
 * nudged about 3 km to the Afghan side and placed in a province; runs of one name become a
 * stretch, and runs too short to label are merged into the one before.
 */
export function nameStretches(
  border: BorderIndex,
): Array<{ name: string; fromKm: number; toKm: number }> {
  const { line, vertexKm } = border;
  const vertices = line.length / 2;
  const stretches: Array<{ name: string; fromKm: number; toKm: number }> = [];
  for (let v = 0; v < vertices - 1; v++) {
    const [x0, y0, x1, y1] = [line[v * 2]!, line[v * 2 + 1]!, line[v * 2 + 2]!, line[v * 2 + 3]!];
    const length = Math.hypot(x1 - x0, y1 - y0) || 1;
    const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const [nx, ny] = [(-(y1 - y0) / length) * 0.03, ((x1 - x0) / length) * 0.03];
    const left = measurePoint(border, mx + nx, my + ny);
    const beside = left.side === SIDE_AF ? left : measurePoint(border, mx - nx, my - ny);
    const province = border.provinces[beside.province];
    const name = province && province.country === 'AF' ? province.name : '';
    const last = stretches.at(-1);
    if (last && (last.name === name || name === '')) last.toKm = vertexKm[v + 1]!;
    else stretches.push({ name, fromKm: vertexKm[v]!, toKm: vertexKm[v + 1]! });
  }
  const merged: typeof stretches = [];
  for (const stretch of stretches) {
    const last = merged.at(-1);
    if (last && (stretch.toKm - stretch.fromKm < MIN_STRETCH_KM || last.name === stretch.name))
      last.toKm = stretch.toKm;
    else merged.push({ ...stretch });
  }
  return merged
    .filter((s) => s.name !== '')
    .map((s) => ({ name: s.name, fromKm: Math.round(s.fromKm), toKm: Math.round(s.toKm) }));
}
