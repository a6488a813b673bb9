// Builds a dataset package a static host can serve: tiles, counts, row partitions, manifest.
//
//   npm run package -- <input> --out <dir> [--name <name>]
//
// The input is any file the app opens (CSV, GeoJSONSeq and GeoJSON, ACLED and UCDP layouts,
// KML, XLSX); CSV and GeoJSONSeq are read in batches, so 10 M rows fit in a few GB.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildPackage } from './build-package';

const USAGE = 'usage: npm run package -- <input file> --out <directory> [--name <name>]';

function fail(message: string, code = 1): never {
  console.error(`package: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, name: { type: 'string' } },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const { values, positionals } = parsed;
if (positionals.length !== 1)
  fail(`expected one input file, got ${positionals.length}\n${USAGE}`, 2);
if (!values.out) fail(`--out <directory> is required\n${USAGE}`, 2);
const input = positionals[0]!;
if (!existsSync(input) || !statSync(input).isFile()) fail(`no such file: "${input}"`, 2);
if (existsSync(values.out) && !statSync(values.out).isDirectory()) {
  fail(`--out "${values.out}" is a file; give a directory`, 2);
}

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
try {
  const manifest = await buildPackage({
    input,
    outDir: values.out,
    name: values.name,
    log: (message) => console.log(`[${seconds()} s] ${message}`),
  });
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(
    `packaged ${manifest.count} incidents (${manifest.located} located, ${manifest.rejected.count} rejected) ` +
      `into ${values.out}: ${manifest.tiles.tileCount} tiles (zooms ${manifest.tiles.minzoom}–${manifest.tiles.maxzoom}, raw from ${manifest.tiles.rawMinZoom}, largest ${manifest.tiles.maxTileBytes} B), ` +
      `${manifest.counts.rows} count rows, ${manifest.rows.partitions.length} row files, ${bytes} bytes in ${seconds()} s, ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
} catch (error) {
  fail(`${input}: ${(error as Error).message}`);
}
