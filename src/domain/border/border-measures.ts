/**
 * Where each incident lies relative to the Afghanistan–Pakistan border (the Durand Line): which
 * side, how far from the line, how far along it, the nearest official crossing and the province.
 * Pure TypeScript, built to run inside the Web Worker over whole columns of coordinates.
 *
 * The line is Natural Earth 1:10m, generalised: its vertices are 0.3–37 km apart and it cuts the
 * corners of a boundary that follows crests and valleys, and it is about 2,245 km long where the
 * surveyed boundary is about 2,600 km. Distances and chainages are to and along that line, not
 * the boundary on the ground; a few km from it say nothing certain about the real side.
 *
 * Distances are on the WGS84 ellipsoid (cheap-ruler's scales, re-centred on the latitude of each
 * pair of points). Turf measures on a sphere, so the two differ by up to about 0.45 % here: a
 * north–south km at 28° N is 0.34 % shorter on the ellipsoid than on Turf's sphere.
 *
 * Side, in order:
 * 1. Inside the Afghanistan or the Pakistan country polygon (Natural Earth 1:10m; the two share
 *    every vertex of the line, so a point is in at most one): that country.
 * 2. Otherwise, within `sideToleranceKm` of the line and not beyond either end: the side of the
 *    line, whose left walking from the Iran tripoint to the China tripoint is Afghanistan.
 * 3. Otherwise unknown (0): another country, or the sea.
 * A point exactly on the line falls in one of the two polygons by the half-open edge rule.
 * With the country polygons the tolerance defaults to 0.5 km, enough to absorb rounding: a point
 * outside both polygons is in a neighbouring country or the sea, and the line's side would be
 * wrong there (Zahedan in Iran lies 37 km from the line, Tajik villages across the Wakhan
 * corridor within 30 km of it). Without them it defaults to 50 km and is only a fallback.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { PolygonIndex } from './polygon-index';
import type { SegmentHit } from './segment-index';
import { makeSegmentHit, SegmentIndex } from './segment-index';
import { distanceKm, isLonLat } from './latitude-scale';
import type { BorderSide } from './line-side';
import { lineSide, SIDE_AF, SIDE_PK, SIDE_UNKNOWN } from './line-side';

export { SIDE_AF, SIDE_PK, SIDE_UNKNOWN } from './line-side';
export type { BorderSide } from './line-side';

/** Default `sideToleranceKm` with and without the country polygons. */
export const SIDE_TOLERANCE_KM = { withCountries: 0.5, withoutCountries: 50 } as const;

export interface BorderCrossing {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface Province {
  /** ISO 3166-2 code. */
  id: string;
  name: string;
  /** `AF` or `PK`: who administers it. */
  country: string;
}

/** The admin-1 FeatureCollection as in `data/provinces.geojson` (only what is read here). */
export interface ProvinceCollection {
  features: readonly {
    geometry: Polygon | MultiPolygon | null;
    properties: Record<string, unknown> | null;
  }[];
}

/** The two country polygons; see `pickCountryPolygons`. */
export interface CountryPolygons {
  afghanistan: Polygon | MultiPolygon;
  pakistan: Polygon | MultiPolygon;
}

export interface BorderIndexOptions {
  /**
   * A point in neither country polygon takes the side of the line when it is at most this far
   * from it; default `SIDE_TOLERANCE_KM` (0.5 km with the country polygons, 50 km without).
   */
  sideToleranceKm?: number;
}

/**
 * The indexes `measureIncidents` queries. Build it once where it is used (in the worker): its
 * trees are classes and its cell caches fill as points are measured (results never depend on them).
 */
export interface BorderIndex {
  /** Vertices of the line, `lon, lat` pairs, from the Iran tripoint to the China tripoint. */
  readonly line: Float64Array;
  /** km along the line from the Iran tripoint to each vertex; the last is `lengthKm`. */
  readonly vertexKm: Float64Array;
  readonly lengthKm: number;
  readonly crossings: readonly BorderCrossing[];
  /** One per feature of the province collection, in its order; `[]` when none was given. */
  readonly provinces: readonly Province[];
  readonly hasCountries: boolean;
  readonly sideToleranceKm: number;
  readonly lineSegments: SegmentIndex;
  /** Each crossing as a zero-length segment. */
  readonly crossingPoints: SegmentIndex;
  readonly provinceAreas: PolygonIndex;
  /** Area 0 is Afghanistan, area 1 Pakistan; null when the polygons were not given. */
  readonly countryAreas: PolygonIndex | null;
}

/** The measures of every incident, one entry per row of the input columns. */
export interface BorderMeasures {
  /** `SIDE_UNKNOWN`, `SIDE_AF` or `SIDE_PK`; unknown for an unlocated incident. */
  side: Uint8Array;
  /** km to the nearest point of the line; NaN when unlocated. */
  distanceKm: Float32Array;
  /** km along the line from the Iran tripoint to the nearest point of the line; NaN when unlocated. */
  chainageKm: Float32Array;
  /** Position in `index.crossings` of the nearest crossing; -1 when unlocated or none. */
  nearestCrossing: Int16Array;
  /** km to that crossing; NaN when unlocated or none. */
  nearestCrossingKm: Float32Array;
  /** Position in `index.provinces` of the province that contains the incident; -1 for none. */
  province: Int16Array;
}

/** The measures of one point, as `measureIncidents` gives them, plus the nearest point of the line. */
export interface BorderMeasure {
  side: BorderSide;
  distanceKm: number;
  chainageKm: number;
  nearestCrossing: number;
  nearestCrossingKm: number;
  province: number;
  /** The point of the line nearest to the incident, `[lon, lat]`; null when unlocated. */
  linePoint: [number, number] | null;
}

/** Most crossings or provinces an Int16 column can point at. */
const MAX_ENTRIES = 0x7fff;

/**
 * Builds the spatial indexes for `measureIncidents`. `durandLine` is the LineString's coordinates
 * from the Iran tripoint to the China tripoint (as in `data/durand-line.geojson`); `provinces` the
 * admin-1 collection of `data/provinces.geojson`; `countries` the two country polygons of
 * `data/basemap/countries.geojson` (see `pickCountryPolygons`), which decide the side.
 */
export function buildBorderIndex(
  durandLine: readonly Position[],
  crossings: readonly BorderCrossing[],
  provinces: ProvinceCollection | null = null,
  countries: CountryPolygons | null = null,
  options: BorderIndexOptions = {},
): BorderIndex {
  // 1. The line: vertices, segments and km from the Iran tripoint to each vertex.
  if (durandLine.length < 2) {
    throw new RangeError(`durand line: ${durandLine.length} positions, at least 2 are needed`);
  }
  const line = new Float64Array(durandLine.length * 2);
  durandLine.forEach((position, v) => {
    if (!isLonLat(position)) {
      throw new RangeError(
        `durand line: position ${v} (${position.join(', ')}) is not a longitude and latitude`,
      );
    }
    const [lon, lat] = position;
    line[2 * v] = lon;
    line[2 * v + 1] = lat;
  });
  const segmentCount = durandLine.length - 1;
  const ends = new Float64Array(segmentCount * 4);
  const vertexKm = new Float64Array(durandLine.length);
  for (let s = 0; s < segmentCount; s++) {
    ends.set(line.subarray(2 * s, 2 * s + 4), 4 * s);
    vertexKm[s + 1] =
      vertexKm[s]! + distanceKm(line[2 * s]!, line[2 * s + 1]!, line[2 * s + 2]!, line[2 * s + 3]!);
  }

  // 2. Crossings, as zero-length segments.
  if (crossings.length > MAX_ENTRIES) {
    throw new RangeError(`crossings: ${crossings.length} given, at most ${MAX_ENTRIES} supported`);
  }
  const crossingEnds = new Float64Array(crossings.length * 4);
  crossings.forEach((crossing, c) => {
    if (!isLonLat([crossing.lon, crossing.lat])) {
      throw new RangeError(
        `crossing ${c} (id "${crossing.id}"): (${crossing.lon}, ${crossing.lat}) is not a ` +
          'longitude and latitude',
      );
    }
    crossingEnds.set([crossing.lon, crossing.lat, crossing.lon, crossing.lat], 4 * c);
  });

  // 3. Provinces and countries.
  const features = provinces?.features ?? [];
  if (features.length > MAX_ENTRIES) {
    throw new RangeError(
      `provinces: ${features.length} features, at most ${MAX_ENTRIES} supported`,
    );
  }
  const provinceList = features.map((feature, f) => readProvince(feature.properties, f));
  const provinceAreas = new PolygonIndex(
    features.map((feature) => feature.geometry),
    (f) => `province feature ${f} (id "${provinceList[f]!.id}")`,
  );
  const countryAreas =
    countries === null
      ? null
      : new PolygonIndex([countries.afghanistan, countries.pakistan], (area) =>
          area === 0 ? 'Afghanistan polygon' : 'Pakistan polygon',
        );

  const sideToleranceKm =
    options.sideToleranceKm ??
    (countries === null ? SIDE_TOLERANCE_KM.withoutCountries : SIDE_TOLERANCE_KM.withCountries);
  if (!(sideToleranceKm >= 0)) {
    throw new RangeError(`sideToleranceKm ${sideToleranceKm} is not a distance of 0 km or more`);
  }

  return {
    line,
    vertexKm,
    lengthKm: vertexKm[segmentCount]!,
    crossings: crossings.map((crossing) => ({ ...crossing })),
    provinces: provinceList,
    hasCountries: countries !== null,
    sideToleranceKm,
    lineSegments: new SegmentIndex(ends),
    crossingPoints: new SegmentIndex(crossingEnds),
    provinceAreas,
    countryAreas,
  };
}

/**
 * Measures every incident. `lon[i]`, `lat[i]` are row i's coordinates (NaN when unlocated, as in
 * the incident index); the result has one entry per row.
 */
export function measureIncidents(
  index: BorderIndex,
  lon: Float64Array,
  lat: Float64Array,
): BorderMeasures {
  if (lon.length !== lat.length) {
    throw new RangeError(`lon has ${lon.length} entries but lat has ${lat.length}`);
  }
  const size = lon.length;
  const measures: BorderMeasures = {
    side: new Uint8Array(size),
    distanceKm: new Float32Array(size),
    chainageKm: new Float32Array(size),
    nearestCrossing: new Int16Array(size),
    nearestCrossingKm: new Float32Array(size),
    province: new Int16Array(size),
  };
  const onLine = makeSegmentHit();
  const atCrossing = makeSegmentHit();
  for (let row = 0; row < size; row++) {
    const x = lon[row]!;
    const y = lat[row]!;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      measures.side[row] = SIDE_UNKNOWN;
      measures.distanceKm[row] = NaN;
      measures.chainageKm[row] = NaN;
      measures.nearestCrossing[row] = -1;
      measures.nearestCrossingKm[row] = NaN;
      measures.province[row] = -1;
      continue;
    }
    index.lineSegments.nearest(x, y, onLine);
    index.crossingPoints.nearest(x, y, atCrossing);
    measures.side[row] = sideOf(index, x, y, onLine);
    measures.distanceKm[row] = onLine.km;
    measures.chainageKm[row] = chainageOf(index, onLine);
    measures.nearestCrossing[row] = atCrossing.segment;
    measures.nearestCrossingKm[row] = atCrossing.km;
    measures.province[row] = index.provinceAreas.locate(x, y);
  }
  return measures;
}

/** The measures of one point (for the detail panel and tests), in full precision. */
export function measurePoint(index: BorderIndex, lon: number, lat: number): BorderMeasure {
  if (Number.isNaN(lon) || Number.isNaN(lat)) {
    return {
      side: SIDE_UNKNOWN,
      distanceKm: NaN,
      chainageKm: NaN,
      nearestCrossing: -1,
      nearestCrossingKm: NaN,
      province: -1,
      linePoint: null,
    };
  }
  const onLine = index.lineSegments.nearest(lon, lat);
  const atCrossing = index.crossingPoints.nearest(lon, lat);
  return {
    side: sideOf(index, lon, lat, onLine),
    distanceKm: onLine.km,
    chainageKm: chainageOf(index, onLine),
    nearestCrossing: atCrossing.segment,
    nearestCrossingKm: atCrossing.km,
    province: index.provinceAreas.locate(lon, lat),
    linePoint: [onLine.lon, onLine.lat],
  };
}

/**
 * The Afghanistan (ISO 3166 numeric "004") and Pakistan ("586") geometries of a country
 * FeatureCollection with an `iso_n3` property, such as `data/basemap/countries.geojson`.
 */
export function pickCountryPolygons(countries: {
  features: readonly { geometry: unknown; properties: Record<string, unknown> | null }[];
}): CountryPolygons {
  const pick = (isoN3: string, name: string): Polygon | MultiPolygon => {
    const feature = countries.features.find((f) => f.properties?.iso_n3 === isoN3);
    if (feature === undefined) {
      throw new RangeError(`countries: no feature with iso_n3 "${isoN3}" (${name})`);
    }
    const geometry = feature.geometry as { type?: unknown } | null;
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') {
      throw new TypeError(
        `countries: ${name} (iso_n3 "${isoN3}") has geometry type "${String(geometry?.type)}", ` +
          'not Polygon or MultiPolygon',
      );
    }
    return geometry as Polygon | MultiPolygon;
  };
  return { afghanistan: pick('004', 'Afghanistan'), pakistan: pick('586', 'Pakistan') };
}

/** km along the line to the hit's nearest point. */
function chainageOf(index: BorderIndex, hit: SegmentHit): number {
  const s = hit.segment;
  const start = index.vertexKm[s]!;
  return start + (index.vertexKm[s + 1]! - start) * hit.t;
}

function sideOf(index: BorderIndex, lon: number, lat: number, hit: SegmentHit): BorderSide {
  const countries = index.countryAreas;
  if (countries !== null) {
    // The polygons share the line's vertices, so no point is in both.
    const country = countries.locate(lon, lat);
    if (country === 0) return SIDE_AF;
    if (country === 1) return SIDE_PK;
  }
  return hit.km <= index.sideToleranceKm ? lineSide(index.line, lon, lat, hit) : SIDE_UNKNOWN;
}

function readProvince(properties: Record<string, unknown> | null, f: number): Province {
  const id = properties?.id;
  const name = properties?.name;
  const country = properties?.country;
  const where = `province feature ${f}${typeof id === 'string' ? ` (id "${id}")` : ''}`;
  for (const [key, value] of [
    ['id', id],
    ['name', name],
    ['country', country],
  ] as const) {
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`${where}: property "${key}" ${JSON.stringify(value)} is not a name`);
    }
  }
  return { id: id as string, name: name as string, country: country as string };
}
