// Writes a deterministic synthetic incident file for benchmarks and load tests.
//
//   npm run gen -- [--n 100000] [--seed 1] [--out path] [--format geojson|geojsonseq|csv|xlsx] [--rs]
//
// Default output: .synthetic/incidents-<n>-seed<seed>.geojson (.geojsonl for GeoJSONSeq, .csv and
// .xlsx for the same incidents as a table, see synthetic-table.ts). The file
// is streamed, so a million features (about 600 MB) never sit in memory. Prints its SHA-256, so
// two runs can be compared.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readSyntheticModel, serialiseSyntheticIncidents } from './synthetic-incidents';
import { syntheticCsv, syntheticWorkbook } from './synthetic-table';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    format: { type: 'string', default: 'geojson' },
    rs: { type: 'boolean', default: false },
  },
});
const count = Number(values.n);
const seed = Number(values.seed);
const format = values.format;
if (!Number.isSafeInteger(count) || count < 0) fail(`--n must be a count, got "${values.n}"`);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
  fail(`--seed must be an integer from 0 to 4294967295, got "${values.seed}"`);
}
const EXTENSIONS: Record<string, string> = {
  geojson: 'geojson',
  geojsonseq: 'geojsonl',
  csv: 'csv',
  xlsx: 'xlsx',
};
if (!Object.hasOwn(EXTENSIONS, format!)) {
  fail(`--format must be geojson, geojsonseq, csv or xlsx, got "${format}"`);
}
if (values.rs && format !== 'geojsonseq') fail('--rs applies only to --format geojsonseq');
const out = values.out ?? `.synthetic/incidents-${count}-seed${seed}.${EXTENSIONS[format!]}`;

const started = performance.now();
mkdirSync(dirname(out), { recursive: true });
const stream = createWriteStream(out);
const hash = createHash('sha256');
let bytes = 0;
const options = { count, seed, model: readSyntheticModel() };
const chunks =
  format === 'xlsx'
    ? [await syntheticWorkbook(options)]
    : format === 'csv'
      ? syntheticCsv(options)
      : serialiseSyntheticIncidents(options, format as 'geojson' | 'geojsonseq', { rs: values.rs });
for (const chunk of chunks) {
  hash.update(chunk);
  bytes += Buffer.byteLength(chunk);
  if (!stream.write(chunk)) await once(stream, 'drain');
}
stream.end();
await once(stream, 'finish');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${out}: ${count.toLocaleString('en')} features, ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s`,
);
console.log(`sha256 ${hash.digest('hex')}`);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
