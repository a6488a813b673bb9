import { buffer, difference, featureCollection, intersect, simplify } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
} from 'geojson';
import { OPEN_KM } from '../domain/filters/border-dimensions';
import type { BandKind } from './border-layers';

/**
 * The distance band of the border filter as polygons, from Turf's buffer of the Durand Line. It
 * runs in its own worker (distance-band.worker.ts): a buffer of the whole line takes 0.1–2 s.
 * The band is drawn, not measured: Turf buffers in an azimuthal equidistant projection centred on
 * the line (distances at its far ends come out up to ~1% long), and the line is simplified first
 * by 2% of the distance. Both are well within the generalisation of the Natural Earth line; the
 * filter itself measures against the full line in the engine.
 */

export type BorderSide = 'AF' | 'PK';
export type Area = Feature<Polygon | MultiPolygon>;
export type BandCollection = FeatureCollection<Polygon | MultiPolygon, { kind: BandKind }>;
export type BorderLine = Feature<LineString | MultiLineString>;

/** Natural Earth's numeric ISO codes of the two sides (`iso_n3` in countries.geojson). */
const COUNTRY_CODES: Record<BorderSide, string> = { AF: '004', PK: '586' };

/** Points per quarter circle at the buffer's round ends. */
const STEPS = 8;
/** The line is simplified by this share of the buffer distance: 5–10 times faster at 50 km+. */
const SIMPLIFY_SHARE = 0.02;
const KM_PER_DEGREE = 111.2;

/** The area within `km` of the line (drawn precision: see above). */
export function bufferLine(line: BorderLine, km: number): Area {
  const tolerance = (km * SIMPLIFY_SHARE) / KM_PER_DEGREE;
  const simpler = simplify(line, { tolerance, highQuality: false, mutate: false });
  const area = buffer(simpler, km, { units: 'kilometers', steps: STEPS });
  if (!area) throw new Error(`Distance band: no buffer of the Durand Line at ${km} km`);
  return area;
}

function band(geometry: Area | null, kind: BandKind): BandCollection {
  if (!geometry) return featureCollection([]);
  return featureCollection([{ ...geometry, properties: { kind } }]);
}

/**
 * The band `[min, max]` km from the line: the max buffer minus the min buffer (the max buffer
 * alone from 0 km). An open-ended band (max ≥ OPEN_KM) covers the rest of the map, so only its
 * near edge, the min buffer, is returned (kind `beyond`), to be outlined. `clip` keeps one side.
 * `bufferAt` lets a caller reuse buffers between bands.
 */
export function buildDistanceBand(
  line: BorderLine,
  [min, max]: readonly [number, number],
  clip: Area | null = null,
  bufferAt: (km: number) => Area = (km) => bufferLine(line, km),
): BandCollection {
  const clipped = (area: Area | null) =>
    area && clip ? intersect(featureCollection([area, clip])) : area;
  if (max >= OPEN_KM) return min > 0 ? band(clipped(bufferAt(min)), 'beyond') : band(null, 'band');
  if (max <= min) return band(null, 'band');
  const outer = bufferAt(max);
  const ring = min > 0 ? difference(featureCollection([outer, bufferAt(min)])) : outer;
  return band(clipped(ring), 'band');
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Distance band: ${url} answered ${response.status}`);
  return response.json();
}

/** The first line feature of the Durand Line file. */
export function readBorderLine(json: unknown, url = 'the Durand Line file'): BorderLine {
  const features = (json as Partial<FeatureCollection> | null)?.features;
  const line = features?.find(
    (f) => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString',
  );
  if (!line) throw new Error(`Distance band: ${url} holds no LineString feature`);
  return line as BorderLine;
}

/** The country polygon of one side, from Natural Earth countries. */
export function readCountry(json: unknown, side: BorderSide, url = 'the countries file'): Area {
  const features = (json as Partial<FeatureCollection> | null)?.features ?? [];
  const country = features.find(
    (f) =>
      f.properties?.iso_n3 === COUNTRY_CODES[side] &&
      (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
  );
  if (!country)
    throw new Error(`Distance band: ${url} has no polygon with iso_n3 "${COUNTRY_CODES[side]}"`);
  return country as Area;
}

/** Buffers and bands kept per maker: a slider drag asks for many, and each can weigh ~100 kB. */
const CACHE_SIZE = 12;

/** A map that forgets its least recently used entries beyond `size`. */
function boundedCache<K, V>(size: number) {
  const entries = new Map<K, V>();
  return {
    get(key: K, make: () => V): V {
      let value = entries.get(key);
      if (value !== undefined) entries.delete(key);
      else value = make();
      entries.set(key, value);
      if (entries.size > size) entries.delete(entries.keys().next().value as K);
      return value;
    },
  };
}

/** Makes the bands the filter asks for: files are fetched once, buffers and bands cached. */
export function createBandMaker(urls: { durandLine: string; countries: string }) {
  let line: Promise<BorderLine> | null = null;
  let countries: Promise<unknown> | null = null;
  const buffers = boundedCache<number, Area>(CACHE_SIZE);
  const bands = boundedCache<string, BandCollection>(CACHE_SIZE);
  return async (
    range: readonly [number, number],
    side: BorderSide | null,
  ): Promise<BandCollection> => {
    line ??= fetchJson(urls.durandLine).then((json) => readBorderLine(json, urls.durandLine));
    const border = await line;
    let clip: Area | null = null;
    if (side) {
      countries ??= fetchJson(urls.countries);
      clip = readCountry(await countries, side, urls.countries);
    }
    const bufferAt = (km: number) => buffers.get(km, () => bufferLine(border, km));
    return bands.get(`${range[0]}-${range[1]}:${side ?? ''}`, () =>
      buildDistanceBand(border, range, clip, bufferAt),
    );
  };
}

export type BandMaker = ReturnType<typeof createBandMaker>;

/** What the page asks the band worker: one band, named by `key`. */
export interface BandRequest {
  key: string;
  range: readonly [number, number];
  side: BorderSide | null;
  urls: { durandLine: string; countries: string };
}

/** The worker's answer: the band, or why there is none. */
export type BandReply = { key: string; band: BandCollection } | { key: string; error: string };
