// Benchmark of the border measures (src/domain/border): build the index from the committed data,
// then measure synthetic points against it, and compare with Turf's pointToLineDistance.
//
//   node --import tsx tests/bench/border-bench.ts [--size 1000000] [--runs 5] [--turf 2000] [--seed 1]
//
// Two point sets of --size points in the box 60–75° E, 28–38° N, from a seeded generator:
// "uniform" over the box, and "clustered" around the towns and crossings of the data (normal,
// sigma 25 km), as real incidents are. For each:
// - cold: a fresh index (build included) measuring every point, so the cell caches start empty;
// - warm: the same index measuring the same points again, caches full;
// - line only: just the nearest point of the line (warm), the part Turf's function does.
// Every figure is the median of --runs timed runs after one untimed run. Turf is timed on --turf
// points of each set and extrapolated linearly to --size (it is a scan of all 579 segments, so
// its cost per point does not depend on the set's size). The last line is machine-readable.
import { lineString, pointToLineDistance } from '@turf/turf';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { BorderIndex } from '../../src/domain/border/border-measures';
import { measureIncidents } from '../../src/domain/border/border-measures';
import { makeSegmentHit } from '../../src/domain/border/segment-index';
import {
  buildCommittedBorderIndex,
  readCrossings,
  readData,
  readDurandLine,
  seededRandom,
} from '../../src/domain/border/test-data';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    turf: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const turfSample = Number(values.turf);
const seed = Number(values.seed);

const BOX = { west: 60, east: 75, south: 28, north: 38 };

interface PointSet {
  name: string;
  lon: Float64Array;
  lat: Float64Array;
}

function uniformPoints(count: number, random: () => number): PointSet {
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lon[i] = BOX.west + (BOX.east - BOX.west) * random();
    lat[i] = BOX.south + (BOX.north - BOX.south) * random();
  }
  return { name: 'uniform', lon, lat };
}

/** Normal scatter (Box–Muller, sigma 25 km) around the label places and crossings, in the box. */
function clusteredPoints(count: number, random: () => number): PointSet {
  const centres = [
    ...readData('basemap/places.geojson').features.map(
      (feature) => (feature.geometry as { coordinates: number[] }).coordinates,
    ),
    ...readCrossings().map((crossing) => [crossing.lon, crossing.lat]),
  ];
  const sigmaDegrees = 25 / 111;
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const [x, y] = centres[Math.floor(random() * centres.length)]!;
    const radius = sigmaDegrees * Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    const cosLat = Math.cos((y! * Math.PI) / 180);
    lon[i] = Math.min(BOX.east, Math.max(BOX.west, x! + (radius * Math.cos(angle)) / cosLat));
    lat[i] = Math.min(BOX.north, Math.max(BOX.south, y! + radius * Math.sin(angle)));
  }
  return { name: 'clustered', lon, lat };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Median ms of `runs` timed calls after one untimed call; `prepare` runs untimed before each. */
function time(run: (prepared: BorderIndex) => void, prepare: () => BorderIndex): number {
  run(prepare());
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const prepared = prepare();
    gc?.();
    const start = performance.now();
    run(prepared);
    times.push(performance.now() - start);
  }
  return median(times);
}

// 1. Build.
const buildTimes: number[] = [];
for (let r = 0; r < runs + 1; r++) {
  const start = performance.now();
  buildCommittedBorderIndex();
  if (r > 0) buildTimes.push(performance.now() - start);
}
const buildMs = median(buildTimes);

const durand = readDurandLine();
const turfLine = lineString(durand.coordinates);
const random = seededRandom(seed);
const sets = [uniformPoints(size, random), clusteredPoints(size, random)];

interface SetResult {
  set: string;
  coldMs: number;
  warmMs: number;
  lineOnlyMs: number;
  turfMsPerPoint: number;
  turfExtrapolatedMs: number;
  ratioCold: number;
  ratioLineOnly: number;
  maxAbsErrorKm: number;
  maxAbsErrorNearKm: number;
  maxRelError: number;
  lineCells: number;
}

const results: SetResult[] = [];
for (const { name, lon, lat } of sets) {
  // 2. Ours: cold (fresh index, build included), warm, line only.
  const coldMs = time(
    (index) => measureIncidents(index, lon, lat),
    () => buildCommittedBorderIndex(),
  );
  // Cold runs above time the measure only; add the build, which a cold start also pays.
  const coldWithBuildMs = coldMs + buildMs;
  const warmIndex = buildCommittedBorderIndex();
  const warmMs = time(
    (index) => measureIncidents(index, lon, lat),
    () => warmIndex,
  );
  const hit = makeSegmentHit();
  const lineOnlyMs = time(
    (index) => {
      for (let i = 0; i < lon.length; i++) index.lineSegments.nearest(lon[i]!, lat[i]!, hit);
    },
    () => warmIndex,
  );

  // 3. Turf on a sample spread over the set, extrapolated; and our error against it.
  const step = Math.max(1, Math.floor(lon.length / turfSample));
  const sample: [number, number][] = [];
  for (let i = 0; i < lon.length && sample.length < turfSample; i += step)
    sample.push([lon[i]!, lat[i]!]);
  for (const point of sample.slice(0, 100)) pointToLineDistance(point, turfLine);
  const turfKm = new Float64Array(sample.length);
  const turfStart = performance.now();
  sample.forEach((point, i) => {
    turfKm[i] = pointToLineDistance(point, turfLine, { units: 'kilometers' });
  });
  const turfMsPerPoint = (performance.now() - turfStart) / sample.length;
  // Near the line the difference is absolute (Turf's arcs against our straight segments), further
  // out relative (Turf's sphere against the ellipsoid): report each where it belongs.
  let maxAbsErrorKm = 0;
  let maxAbsErrorNearKm = 0;
  let maxRelError = 0;
  sample.forEach(([x, y], i) => {
    const ours = warmIndex.lineSegments.nearest(x, y, hit).km;
    const abs = Math.abs(ours - turfKm[i]!);
    maxAbsErrorKm = Math.max(maxAbsErrorKm, abs);
    if (turfKm[i]! < 5) maxAbsErrorNearKm = Math.max(maxAbsErrorNearKm, abs);
    else maxRelError = Math.max(maxRelError, abs / turfKm[i]!);
  });

  const turfExtrapolatedMs = turfMsPerPoint * lon.length;
  results.push({
    set: name,
    coldMs: coldWithBuildMs,
    warmMs,
    lineOnlyMs,
    turfMsPerPoint,
    turfExtrapolatedMs,
    ratioCold: turfExtrapolatedMs / coldWithBuildMs,
    ratioLineOnly: turfExtrapolatedMs / lineOnlyMs,
    maxAbsErrorKm,
    maxAbsErrorNearKm,
    maxRelError,
    lineCells: warmIndex.lineSegments.cachedCells,
  });
}

// 4. Report.
const load = loadavg().map((x) => x.toFixed(1));
const fmt = (ms: number) => ms.toLocaleString('en-GB', { maximumFractionDigits: 0 });
console.log(
  `Border measures, ${size.toLocaleString('en-GB')} points per set, median of ${runs} runs ` +
    `(node ${process.version}, load average ${load.join(' ')})`,
);
console.log(`Build index (line, crossings, provinces, countries): ${buildMs.toFixed(1)} ms\n`);
console.log(
  'set        | cold: build + all measures | warm: all measures | line only (warm) | Turf, extrapolated | Turf ÷ cold | Turf ÷ line only',
);
console.log(
  '-----------|----------------------------|--------------------|------------------|--------------------|-------------|-----------------',
);
for (const r of results) {
  console.log(
    [
      r.set.padEnd(10),
      `${fmt(r.coldMs)} ms`.padStart(26),
      `${fmt(r.warmMs)} ms`.padStart(18),
      `${fmt(r.lineOnlyMs)} ms`.padStart(16),
      `${fmt(r.turfExtrapolatedMs)} ms`.padStart(18),
      `${r.ratioCold.toFixed(0)}×`.padStart(11),
      `${r.ratioLineOnly.toFixed(0)}×`.padStart(15),
    ].join(' | '),
  );
}
console.log(
  `\nTurf: pointToLineDistance timed on ${turfSample.toLocaleString('en-GB')} points of each set ` +
    `(${results.map((r) => `${(r.turfMsPerPoint * 1000).toFixed(0)} µs`).join(', ')} per point), ` +
    `extrapolated to ${size.toLocaleString('en-GB')}: not measured at that size.`,
);
console.log(
  'Distance to the line against Turf on those samples: ' +
    results
      .map(
        (r) =>
          `${r.set} max ${(r.maxAbsErrorKm * 1000).toFixed(0)} m overall, ` +
          `${(r.maxAbsErrorNearKm * 1000).toFixed(1)} m within 5 km of the line, ` +
          `${(r.maxRelError * 100).toFixed(2)} % beyond`,
      )
      .join('; ') +
    '. Turf is spherical with great-circle segments; we are ellipsoidal (WGS84) with straight ' +
    'lon/lat segments.',
);
console.log(
  `BENCH ${JSON.stringify({
    bench: 'border',
    size,
    runs,
    turfSample,
    seed,
    node: process.version,
    loadAverage: loadavg(),
    buildMs,
    sets: results,
  })}`,
);
