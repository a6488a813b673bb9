// @vitest-environment node
/**
 * A package built from generated incidents, served by a range server, answers like the in-tab
 * engine holding the same incidents: count, timeline, types, list, details and exports, for
 * random date windows and type sets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRandom } from '../../../tests/gen/synthetic-incidents';
import { formatDayNumber, parseDay } from '../../domain/incident-date';
import type { EngineFilter, ListSort } from '../engine-protocol';
import { EMPTY_ENGINE_FILTER } from '../engine-protocol';
import type { CallName, CallRequest } from '../engine-calls';
import { createEngineHandler } from '../engine-host';
import type { IncidentEngine } from '../incident-engine';
import type { ServedPackage } from './test-package';
import { loadBoth, servePackage } from './test-package';

let served: ServedPackage;
let inTab: IncidentEngine;
let packaged: IncidentEngine;

beforeAll(async () => {
  served = await servePackage(4_000);
  ({ inTab, packaged } = await loadBoth(served));
}, 120_000);

afterAll(() => served?.close());

/** Random date windows and type sets over the data's extent. */
function randomFilters(n: number, seed: number): EngineFilter[] {
  const random = makeRandom(seed);
  const { dayExtent, typeCodes } = inTab.summarise();
  const first = parseDay(dayExtent!.from)!.dayNumber;
  const last = parseDay(dayExtent!.to)!.dayNumber;
  return Array.from({ length: n }, () => {
    const a = first + Math.floor(random() * (last - first + 1));
    const b = Math.min(last, a + Math.floor(random() * 120));
    const types = typeCodes.filter(() => random() < 0.5);
    return {
      ...EMPTY_ENGINE_FILTER,
      from: random() < 0.2 ? null : formatDayNumber(a),
      to: random() < 0.2 ? null : formatDayNumber(b),
      types: random() < 0.2 ? null : types,
      side: random() < 0.3 ? (random() < 0.5 ? 'AF' : 'PK') : null,
    };
  });
}

const source = () => packaged.source;

/** The package's zoom-0 tile for `filter` sums to the located incidents the tab keeps. */
async function expectLowestZoomDraws(filter: EngineFilter): Promise<void> {
  const located = inTab.query(filter, false);
  source().query(filter, false);
  const { VectorTile } = await import('@mapbox/vector-tile');
  const { PbfReader } = await import('pbf');
  const tile = await source().tile(0, 0, 0);
  const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers.incidents!;
  let sum = 0;
  for (let i = 0; i < layer.length; i++)
    sum += Number(layer.feature(i).properties.point_count ?? 1);
  expect(sum).toBe(located.count - located.unlocated);
}

/** The id of the province holding the most incidents. */
function busiestProvince(): string {
  const { provinceCounts } = inTab.query(EMPTY_ENGINE_FILTER, true);
  return [...provinceCounts].sort((a, b) => b.count - a.count)[0]!.id;
}

describe('A package source', () => {
  it('names the package and its types as the in-tab engine does', () => {
    expect(packaged.source).not.toBe(packaged);
    const summary = packaged.summarise();
    expect(summary.package).toMatchObject({ name: served.name, kmBands: expect.any(Array) });
    expect(summary).toMatchObject({
      total: inTab.summarise().total,
      typeCodes: inTab.summarise().typeCodes,
      dayExtent: inTab.summarise().dayExtent,
    });
  });

  it('counts, stacks the timeline and counts the types as the in-tab engine does', () => {
    let matched = 0;
    for (const filter of randomFilters(40, 3)) {
      const expected = inTab.query(filter, false);
      matched += expected.count;
      const actual = source().query(filter, false);
      expect(actual.count).toBe(expected.count);
      expect(actual.unlocated).toBe(expected.unlocated);
      expect(actual.typeCounts).toEqual(expected.typeCounts);
      expect(actual.timeline.startDay).toBe(expected.timeline.startDay);
      expect(actual.timeline.days).toBe(expected.timeline.days);
      expect(Array.from(actual.timeline.byType)).toEqual(Array.from(expected.timeline.byType));
    }
    expect(matched).toBeGreaterThan(0);
  });

  it('counts the incidents per province as the in-tab choropleth does', () => {
    const [filter] = randomFilters(1, 5);
    const byId = (reply: { provinceCounts: Array<{ id: string; count: number }> }) =>
      Object.fromEntries(reply.provinceCounts.map((p) => [p.id, p.count]));
    expect(byId(source().query(filter!, true))).toEqual(byId(inTab.query(filter!, true)));
  });

  it('lists pages in the in-tab order, newest or oldest first, and knows each row’s place', async () => {
    const sorts: ListSort[] = [
      { key: 'date', direction: 'desc' },
      { key: 'date', direction: 'asc' },
    ];
    for (const [i, filter] of randomFilters(6, 7).entries()) {
      const sort = sorts[i % 2]!;
      for (const offset of [0, 37]) {
        const expected = inTab.list(filter, sort, offset, 25);
        const actual = await source().list(filter, sort, offset, 25);
        expect(actual.total).toBe(expected.total);
        const withoutRow = ({ row: _, ...rest }: { row: number }) => rest;
        expect(actual.rows.map(withoutRow)).toEqual(expected.rows.map(withoutRow));
        const last = actual.rows.at(-1);
        if (last)
          await expect(source().listPosition(filter, sort, last.row)).resolves.toBe(
            offset + actual.rows.length - 1,
          );
      }
    }
  });

  describe.each([
    ['a province', () => ({ province: busiestProvince() })],
    ['a distance range on band edges', () => ({ borderKm: [5, 25] as [number, number] })],
    [
      'a province and a distance range',
      () => ({ province: busiestProvince(), borderKm: [0, 10] as [number, number] }),
    ],
  ])('with %s', (_, border) => {
    const filters = () => randomFilters(6, 17).map((filter) => ({ ...filter, ...border() }));

    it('counts and stacks the timeline as the in-tab engine does', () => {
      let matched = 0;
      for (const filter of filters()) {
        const expected = inTab.query(filter, false);
        matched += expected.count;
        const actual = source().query(filter, false);
        expect(actual.count).toBe(expected.count);
        expect(actual.typeCounts).toEqual(expected.typeCounts);
        expect(Array.from(actual.timeline.byType)).toEqual(Array.from(expected.timeline.byType));
      }
      expect(matched).toBeGreaterThan(0);
    });

    it('lists and exports as the in-tab engine does', async () => {
      const sort: ListSort = { key: 'date', direction: 'desc' };
      for (const filter of filters().slice(0, 2)) {
        const expected = inTab.list(filter, sort, 0, 25);
        const actual = await source().list(filter, sort, 0, 25);
        expect(actual.total).toBe(expected.total);
        const withoutRow = ({ row: _, ...rest }: { row: number }) => rest;
        expect(actual.rows.map(withoutRow)).toEqual(expected.rows.map(withoutRow));
        for (const format of ['geojson', 'csv'] as const) {
          const extras = { computedFields: format === 'csv' };
          const want = inTab.export(filter, format, extras);
          const got = await source().export(filter, format, extras);
          expect(await got.blob.text()).toBe(await want.blob.text());
        }
      }
    });

    it('draws at the lowest zoom the located incidents it keeps', async () => {
      const filter = { ...EMPTY_ENGINE_FILTER, ...border() };
      expect(inTab.query(filter, false).count).toBeGreaterThan(0);
      await expectLowestZoomDraws(filter);
    });
  });

  it('opens one incident with its border fields as the in-tab details do', async () => {
    const sort: ListSort = { key: 'date', direction: 'desc' };
    const [row] = (await source().list(EMPTY_ENGINE_FILTER, sort, 3, 1)).rows;
    const [expectedRow] = inTab.list(EMPTY_ENGINE_FILTER, sort, 3, 1).rows;
    const actual = await source().feature(row!.row);
    const expected = inTab.feature(expectedRow!.row);
    expect({ ...actual, row: 0 }).toEqual({ ...expected, row: 0 });
    expect(source().findRow(actual!.key)).toBe(row!.row);
  });

  it('exports GeoJSON and CSV equal to the in-tab export of the same filter', async () => {
    for (const filter of randomFilters(3, 13)) {
      for (const format of ['geojson', 'csv'] as const) {
        const extras = { computedFields: format === 'csv' };
        const expected = inTab.export(filter, format, extras);
        const actual = await source().export(filter, format, extras);
        expect(actual.fileName).toBe(expected.fileName);
        expect(await actual.blob.text()).toBe(await expected.blob.text());
      }
    }
  });

  it('draws at the lowest zoom the located incidents the filter keeps, summed per cell', async () => {
    const filter = { ...EMPTY_ENGINE_FILTER, types: inTab.summarise().typeCodes.slice(0, 3) };
    await expectLowestZoomDraws(filter);
  });

  it('refuses a filter it cannot answer, saying what it holds', () => {
    expect(() => source().query({ ...EMPTY_ENGINE_FILTER, text: 'torkham' }, false)).toThrow(
      'This package cannot answer this filter: it holds counts by day, type, side, province and distance band.',
    );
  });

  it('refuses a distance range off its band edges, listing the bands', () => {
    expect(() => source().query({ ...EMPTY_ENGINE_FILTER, borderKm: [0, 20] }, false)).toThrow(
      /This package answers distances by its bands only \(0–1, 1–2, .* 500\+ km\)/,
    );
  });

  it('reads the rows by range requests only, never a whole row file', () => {
    const rows = served.server.requests.filter((r) => r.path.startsWith('/rows/'));
    expect(rows.length).toBeGreaterThan(0);
    for (const request of rows) {
      expect(request.status).toBe(206);
      expect(request.bytes).toBeLessThan(request.fileBytes);
    }
  });

  it('lets a query go on while the engine host waits on the package for an export', async () => {
    const order: string[] = [];
    const done = new Map<number, () => void>();
    const handle = createEngineHandler((message) => {
      if ('progress' in message) return;
      order.push(message.call);
      done.get(message.id)?.();
    });
    const ask = <K extends CallName>(request: CallRequest<K>) =>
      new Promise<void>((resolve) => {
        done.set(request.id, resolve);
        handle(request);
      });
    const url = served.manifestUrl;
    const source = { kind: 'package' as const, url, name: url };
    await ask({
      id: 1,
      call: 'load',
      args: [{ datasetId: 'd1', source, mode: 'replace', options: {} }],
    });
    order.length = 0;
    const exported = ask({ id: 2, call: 'export', args: [EMPTY_ENGINE_FILTER, 'csv', {}] });
    await ask({ id: 3, call: 'query', args: [EMPTY_ENGINE_FILTER, false] });
    await exported;
    expect(order).toEqual(['query', 'export']);
  });
});
