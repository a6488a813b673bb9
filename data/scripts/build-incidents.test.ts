// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import Papa from 'papaparse';
import { feature as topoFeature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import {
  buildIncidentCollection,
  formatGeoJson,
  readCorrections,
  readResearchTables,
  TABLES,
  withCoverage,
} from './build-incidents.mjs';
import { COLUMNS, LIST_COLUMNS } from './incident-table.mjs';

type Row = Record<string, string>;
type IncidentFeature = Feature<Point | null, Record<string, unknown>> & { id: string };
type Correction = { table: string; id: string; column: string; from: string; to: string };

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
/** Each research table's rows, as the researchers wrote them. */
const tableRows = TABLES.map(
  (table: { name: string }) =>
    Papa.parse<Row>(read(`../sources/${table.name}/incidents.csv`), {
      header: true,
      skipEmptyLines: true,
    }).data,
);
const csvRows = tableRows.flat();
const corrections = readCorrections() as Correction[];
const incidentsText = read('../incidents.geojson');
const incidents = JSON.parse(incidentsText) as FeatureCollection<Point | null> & {
  metadata: Record<string, unknown>;
  features: IncidentFeature[];
};
const durandLine = (JSON.parse(read('../durand-line.geojson')) as FeatureCollection<LineString>)
  .features[0]!;

const require = createRequire(import.meta.url);
const world = topoFeature(
  require('world-atlas/countries-10m.json'),
  require('world-atlas/countries-10m.json').objects.countries,
) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
const countryShape = (isoN3: string) => world.features.find((country) => country.id === isoN3)!;
const ISO_N3: Record<string, string> = { AF: '004', PK: '586', QA: '634', TR: '792' };

const byId = (id: string) => incidents.features.find((incident) => incident.id === id)!;
const located = incidents.features.filter(
  (incident): incident is IncidentFeature & { geometry: Point } => incident.geometry !== null,
);

/** A list cell as the build splits it: at every `;`, items trimmed, blanks dropped. */
const splitCell = (cell: string) =>
  cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** How many of `dates` fall in each calendar year. */
function countYears(dates: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const date of dates) counts[date.slice(0, 4)] = (counts[date.slice(0, 4)] ?? 0) + 1;
  return counts;
}

describe('The incidents dataset', () => {
  it('has one feature per research-table row, table after table, in CSV order', () => {
    expect(tableRows.map((rows) => rows.length)).toEqual([72, 50]);
    expect(incidents.features.map((incident) => incident.id)).toEqual(csvRows.map((row) => row.id));
  });

  it('holds as many incidents of each year as the research tables have rows of that year', () => {
    const embedded = countYears(incidents.features.map((f) => f.properties.date as string));
    expect(embedded).toEqual(countYears(csvRows.map((row) => row.date!)));
    expect(embedded).toEqual({ 2025: 80, 2026: 42 });
  });

  it('keeps each id both as the feature id and in its properties, once across every table', () => {
    for (const incident of incidents.features) expect(incident.properties.id).toBe(incident.id);
    expect(new Set(incidents.features.map((incident) => incident.id)).size).toBe(csvRows.length);
  });

  it('cites at least one http(s) source for every feature, each with its outlet', () => {
    for (const incident of incidents.features) {
      const urls = incident.properties.source_urls as string[];
      expect(urls.length, incident.id).toBeGreaterThan(0);
      for (const url of urls) expect(new URL(url).protocol, incident.id).toMatch(/^https?:$/);
      expect(incident.properties.source_outlets, incident.id).toHaveLength(urls.length);
    }
  });

  it('has null geometry exactly for the rows with blank coordinates', () => {
    const blank = csvRows
      .filter((row) => row.latitude === '' && row.longitude === '')
      .map((row) => row.id);
    const unlocated = incidents.features.filter((incident) => incident.geometry === null);
    expect(unlocated.map((incident) => incident.id)).toEqual(blank);
    expect(blank).toEqual(
      expect.arrayContaining([
        '2025-10-11-durand-line-attacks-aggregate',
        '2026-02-26-durand-line-offensive-aggregate',
        '2026-04-01-urumqi-trilateral-talks',
      ]),
    );
  });

  it('writes the CSV coordinates as finite [longitude, latitude] numbers', () => {
    for (const incident of located) {
      const row = csvRows.find((candidate) => candidate.id === incident.id)!;
      expect(incident.geometry.coordinates).toEqual([Number(row.longitude), Number(row.latitude)]);
      expect(incident.geometry.coordinates.every(Number.isFinite)).toBe(true);
    }
  });

  it('places every located feature in the country it names, or within 20 km of the Durand Line', () => {
    // Coordinates are ±2–5 km estimates or district centres, and the Natural Earth line is
    // generalised, so points close to the border may fall just across it.
    for (const incident of located) {
      const countries = incident.properties.country as string[];
      const inside = countries.some((code) =>
        booleanPointInPolygon(incident.geometry, countryShape(ISO_N3[code]!)),
      );
      const nearBorder =
        countries.every((code) => code === 'AF' || code === 'PK') &&
        pointToLineDistance(incident.geometry, durandLine, { units: 'kilometers' }) <= 20;
      expect(inside || nearBorder, `${incident.id} at ${incident.geometry.coordinates}`).toBe(true);
    }
  });

  it('locates only the Doha and Istanbul talks outside Afghanistan and Pakistan', () => {
    const abroad = located.filter((incident) =>
      (incident.properties.country as string[]).some((code) => code !== 'AF' && code !== 'PK'),
    );
    expect(new Set(abroad.map((incident) => incident.properties.type))).toEqual(
      new Set(['negotiation', 'ceasefire']),
    );
    expect(new Set(abroad.flatMap((incident) => incident.properties.country as string[]))).toEqual(
      new Set(['QA', 'TR']),
    );
  });

  it('keeps every CSV column except latitude and longitude, under the same name', () => {
    const expected = COLUMNS.filter((column) => column !== 'latitude' && column !== 'longitude');
    for (const incident of incidents.features) {
      expect(Object.keys(incident.properties)).toEqual(expected);
    }
  });

  it('keeps the text of every cell, or the correction the review notes ask for', () => {
    for (const row of csvRows) {
      const properties = byId(row.id!).properties;
      for (const column of COLUMNS) {
        if (column === 'latitude' || column === 'longitude') continue;
        const correction = corrections.find((c) => c.id === row.id && c.column === column);
        const cell = correction ? correction.to : row[column]!.trim();
        const value = properties[column];
        if (LIST_COLUMNS.includes(column)) expect(value, column).toEqual(splitCell(cell));
        else if (cell === '') expect(value, `${row.id} ${column}`).toBeNull();
        else expect(String(value), `${row.id} ${column}`).toBe(cell);
      }
    }
  });

  it('cites the Dawn article itself, not the share link the research table kept', () => {
    const blast = byId('2026-02-15-bajaur-salarzai-ordnance-blast').properties;
    expect(blast.source_urls).toEqual(['https://www.dawn.com/news/1973498']);
  });

  it('keeps both sides of a disputed toll in fatality_claims', () => {
    const clash = byId('2025-10-15-spin-boldak-ground-clash').properties;
    expect(clash.fatality_claims).toContain('IEA (Mujahid): 12+ Afghan civilians killed');
    expect(clash.fatality_claims).toContain('ISPR: 15-20 Taliban killed');
    expect([clash.fatalities_min, clash.fatalities_max]).toEqual([12, 20]);

    const hospital = byId('2026-03-16-kabul-omid-rehab-hospital-strike').properties;
    expect(hospital.fatality_claims).toContain('Afghan interior ministry: 408 killed');
    expect(hospital.fatality_claims).toContain('Pakistan (Tarar): no hospital or civilian site');
    expect([hospital.fatalities_min, hospital.fatalities_max]).toEqual([143, 408]);
  });

  it('adds the further Bajaur claim the review notes record, with its source', () => {
    const bajaur = byId('2026-02-16-bajaur-joint-checkpost-vbied').properties;
    expect(bajaur.fatality_claims).toContain('ISPR: 11 security personnel and 1 young girl killed');
    expect(bajaur.fatality_claims).toContain(
      'News Arena India: at least 14 military personnel, 18 militants and 3 civilians killed',
    );
    expect([bajaur.fatalities_min, bajaur.fatalities_max]).toEqual([24, 35]);
    expect((bajaur.source_outlets as string[]).at(-1)).toBe('News Arena India');
    expect((bajaur.source_urls as string[]).at(-1)).toMatch(/^https:\/\/newsarenaindia\.com\//);
  });

  it('writes blank numbers as null and keeps an explicit zero', () => {
    const kabul = byId('2025-10-09-kabul-abdul-haq-square-strike').properties;
    expect([kabul.fatalities_min, kabul.fatalities_max]).toEqual([0, null]);
  });

  it('writes blank text as null and blank lists as empty arrays', () => {
    const truce = byId('2025-10-15-48-hour-ceasefire');
    expect(truce.geometry).toBeNull();
    expect(truce.properties).toMatchObject({ province: [], district: [], injuries: null });
    expect(truce.properties.actors).toEqual([
      'Government of Pakistan',
      'Islamic Emirate of Afghanistan',
    ]);
  });

  it('carries dataset metadata naming both tables, without a build timestamp', () => {
    expect(Object.keys(incidents.metadata)).toEqual(
      expect.arrayContaining(['title', 'period', 'tables', 'source', 'licence', 'generated_by']),
    );
    const tables = incidents.metadata.tables as { source: string; rows: number }[];
    expect(tables.map(({ source, rows }) => [source, rows])).toEqual([
      ['sources/2025-border-incidents/incidents.csv', 72],
      ['sources/2026-border-incidents/incidents.csv', 50],
    ]);
    expect(incidentsText).not.toMatch(/generated_at|timestamp|\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('is exactly what the build script writes from the committed tables and corrections', () => {
    expect(formatGeoJson(buildIncidentCollection(readResearchTables(), corrections))).toBe(
      incidentsText,
    );
  });

  it('is described month by month in data/README.md exactly as the build computes it', () => {
    const readme = read('../README.md');
    expect(withCoverage(readme, incidents)).toBe(readme);
  });
});
