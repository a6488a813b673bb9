/**
 * Builds data/incidents.geojson from the research tables in data/sources/ (TABLES, oldest first),
 * and writes the coverage-by-month table into data/README.md.
 *
 * Every row becomes one Feature, table after table, in CSV order. Every column is kept under its
 * CSV name, except latitude/longitude, which become the geometry (null when the row has no
 * location). The reviewers' corrections in sources/corrections.json are applied first, each only
 * if the cell still holds what it corrects. The build stops with a non-zero exit and a message
 * naming the table, row and column if a row is invalid, a correction is stale or an id repeats.
 *
 * Usage: node data/scripts/build-incidents.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCoverage, replaceCoverageSection } from './incident-coverage.mjs';
import {
  COLUMNS,
  IncidentTableError,
  parseIncidentTable,
  rowToFeature,
} from './incident-table.mjs';

const DATA_DIR = fileURLToPath(new URL('..', import.meta.url));
const OUT_PATH = DATA_DIR + 'incidents.geojson';
const README_PATH = DATA_DIR + 'README.md';
const CORRECTIONS = 'sources/corrections.json';

/**
 * The research tables, oldest first: each a folder of data/sources/ holding incidents.csv and the
 * researcher's NOTES.md, the research window its rows must fall in (windows never overlap), and
 * the coverage caveat its notes give.
 */
export const TABLES = [
  {
    name: '2025-border-incidents',
    period: { start: '2025-09-01', end: '2025-11-30' },
    coverage:
      'Pakistani-side civilian casualties of 11–15 Oct and Afghan-side losses by sector are almost ' +
      'unreported; absence of a row is not evidence that nothing happened.',
  },
  {
    name: '2026-border-incidents',
    period: { start: '2025-12-01', end: '2026-11-30' },
    coverage:
      'No in-scope event was found in any stored page for July–November 2026 (nor for May 2026): ' +
      'the stored pages thin out sharply after March 2026, so these empty months more likely ' +
      'reflect coverage limits than calm.',
  },
];

/** Where a table's CSV lives, relative to data/. */
export const tableCsvPath = (table) => `sources/${table.name}/incidents.csv`;

/** Every table of TABLES with its CSV text, as read from `dataDir`. */
export function readResearchTables(dataDir = DATA_DIR) {
  return TABLES.map((table) => ({
    ...table,
    csvText: readFileSync(dataDir + tableCsvPath(table), 'utf8'),
  }));
}

/** Every row of every table as read (no corrections), each with `table`: its CSV's path. */
export function readResearchRows(dataDir = DATA_DIR) {
  return readResearchTables(dataDir).flatMap((table) =>
    parseIncidentTable(table.csvText, table.name).map((row) => ({
      ...row,
      table: tableCsvPath(table),
    })),
  );
}

/** The reviewers' corrections of single cells, from sources/corrections.json. */
export function readCorrections(dataDir = DATA_DIR) {
  return JSON.parse(readFileSync(dataDir + CORRECTIONS, 'utf8'));
}

/**
 * Applies the corrections aimed at one table to its rows (copies), pushing a problem for any that
 * names an unknown row or column or no longer matches the cell it corrects.
 */
function applyCorrections(tableName, rows, corrections, problems) {
  const corrected = rows.map((row) => ({ ...row }));
  for (const correction of corrections.filter(({ table }) => table === tableName)) {
    const where = `${CORRECTIONS}: correction of ${tableName} id "${correction.id}", column ${correction.column}`;
    const row = corrected.find(({ id }) => id === correction.id);
    if (!COLUMNS.includes(correction.column)) problems.push(`${where}: no such column`);
    else if (!row) problems.push(`${where}: no such row`);
    else if (row[correction.column] !== correction.from) {
      problems.push(`${where}: the cell is "${row[correction.column]}", not "${correction.from}"`);
    } else row[correction.column] = correction.to;
  }
  return corrected;
}

/** "2025-09-01" → "September 2025". */
const monthOf = (day) =>
  new Date(`${day}T00:00:00Z`).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The dataset-level description written into the GeoJSON's `metadata` member. */
function describeDataset(tables, features, corrections) {
  const start = tables[0].period.start;
  const end = tables.at(-1).period.end;
  const dates = features.map((feature) => feature.properties.date).sort();
  return {
    title: `Violent incidents along the Afghanistan–Pakistan border (Durand Line), ${monthOf(start)} – ${monthOf(end)}`,
    period: {
      start,
      end,
      note: `Research windows of the tables below, end to end. The earliest row is dated ${dates[0]} and the latest ${dates.at(-1)}.`,
    },
    tables: tables.map((table) => ({
      name: table.name,
      source: tableCsvPath(table),
      notes: `sources/${table.name}/NOTES.md`,
      period: table.period,
      rows: table.rows,
      coverage: table.coverage,
    })),
    source:
      'Hand-compiled research tables built from stored copies of news reports; method, inclusion ' +
      "rules and disputed claims are in each table's NOTES.md and in README.md. " +
      'Each feature cites its own reports in source_urls and source_outlets.',
    coordinates:
      "The researchers' own gazetteer estimates, rounded to 0.01°, not taken from the reports. " +
      'geo_precision says what a point stands for: place (±2–5 km), district or province (approximate ' +
      'centre); multiple and none have no geometry. Not survey-grade.',
    fatalities:
      'fatalities_min/fatalities_max are the lowest and highest total deaths given for the incident by any ' +
      'single cited claimant; blank (null) means no number was reported, 0 means a source reported none. ' +
      'fatality_claims says who said what. Do not add up fatalities across rows: an aggregate row and its ' +
      'sector rows describe the same events.',
    corrections: corrections.map(({ table, id, column, reason }) => ({
      table,
      id,
      column,
      reason,
    })),
    licence:
      'CC BY 4.0 recommended for this dataset (summaries are original text). Linked articles keep their own copyright.',
    generated_by: 'data/scripts/build-incidents.mjs',
  };
}

/**
 * Builds the incidents FeatureCollection from the research tables, oldest first.
 * @param {{ name: string, period: { start: string, end: string }, coverage: string, csvText: string }[]} tables
 * @param {{ table: string, id: string, column: string, from: string, to: string, reason: string }[]} [corrections]
 * @throws {IncidentTableError} listing every invalid value, by table, row id and column
 */
export function buildIncidentCollection(tables, corrections = []) {
  const problems = [];
  const features = [];
  const counted = [];
  const firstTableOf = new Map();
  tables.forEach((table, index) => {
    const before = tables[index - 1];
    if (before && table.period.start <= before.period.end) {
      problems.push(`${table.name}: its window starts before ${before.name}'s ends`);
    }
    const rows = applyCorrections(
      table.name,
      parseIncidentTable(table.csvText, table.name),
      corrections,
      problems,
    );
    rows.forEach((row, rowIndex) => {
      const where = `${table.name} row ${rowIndex + 1} (id "${row.id}")`;
      features.push(rowToFeature(row, where, table.period, problems));
      const first = firstTableOf.get(row.id);
      if (first) problems.push(`${where}, column id: duplicate id (also in ${first})`);
      else firstTableOf.set(row.id, table.name);
    });
    counted.push({ ...table, rows: rows.length });
  });
  for (const { table } of corrections) {
    if (!tables.some(({ name }) => name === table)) {
      problems.push(`${CORRECTIONS}: a correction names the unknown table "${table}"`);
    }
  }
  if (problems.length > 0) throw new IncidentTableError(problems);

  return {
    type: 'FeatureCollection',
    metadata: describeDataset(counted, features, corrections),
    features,
  };
}

/** Serialises a collection with one-space indentation and a trailing newline, so diffs stay readable. */
export function formatGeoJson(collection) {
  return JSON.stringify(collection, null, 1) + '\n';
}

/** data/README.md with its coverage table recomputed from `collection`. */
export function withCoverage(readme, collection) {
  return replaceCoverageSection(
    readme,
    renderCoverage(collection.features, collection.metadata.tables),
  );
}

function main() {
  let collection;
  try {
    collection = buildIncidentCollection(readResearchTables(), readCorrections());
  } catch (error) {
    console.error(error instanceof IncidentTableError ? error.message : error);
    process.exit(1);
  }
  const text = formatGeoJson(collection);
  writeFileSync(OUT_PATH, text);
  writeFileSync(README_PATH, withCoverage(readFileSync(README_PATH, 'utf8'), collection));
  const located = collection.features.filter((feature) => feature.geometry !== null).length;
  const perTable = collection.metadata.tables.map(({ source, rows }) => `${rows} from ${source}`);
  console.log(
    `incidents.geojson: ${collection.features.length} features (${located} located; ` +
      `${perTable.join(', ')}), ${Buffer.byteLength(text)} bytes`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
