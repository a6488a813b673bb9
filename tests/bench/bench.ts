// Benchmarks of the incident engine on synthetic data: filter (ours, crossfilter2, the current
// filterIncidents path, naive Array.filter over Features), load (parse + validate + index) and
// GeoJSON export. One process; every figure is the median of --runs timed runs after warm-up.
//
//   npm run bench -- [--sizes 100000,1000000] [--load-sizes 100000,500000,1000000]
//                    [--export-size 100000] [--runs 7] [--seed 1]
//
// Data is generated in memory by tests/gen/synthetic-incidents.ts (the generator behind
// `npm run gen`). The last line is machine-readable: BENCH {...}
import crossfilter from 'crossfilter2';
import { constants } from 'node:buffer';
import { parseArgs } from 'node:util';
import { serialiseGeoJsonExport } from '../../src/domain/export-geojson';
import { EMPTY_URL_FILTER } from '../../src/domain/filters/filter-table';
import type { IncidentFilter } from '../reference/naive-filter';
import { countByType, filterIncidents } from '../reference/naive-filter';
import type { Incident } from '../../src/domain/incident';
import type { IncidentIndex } from '../../src/domain/incident-index';
import {
  buildIncidentIndex,
  queryIncidentIndex,
  toIndexQuery,
} from '../../src/domain/incident-index';
import { collectMatchingRows } from '../../src/domain/incident-index-rows';
import { parseIncidentCollection } from '../../src/domain/parse-incidents';
import type { SyntheticFeature } from '../gen/synthetic-incidents';
import {
  generateSyntheticFeatures,
  readSyntheticModel,
  serialiseSyntheticIncidents,
} from '../gen/synthetic-incidents';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    'load-sizes': { type: 'string', default: '100000,500000,1000000' },
    'export-size': { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1' },
  },
});
const sizes = parseCounts(values.sizes, '--sizes');
const loadSizes = parseCounts(values['load-sizes'], '--load-sizes');
const [exportSize] = parseCounts(values['export-size'], '--export-size');
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1)
  fail(`--runs must be a positive integer, got "${values.runs}"`);
if (!Number.isInteger(seed) || seed < 0)
  fail(`--seed must be a non-negative integer, got "${values.seed}"`);

/** The filter every engine answers: two years, three types (one of them the commonest). */
const FILTER: IncidentFilter = {
  from: '2023-01-01',
  to: '2024-12-31',
  types: ['airstrike', 'cross_border_attack', 'armed_clash'],
};
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});
const model = readSyntheticModel();
/** Results feed this so no timed work can be optimised away. */
let sink = 0;
const rows: Array<[string, string, string, string]> = [];
const report: Record<string, unknown> = {
  runs,
  seed,
  filter: FILTER,
  node: process.version,
  expose_gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
};

for (const size of sizes) benchFilter(size);
for (const size of loadSizes) benchLoad(size);
if (exportSize !== undefined) benchExport(exportSize);

const million = report.filter_1000000 as Record<string, number> | undefined;
if (million) {
  const fast = million.ours_query_ms! <= 5;
  const ahead = million.ratio_crossfilter_over_ours! >= 3;
  report.targets = { filter_1m_at_most_5ms: fast, filter_1m_3x_crossfilter: ahead };
  rows.push(['targets', 'filter at 1M ≤ 5 ms', '', fast ? 'met' : 'missed']);
  rows.push(['targets', 'filter at 1M ≥ 3× crossfilter2', '', ahead ? 'met' : 'missed']);
}
printTable();
console.log(`(sink ${sink})`);
console.log('BENCH ' + JSON.stringify(report));

// ---------------------------------------------------------------------------------------------

function benchFilter(size: number): void {
  const key = `filter_${size}`;
  section(`filter, ${fmtCount(size)} incidents`);
  const heapBefore = heapMb();
  const features = [...generateSyntheticFeatures({ count: size, seed, model })];
  const incidents = loadFeatures(features);
  const heapLoaded = heapMb();
  const build = measure(() => buildIncidentIndex(incidents), { warmup: 1 });
  const index = buildIncidentIndex(incidents);

  // Ours: counts, per-type counts, per-day histogram and the matching runs; rows separately.
  const query = toIndexQuery(FILTER);
  const ours = measure(() => queryIncidentIndex(index, query), { repeat: true });
  const oursStacked = measure(() => queryIncidentIndex(index, { ...query, stacked: true }), {
    repeat: true,
  });
  const result = queryIncidentIndex(index, query);
  const oursRows = measure(() => collectMatchingRows(index, result));
  const expected = result.count;

  // crossfilter2: dimensions on day and type; the type group ignores the type filter (counts per
  // type in the range), the day group ignores the day filter (read within the range: histogram).
  const heapBeforeCf = heapMb();
  const cfStarted = performance.now();
  const cf = makeCrossfilter(incidents);
  const cfBuild = { median: performance.now() - cfStarted, runs: [], repeat: 1 };
  const heapCf = heapMb();
  const crossfilterQuery = measure(() => cf.query(), { before: () => cf.reset() });
  const cfCheck = cf.query();
  check('crossfilter count', cfCheck.count, expected);
  check(
    'crossfilter armed_clash',
    cfCheck.typeCounts.get('armed_clash'),
    typeCount(index, result, 'armed_clash'),
  );
  cf.query();
  const crossfilterRows = measure(() => cf.rows());
  cf.reset();

  // The app today: filterIncidents + countByType over Incident[] (day numbers computed at load),
  // and a histogram of the matches.
  const current = measure(() => currentPath(incidents));
  check('current count', currentPath(incidents).count, expected);

  // Naive: Array.filter over the Feature objects, parsing each date string (Date.parse of its
  // written YYYY-MM-DD) as code without a load step would, plus the same counts and histogram.
  const naive = measure(() => naivePath(features));
  check('naive count', naivePath(features).count, expected);

  const indexBytes = indexByteLength(index);
  const entry = {
    matches: expected,
    unlocated: result.unlocated,
    histogram_days: result.histogram.counts.length,
    build_index_ms: build.median,
    ours_query_ms: ours.median,
    ours_query_stacked_ms: oursStacked.median,
    ours_rows_ms: oursRows.median,
    ours_query_plus_rows_ms: ours.median + oursRows.median,
    crossfilter_build_ms: cfBuild.median,
    crossfilter_query_ms: crossfilterQuery.median,
    crossfilter_rows_ms: crossfilterRows.median,
    current_ms: current.median,
    naive_ms: naive.median,
    ratio_crossfilter_over_ours: crossfilterQuery.median / ours.median,
    ratio_current_over_ours: current.median / ours.median,
    ratio_naive_over_ours: naive.median / ours.median,
    ratio_naive_over_ours_with_rows: naive.median / (ours.median + oursRows.median),
    ratio_crossfilter_over_ours_with_rows:
      (crossfilterQuery.median + crossfilterRows.median) / (ours.median + oursRows.median),
    index_bytes: indexBytes,
    index_bytes_per_incident: indexBytes / size,
    heap_features_and_incidents_mib: heapLoaded - heapBefore,
    heap_crossfilter_mib: heapCf - heapBeforeCf,
  };
  report[key] = entry;
  const n = fmtCount(size);
  const matches = `${fmtCount(expected)} matches`;
  row(`filter ${n}`, 'build index', build, `${(indexBytes / 1e6).toFixed(1)} MB typed arrays`);
  row(`filter ${n}`, 'ours: query', ours, `${matches}; counts by type, histogram, runs`);
  row(`filter ${n}`, 'ours: query, stacked', oursStacked, 'plus one histogram per type');
  row(`filter ${n}`, 'ours: rows in load order', oursRows, 'collectMatchingRows');
  row(`filter ${n}`, 'crossfilter2: build', cfBuild, '1 run: 2 dimensions, 3 groups');
  row(`filter ${n}`, 'crossfilter2: query', crossfilterQuery, 'count, type group, day group');
  row(`filter ${n}`, 'crossfilter2: rows', crossfilterRows, 'allFiltered()');
  row(`filter ${n}`, 'current: filterIncidents+countByType', current, 'precomputed day numbers');
  row(`filter ${n}`, 'naive: Array.filter on Features', naive, 'Date.parse per feature');
  rows.push([
    `filter ${n}`,
    'ratios',
    '',
    `crossfilter/ours ${entry.ratio_crossfilter_over_ours.toFixed(0)}×, current/ours ` +
      `${entry.ratio_current_over_ours.toFixed(0)}×, naive/ours ${entry.ratio_naive_over_ours.toFixed(0)}×; ` +
      `with rows: naive ${entry.ratio_naive_over_ours_with_rows.toFixed(1)}×, crossfilter ` +
      `${entry.ratio_crossfilter_over_ours_with_rows.toFixed(1)}×`,
  ]);
  rows.push([
    `filter ${n}`,
    'memory',
    '',
    `features+incidents ${entry.heap_features_and_incidents_mib.toFixed(0)} MiB of heap; index ` +
      `${(indexBytes / size).toFixed(0)} B/incident; crossfilter ~${entry.heap_crossfilter_mib.toFixed(0)} MiB`,
  ]);
}

function benchLoad(size: number): void {
  const key = `load_${size}`;
  section(`load, ${fmtCount(size)} incidents`);
  // Build the text in chunks first: a string longer than V8's limit cannot exist, let alone be
  // parsed, so such a size is reported and skipped.
  const chunks: string[] = [];
  let length = 0;
  for (const chunk of serialiseSyntheticIncidents({ count: size, seed, model })) {
    chunks.push(chunk);
    length += chunk.length;
  }
  if (length > constants.MAX_STRING_LENGTH) {
    const reason =
      `text is ${fmtCount(length)} characters, over V8's maximum string length ` +
      `${fmtCount(constants.MAX_STRING_LENGTH)}: JSON.parse of one string is impossible`;
    report[key] = { skipped: reason, text_chars: length };
    rows.push([`load ${fmtCount(size)}`, 'skipped', '', reason]);
    return;
  }
  const text = chunks.join('');
  chunks.length = 0;
  const megabytes = Buffer.byteLength(text) / 1e6;
  const heapText = heapMb();

  // Timed by hand, stage by stage; the heap is read after each run, outside the timing.
  const stages = {
    total: [] as number[],
    parse: [] as number[],
    validate: [] as number[],
    index: [] as number[],
  };
  let heapLoaded = 0;
  for (let r = 0; r < 1 + runs; r++) {
    collectGarbage();
    const t0 = performance.now();
    const json: unknown = JSON.parse(text);
    const t1 = performance.now();
    const set = parseIncidentCollection(json);
    const t2 = performance.now();
    const built = buildIncidentIndex(set.incidents);
    const t3 = performance.now();
    consume(built.size);
    if (r === 0) continue; // warm-up
    stages.total.push(t3 - t0);
    stages.parse.push(t1 - t0);
    stages.validate.push(t2 - t1);
    stages.index.push(t3 - t2);
    heapLoaded = Math.max(heapLoaded, heapMb());
  }
  const total: Timing = { median: median(stages.total), runs: stages.total, repeat: 1 };
  const parse = median(stages.parse);
  const validate = median(stages.validate);
  const index = median(stages.index);
  const entry = {
    megabytes,
    ms: total.median,
    ms_per_mb: total.median / megabytes,
    json_parse_ms: parse,
    validate_ms: validate,
    index_ms: index,
    heap_text_mib: heapText,
    heap_after_load_mib: heapLoaded,
    rss_mib: process.memoryUsage().rss / 2 ** 20,
  };
  report[key] = entry;
  const label = `load ${fmtCount(size)}`;
  row(
    label,
    'parse+validate+index',
    total,
    `${megabytes.toFixed(0)} MB text, ${entry.ms_per_mb.toFixed(1)} ms/MB`,
  );
  rows.push([
    label,
    'stages',
    '',
    `JSON.parse ${parse.toFixed(0)}, validate ${validate.toFixed(0)}, index ${index.toFixed(0)} ms; ` +
      `heap ${heapLoaded.toFixed(0)} MiB with the text and one load alive`,
  ]);
}

function benchExport(size: number): void {
  section(`export, ${fmtCount(size)} incidents`);
  const incidents = loadFeatures([...generateSyntheticFeatures({ count: size, seed, model })]);
  const context = {
    filter: EMPTY_URL_FILTER,
    loaded: incidents,
    source: 'synthetic',
  };
  for (const share of [10, 100]) {
    const matching =
      share === 100 ? incidents : incidents.filter((_, i) => i % (100 / share) === 0);
    const bytes = Buffer.byteLength(serialiseGeoJsonExport(matching, context)) / 1e6;
    const timing = measure(() => serialiseGeoJsonExport(matching, context).length);
    report[`export_${share}pct_of_${size}`] = {
      incidents: matching.length,
      megabytes: bytes,
      ms: timing.median,
    };
    row(
      `export ${fmtCount(size)}`,
      `${share} % (${fmtCount(matching.length)})`,
      timing,
      `${bytes.toFixed(1)} MB of GeoJSON`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

function loadFeatures(features: SyntheticFeature[]): Incident[] {
  const set = parseIncidentCollection({ type: 'FeatureCollection', features });
  if (set.rejected.length > 0) fail(`generator output rejected: ${set.rejected[0]!.reason}`);
  return set.incidents;
}

function makeCrossfilter(incidents: Incident[]) {
  const cf = crossfilter(incidents);
  const dayDim = cf.dimension((i) => i.dayNumber);
  const typeDim = cf.dimension((i) => i.type);
  const typeGroup = typeDim.group().reduceCount();
  const dayGroup = dayDim.group().reduceCount();
  const all = cf.groupAll<number>().reduceCount();
  const { fromDay, toDay } = toIndexQuery(FILTER);
  const types = new Set(FILTER.types);
  return {
    reset() {
      dayDim.filterAll();
      typeDim.filterAll();
    },
    query() {
      dayDim.filterRange([fromDay!, toDay! + 1]);
      typeDim.filterFunction((t) => types.has(t as string));
      const count = all.value();
      const typeCounts = new Map(typeGroup.all().map((g) => [g.key as string, g.value as number]));
      const histogram = dayGroup
        .all()
        .filter((g) => (g.key as number) >= fromDay! && (g.key as number) <= toDay!);
      return { count, typeCounts, histogram };
    },
    rows: () => cf.allFiltered(),
  };
}

function currentPath(incidents: Incident[]) {
  const matching = filterIncidents(incidents, FILTER);
  const counts = countByType(incidents, FILTER);
  const histogram = new Map<number, number>();
  for (const i of matching) histogram.set(i.dayNumber, (histogram.get(i.dayNumber) ?? 0) + 1);
  return { count: matching.length, counts, histogram, matching };
}

function naivePath(features: SyntheticFeature[]) {
  const from = Date.parse(FILTER.from!);
  const to = Date.parse(FILTER.to!);
  const types = new Set(FILTER.types);
  const inRange = (f: SyntheticFeature) => {
    const t = Date.parse((f.properties.date as string).slice(0, 10));
    return t >= from && t <= to;
  };
  const matching = features.filter((f) => inRange(f) && types.has(f.properties.type as string));
  const counts = new Map<string, number>();
  for (const f of features) {
    const type = f.properties.type as string;
    if (inRange(f)) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const histogram = new Map<string, number>();
  for (const f of matching) {
    const day = (f.properties.date as string).slice(0, 10);
    histogram.set(day, (histogram.get(day) ?? 0) + 1);
  }
  return { count: matching.length, counts, histogram, matching };
}

function typeCount(index: IncidentIndex, result: { countsByType: Int32Array }, code: string) {
  return result.countsByType[index.typeCodes.indexOf(code)];
}

function indexByteLength(index: IncidentIndex): number {
  return Object.values(index).reduce(
    (total: number, value: unknown) => total + (ArrayBuffer.isView(value) ? value.byteLength : 0),
    0,
  );
}

interface Timing {
  median: number;
  runs: number[];
  repeat: number;
}

/**
 * Median of `runs` timed runs after `warmup` untimed ones; garbage is collected before each run
 * (with --expose-gc) so one run's garbage is not charged to the next. With `repeat`, a run calls
 * `fn` often enough to last about 2 ms and reports the time per call, for sub-millisecond work.
 */
function measure(
  fn: () => unknown,
  options: { warmup?: number; runs?: number; repeat?: boolean; before?: () => void } = {},
): Timing {
  const { warmup = 3, repeat = false, before } = options;
  const timedRuns = options.runs ?? runs;
  let calls = 1;
  if (repeat) {
    const t0 = performance.now();
    consume(fn());
    calls = Math.min(10_000, Math.max(1, Math.ceil(2 / Math.max(performance.now() - t0, 1e-3))));
  }
  const times: number[] = [];
  for (let r = 0; r < warmup + timedRuns; r++) {
    collectGarbage();
    before?.();
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) consume(fn());
    const elapsed = (performance.now() - t0) / calls;
    if (r >= warmup) times.push(elapsed);
  }
  return { median: median(times), runs: times, repeat: calls };
}

function consume(value: unknown): void {
  if (typeof value === 'number') sink = (sink + value) % 1_000_003;
  else if (value !== null && typeof value === 'object') sink = (sink + 1) % 1_000_003;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function check(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) fail(`${what}: got ${String(actual)}, expected ${String(expected)}`);
}

/** JS heap plus memory outside it (typed arrays' buffers), in MiB, after a collection. */
function heapMb(): number {
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
}

function row(group: string, what: string, timing: Timing, note: string): void {
  const ms = timing.median < 1 ? timing.median.toFixed(3) : timing.median.toFixed(1);
  const runsNote = timing.repeat > 1 ? ` (${timing.repeat} calls/run)` : '';
  rows.push([group, what, ms, note + runsNote]);
}

function section(title: string): void {
  console.error(`… ${title}`);
}

function printTable(): void {
  const header: [string, string, string, string] = ['', 'measure', 'median ms', 'notes'];
  const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    [r[0]!.padEnd(widths[0]!), r[1]!.padEnd(widths[1]!), r[2]!.padStart(widths[2]!), r[3]].join(
      '  ',
    );
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

function fmtCount(n: number): string {
  return n.toLocaleString('en');
}

function parseCounts(text: string, flag: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const n = Number(part);
    if (!Number.isSafeInteger(n) || n < 1) fail(`${flag}: "${part}" is not a positive count`);
    return n;
  });
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
