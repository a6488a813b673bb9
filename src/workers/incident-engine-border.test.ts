// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';
import { IncidentEngine } from './incident-engine';

const data = (path: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../data/${path}`, import.meta.url)), 'utf8'));

const ALL = EMPTY_ENGINE_FILTER;

/** The engine with the embedded incidents and the real border geography. */
function embeddedEngine() {
  const engine = new IncidentEngine();
  engine.setGeography({
    durandLine: data('durand-line.geojson'),
    crossings: data('crossings.geojson'),
    provinces: data('provinces.geojson'),
    countries: data('basemap/countries.geojson'),
  });
  const reply = engine.load(
    readFileSync(fileURLToPath(new URL('../../data/incidents.geojson', import.meta.url)), 'utf8'),
    {
      datasetId: 'd1',
      source: { kind: 'text', text: '', name: 'embedded' },
      mode: 'replace',
      options: {},
    },
  );
  if (reply.status !== 'loaded') throw new Error('embedded data did not load');
  return engine;
}

const kabulRow = (engine: IncidentEngine) =>
  engine.findRow('2025-10-09-kabul-abdul-haq-square-strike');

describe('Border measures in the engine', () => {
  it('places the Kabul strike on the Afghan side, far from the line, in Kabul province', () => {
    const engine = embeddedEngine();
    const border = engine.feature(kabulRow(engine))!.border!;
    expect(border.side).toBe('AF');
    // The Kurram salient near Parachinar is the closest stretch, about 85 km east-south-east.
    expect(border.distanceKm).toBeGreaterThan(70);
    expect(border.distanceKm).toBeLessThan(100);
    expect(border.provinceName).toBe('Kabul');
    // As the crow flies, Kharlachi (Kurram) is nearer to Kabul than Torkham.
    expect(border.nearestCrossing).toBe('Kharlachi');
  });

  it('splits the located incidents by side, and the sides add up with the unmeasured ones', () => {
    const engine = embeddedEngine();
    const all = engine.query(ALL);
    const af = engine.query({ ...ALL, side: 'AF' }).count;
    const pk = engine.query({ ...ALL, side: 'PK' }).count;
    expect(af).toBeGreaterThan(0);
    expect(pk).toBeGreaterThan(0);
    // Unlocated incidents and the Doha/Istanbul talks (outside both countries) have no side.
    expect(af + pk).toBeLessThanOrEqual(all.count - all.unlocated);
  });

  it('keeps only incidents within a distance band and near a crossing', () => {
    const engine = embeddedEngine();
    const near = engine.list(
      { ...ALL, borderKm: [0, 5] },
      { key: 'date', direction: 'asc' },
      0,
      100,
    ).rows;
    for (const row of near)
      expect(engine.feature(row.row)!.border!.distanceKm).toBeLessThanOrEqual(5);
    const torkham = engine.query({ ...ALL, crossing: { id: 'torkham', km: 30 } }).count;
    expect(torkham).toBeGreaterThan(0);
    expect(torkham).toBeLessThan(engine.query(ALL).count);
  });

  it('adds the computed fields to an export only when asked', async () => {
    const engine = embeddedEngine();
    const filter = { ...ALL, types: ['airstrike'] };
    const plain = JSON.parse(await engine.export(filter, 'geojson').blob.text());
    const computed = JSON.parse(
      await engine.export(filter, 'geojson', { computedFields: true }).blob.text(),
    );
    expect(plain.features[0].properties).not.toHaveProperty('border_side');
    expect(Object.keys(computed.features[0].properties)).toEqual(
      expect.arrayContaining([
        'border_side',
        'border_distance_km',
        'border_chainage_km',
        'nearest_crossing',
        'nearest_crossing_km',
        'admin1_derived',
      ]),
    );
    // Everything else is the feature as loaded.
    const {
      border_side,
      border_distance_km,
      border_chainage_km,
      nearest_crossing,
      nearest_crossing_km,
      admin1_derived,
      ...rest
    } = computed.features[0].properties;
    void [
      border_side,
      border_distance_km,
      border_chainage_km,
      nearest_crossing,
      nearest_crossing_km,
      admin1_derived,
    ];
    expect(rest).toEqual(plain.features[0].properties);
  });

  it('gives the strip chart every located match regardless of its own brush', () => {
    const engine = embeddedEngine();
    const strip = engine.strip({ ...ALL, chainageKm: [0, 10] });
    const all = engine.query(ALL);
    expect(strip.rows.length).toBe(all.count - all.unlocated);
    expect(strip.lengthKm).toBeGreaterThan(2200);
    expect(Math.max(...strip.chainageKm)).toBeLessThanOrEqual(strip.lengthKm);
  });

  it('counts the matching incidents per province', () => {
    const engine = embeddedEngine();
    const counts = engine.query(ALL).provinceCounts;
    const kp = counts.find((p) => p.id === 'PK-KP');
    expect(kp?.count).toBeGreaterThan(10);
    const chosen = engine.query({ ...ALL, province: 'PK-KP' });
    expect(chosen.count).toBe(kp?.count);
    // The other provinces keep their counts while one is chosen.
    expect(chosen.provinceCounts).toEqual(counts);
  });
});

describe('Named stretches of the line', () => {
  it('run from the Iran tripoint through the Afghan border provinces in order', () => {
    const engine = new IncidentEngine();
    const geography = engine.setGeography({
      durandLine: data('durand-line.geojson'),
      crossings: data('crossings.geojson'),
      provinces: data('provinces.geojson'),
      countries: data('basemap/countries.geojson'),
    });
    const names = geography.segments.map((s) => s.name);
    expect(names[0]).toMatch(/Nimroz|Nimruz|Helmand/);
    expect(names).toEqual(
      expect.arrayContaining(['Kandahar', 'Paktika', 'Khost', 'Nangarhar', 'Kunar']),
    );
    expect(names.indexOf('Kandahar')).toBeLessThan(names.indexOf('Nangarhar'));
    for (let i = 1; i < geography.segments.length; i++) {
      expect(geography.segments[i]!.fromKm).toBeGreaterThanOrEqual(
        geography.segments[i - 1]!.fromKm,
      );
    }
  });
});

describe('Computed fields in a CSV export', () => {
  it('follow a CSV file’s own columns', async () => {
    const engine = new IncidentEngine();
    engine.setGeography({
      durandLine: data('durand-line.geojson'),
      crossings: data('crossings.geojson'),
      provinces: data('provinces.geojson'),
      countries: data('basemap/countries.geojson'),
    });
    const csv = 'date,type,longitude,latitude,note\n2025-10-12,ied,71.09,34.12,synthetic\n';
    engine.load(csv, {
      datasetId: 'd1',
      source: { kind: 'text', text: '', name: 'mine.csv' },
      mode: 'replace',
      options: {},
    });
    const [header, row] = (
      await engine.export(ALL, 'csv', { computedFields: true }).blob.text()
    ).split('\r\n');
    expect(header).toBe(
      'date,type,longitude,latitude,note,border_side,border_distance_km,border_chainage_km,nearest_crossing,nearest_crossing_km,admin1_derived',
    );
    expect(row).toMatch(
      /^2025-10-12,ied,71\.09,34\.12,synthetic,PK,\d+(\.\d)?,\d+(\.\d)?,Torkham,/,
    );
    expect((await engine.export(ALL, 'csv').blob.text()).split('\r\n')[0]).toBe(
      'date,type,longitude,latitude,note',
    );
  });
});
