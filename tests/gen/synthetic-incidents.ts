/**
 * Deterministic synthetic incidents for benchmarks: shaped like data/incidents.geojson, clustered
 * around its real located incidents along the border, spread over 2015–2025 with escalations.
 *
 * The model (cluster centres, type frequencies) is derived from the real dataset; the same model,
 * seed and count always give the same features. Everything random comes from one seeded
 * generator, drawn in a fixed order.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ClusterCentre {
  lon: number;
  lat: number;
  country: 'AF' | 'PK';
  province: string;
  district: string;
  /** How many real incidents sit at this point. */
  weight: number;
}

export interface SyntheticModel {
  centres: ClusterCentre[];
  /** Type code and its count in the real data. */
  types: Array<[code: string, count: number]>;
}

export interface SyntheticFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}

export const REAL_DATASET = fileURLToPath(new URL('../../data/incidents.geojson', import.meta.url));

/** Only points in the border provinces become centres (not Doha or Istanbul). */
const BORDER_BOX = { west: 60, east: 75.5, south: 28.5, north: 38 };
const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2025, 11, 31) / 86_400_000;
/** Share of incidents that belong to an escalation episode rather than the background. */
const ESCALATION_SHARE = 0.3;
const ESCALATIONS = 60;
const UNLOCATED_SHARE = 0.04;
/** Background intensity per year: quiet around 2019–2020, rising again after 2021. */
const YEAR_INTENSITY: Record<number, number> = {
  2015: 1.1, 2016: 0.9, 2017: 0.85, 2018: 0.75, 2019: 0.6, 2020: 0.55,
  2021: 0.9, 2022: 1.3, 2023: 1.7, 2024: 2.0, 2025: 2.3,
}; // prettier-ignore
/** Kinetic cross-border types are more frequent during an escalation. */
const ESCALATION_TILT: Record<string, number> = {
  airstrike: 3,
  drone_strike: 3,
  cross_border_attack: 3,
  shelling: 3,
  armed_clash: 1.5,
};
const ACTORS: Record<'AF' | 'PK', string[][]> = {
  PK: [
    ['Pakistan Army', 'TTP'],
    ['Frontier Corps', 'TTP'],
    ['Police', 'unidentified militants'],
    ['Pakistan Army', 'Afghan Taliban forces'],
  ],
  AF: [
    ['Afghan Taliban forces', 'Pakistan Army'],
    ['Pakistan Air Force'],
    ['Afghan Taliban forces', 'ISKP'],
  ],
};
const OFFSETS = { AF: '+04:30', PK: '+05:00' } as const;

/** Reads the real dataset and derives the model from it. */
export function readSyntheticModel(path = REAL_DATASET): SyntheticModel {
  return deriveSyntheticModel(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Cluster centres: the distinct points of real incidents located in one border country, each
 * weighted by how many incidents it has. Types: every real incident's type, counted.
 */
export function deriveSyntheticModel(collection: unknown): SyntheticModel {
  const features = (collection as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new Error('the real dataset has no features array');
  const centres = new Map<string, ClusterCentre>();
  const types = new Map<string, number>();
  for (const feature of features as SyntheticFeature[]) {
    const p = feature.properties;
    const type = p.type;
    if (typeof type === 'string') types.set(type, (types.get(type) ?? 0) + 1);
    const position = feature.geometry?.coordinates;
    const countries = p.country as unknown;
    if (!position || !Array.isArray(countries) || countries.length !== 1) continue;
    const [lon, lat] = position;
    const country = countries[0];
    if (country !== 'AF' && country !== 'PK') continue;
    if (lon < BORDER_BOX.west || lon > BORDER_BOX.east) continue;
    if (lat < BORDER_BOX.south || lat > BORDER_BOX.north) continue;
    const key = `${lon},${lat}`;
    const known = centres.get(key);
    if (known) known.weight += 1;
    else {
      centres.set(key, {
        lon,
        lat,
        country,
        province: firstText(p.province) ?? 'unknown',
        district: firstText(p.district) ?? 'unknown',
        weight: 1,
      });
    }
  }
  if (centres.size === 0) throw new Error('the real dataset has no located border incidents');
  const byPosition = (a: ClusterCentre, b: ClusterCentre) => a.lon - b.lon || a.lat - b.lat;
  const byCode = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : 1);
  return { centres: [...centres.values()].sort(byPosition), types: [...types].sort(byCode) };
}

export interface SyntheticOptions {
  count: number;
  seed: number;
  model: SyntheticModel;
}

/** `count` synthetic incident Features, one at a time, so a million never sit in memory at once. */
export function* generateSyntheticFeatures({
  count,
  seed,
  model,
}: SyntheticOptions): Generator<SyntheticFeature> {
  const random = makeRandom(seed);
  const idWidth = Math.max(6, String(count).length);

  // 1. The world: a spread per centre, the background calendar, the escalation episodes.
  const { centres } = model;
  const spreadKm = centres.map(() => 5 + 25 * random());
  const centrePick = makePicker(centres.map((c) => c.weight));
  const typeCodes = model.types.map(([code]) => code);
  const typePick = makePicker(model.types.map(([, n]) => n));
  const tiltedPick = makePicker(model.types.map(([code, n]) => n * (ESCALATION_TILT[code] ?? 1)));
  const backgroundDays = makePicker(
    Array.from({ length: LAST_DAY - FIRST_DAY + 1 }, (_, d) => dayIntensity(FIRST_DAY + d)),
  );
  const escalations = Array.from({ length: ESCALATIONS }, () => {
    const start = FIRST_DAY + backgroundDays(random());
    const length = 3 + Math.floor(random() ** 2 * 28);
    const focus = centres[centrePick(random())]!;
    // The centres within 150 km of the focus take part, weighted as usual.
    const members = centres
      .map((c, i) => [c, i] as const)
      .filter(([c]) => distanceKm(c, focus) <= 150)
      .map(([, i]) => i);
    const memberPick = makePicker(members.map((i) => centres[i]!.weight));
    return { start, length, members, memberPick, intensity: 0.5 + random() };
  });
  const escalationPick = makePicker(escalations.map((e) => e.intensity));

  // 2. The incidents.
  for (let n = 1; n <= count; n++) {
    const id = `SYN-${String(n).padStart(idWidth, '0')}`;
    let dayNumber: number;
    let centreIndex: number;
    let type: string;
    if (random() < ESCALATION_SHARE) {
      const episode = escalations[escalationPick(random())]!;
      // Front-loaded: most of an episode's incidents come in its first days.
      dayNumber = Math.min(episode.start + Math.floor(random() ** 1.5 * episode.length), LAST_DAY);
      centreIndex = episode.members[episode.memberPick(random())]!;
      type = typeCodes[tiltedPick(random())]!;
    } else {
      dayNumber = FIRST_DAY + backgroundDays(random());
      centreIndex = centrePick(random());
      type = typeCodes[typePick(random())]!;
    }
    const centre = centres[centreIndex]!;
    const located = random() >= UNLOCATED_SHARE;
    const precise = random() < 0.3;
    const day = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
    // One in ten is dated with a local time and offset, as reports with a time are.
    const date =
      random() < 0.1
        ? `${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00${OFFSETS[centre.country]}`
        : day;
    const [fatalitiesMin, fatalitiesMax] = drawFatalities(random, type);
    const actors = ACTORS[centre.country][Math.floor(random() * ACTORS[centre.country].length)]!;
    const jitter = located ? jitterKm(random, spreadKm[centreIndex]!) : [0, 0];

    yield {
      type: 'Feature',
      id,
      geometry: located
        ? { type: 'Point', coordinates: offsetPosition(centre, jitter[0]!, jitter[1]!) }
        : null,
      properties: {
        id,
        date,
        time_local: null,
        date_precision: random() < 0.15 ? 'week' : 'day',
        type,
        actors: [...actors],
        country: located ? [centre.country] : ['AF', 'PK'],
        province: located ? [centre.province] : [],
        district: located ? [centre.district] : [],
        place: located ? `Synthetic site near ${centre.district}` : 'multiple locations',
        geo_precision: located ? (precise ? 'place' : 'district') : 'none',
        fatalities_min: fatalitiesMin,
        fatalities_max: fatalitiesMax,
        fatality_claims: null,
        injuries: null,
        summary: 'Synthetic incident for benchmarking',
        source_urls: [`https://example.org/synthetic/${id}`],
        source_outlets: ['Synthetic'],
      },
    };
  }
}

/**
 * The generated collection as text, in chunks of about `chunkSize` characters: a GeoJSON
 * FeatureCollection, or GeoJSONSeq (one Feature per line; with `rs`, each line starts with the
 * RFC 8142 record separator).
 */
export function* serialiseSyntheticIncidents(
  options: SyntheticOptions,
  format: 'geojson' | 'geojsonseq' = 'geojson',
  { rs = false, chunkSize = 1 << 20 } = {},
): Generator<string> {
  const seq = format === 'geojsonseq';
  let chunk = seq
    ? ''
    : '{"type":"FeatureCollection","metadata":' +
      JSON.stringify({
        title: 'Synthetic incidents for benchmarking (not real events)',
        generator: 'tests/gen/generate-synthetic.ts',
        seed: options.seed,
        count: options.count,
      }) +
      ',"features":[\n';
  let first = true;
  for (const feature of generateSyntheticFeatures(options)) {
    const text = JSON.stringify(feature);
    if (seq) chunk += (rs ? '\x1e' : '') + text + '\n';
    else {
      chunk += (first ? '' : ',\n') + text;
      first = false;
    }
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = '';
    }
  }
  yield seq ? chunk : chunk + '\n]}\n';
}

/** A seeded generator of floats in [0, 1): sfc32, seeded through splitmix32. */
export function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Maps a uniform draw to an index with probability proportional to its weight. */
function makePicker(weights: number[]): (u: number) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  return (u) => {
    const target = u * total;
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

function dayIntensity(dayNumber: number): number {
  const date = new Date(dayNumber * 86_400_000);
  const dayOfYear = (dayNumber - Date.UTC(date.getUTCFullYear(), 0, 1) / 86_400_000) / 365;
  // The fighting season: more in summer, less in winter.
  const season = 1 + 0.35 * Math.sin(2 * Math.PI * (dayOfYear - 0.25));
  return (YEAR_INTENSITY[date.getUTCFullYear()] ?? 1) * season;
}

/** East and north offsets in km, normal with the centre's spread, cut at three spreads. */
function jitterKm(random: () => number, spread: number): [number, number] {
  const radius = Math.min(Math.sqrt(-2 * Math.log(1 - random())), 3) * spread;
  const angle = 2 * Math.PI * random();
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

function offsetPosition(centre: ClusterCentre, eastKm: number, northKm: number): [number, number] {
  const lat = centre.lat + northKm / 110.574;
  const lon = centre.lon + eastKm / (111.32 * Math.cos((centre.lat * Math.PI) / 180));
  return [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
}

function distanceKm(a: ClusterCentre, b: ClusterCentre): number {
  const north = (a.lat - b.lat) * 110.574;
  const east = (a.lon - b.lon) * 111.32 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(north, east);
}

/** Like the real set: often unknown, sometimes one side only, a long tail of large tolls. */
function drawFatalities(random: () => number, type: string): [number | null, number | null] {
  const r = random();
  const toll = Math.min(Math.floor(Math.exp(1.1 + 1.1 * normal(random))), 400);
  const extra = random() < 0.4 ? Math.floor(toll * random()) : 0;
  if (type === 'negotiation' || type === 'ceasefire' || type === 'border_closure') {
    return [null, null];
  }
  if (r < 0.3) return [null, null];
  if (r < 0.35) return [null, toll + extra];
  if (r < 0.4) return [toll, null];
  return [toll, toll + extra];
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function firstText(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}
