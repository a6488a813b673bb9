// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BorderMeasures } from '../domain/border/border-measures';
import { measureIncidents } from '../domain/border/border-measures';
import type { Incident } from '../domain/incident';
import { importIncidents } from '../domain/import/import-incidents';
import { mercatorX, mercatorY } from '../domain/map-tiles/spatial-order';
import type { PackageManifest } from '../domain/package/package-manifest';
import { PACKAGE_FILES, readPackageManifest, TILE_LAYER } from '../domain/package/package-manifest';
import { KM_BANDS, kmBandOf } from '../domain/package/km-bands';
import { countHistogramDays } from '../domain/package/day-histogram';
import { buildBorderGeography } from '../workers/engine/border-geography';
import { buildPackage, readBorderGeography } from './build-package';
import type { DecodedFeature } from './package-test-kit';
import { readEveryTile, readParquetFile, writeTestCsv } from './package-test-kit';

interface Built {
  manifest: PackageManifest;
  features: DecodedFeature[];
  sizes: number[];
  tileIds: number[];
  addressed: number;
}

let folder: string;
let located: Incident[];
let measures: BorderMeasures;
const builds: Record<'roomy' | 'tight', Built> = {} as never;
/**
 * `tight` forces coarser cells, dense raw tiles and low zooms without the border attributes
 * with a small tile limit.
 */
const TIGHT_LIMIT = 20_000;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'package-archive-'));
  const input = join(folder, 'incidents.csv');
  writeTestCsv(input, 2500, 11);
  const outcome = importIncidents(readFileSync(input));
  if (outcome.status !== 'loaded') throw new Error('the test file needs a mapping');
  located = outcome.set.incidents.filter((i) => i.lon !== null);
  const border = buildBorderGeography(readBorderGeography());
  measures = measureIncidents(
    border,
    Float64Array.from(located, (i) => i.lon!),
    Float64Array.from(located, (i) => i.lat!),
  );
  const options = {
    roomy: { rawTilePoints: 150 },
    tight: { rawTilePoints: 1000, maxTileBytes: TIGHT_LIMIT },
  };
  for (const name of ['roomy', 'tight'] as const) {
    const outDir = join(folder, name);
    await buildPackage({ input, outDir, tiles: options[name] });
    const manifest = readPackageManifest(
      JSON.parse(readFileSync(join(outDir, PACKAGE_FILES.manifest), 'utf8')),
    );
    const tiles = await readEveryTile(join(outDir, PACKAGE_FILES.tiles), TILE_LAYER);
    builds[name] = { manifest, ...tiles, addressed: tiles.header.numAddressedTiles };
  }
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(['roomy', 'tight'] as const)('the %s archive', (name) => {
  it('holds tiles the pmtiles reader finds, every one decoded and under the limit', () => {
    const { manifest, sizes, tileIds, addressed } = builds[name];
    expect(tileIds.length).toBe(addressed);
    expect(new Set(tileIds).size).toBe(addressed);
    expect(manifest.tiles.tileCount).toBe(addressed);
    const limit = name === 'tight' ? TIGHT_LIMIT : 500_000;
    expect(Math.max(...sizes)).toBeLessThanOrEqual(limit);
    expect(Math.max(...sizes)).toBe(manifest.tiles.maxTileBytes);
  });

  it('answers any date window exactly at every zoom: each aggregated zoom holds its days', () => {
    const { manifest } = builds[name];
    expect(manifest.tiles.zooms.every((zoom) => zoom.bin === 'days')).toBe(true);
  });

  it('has aggregated zooms below rawMinZoom and raw ones from it', () => {
    const { manifest, features } = builds[name];
    expect(manifest.tiles.rawMinZoom).toBeGreaterThan(1);
    for (const zoom of manifest.tiles.zooms) {
      const atZoom = features.filter((f) => f.z === zoom.z);
      expect(zoom.raw).toBe(zoom.z >= manifest.tiles.rawMinZoom);
      if (!zoom.raw) expect(atZoom.every((f) => f.properties.count! >= 1)).toBe(true);
    }
  });

  it('adds up to the input at every zoom for any date window, type set, side, province set and distance bands', () => {
    const { manifest, features } = builds[name];
    const types = manifest.types.map((t) => t.code);
    const days = located.map((i) => i.dayNumber);
    const [first, last] = [Math.min(...days), Math.max(...days)];
    const bandOf = (km: number) => kmBandOf(km, manifest.kmBands);
    // A raw point holds its km, an aggregated one its band.
    const bandOfPoint = (p: Record<string, number>) =>
      p.count === undefined ? bandOf(p.km!) : p.kmBand!;
    fc.assert(
      fc.property(
        fc.integer({ min: first - 3, max: last + 3 }),
        fc.integer({ min: 0, max: 400 }),
        fc.subarray(types.map((_, code) => code)),
        fc.constantFrom(null, 0, 1, 2),
        fc.option(fc.subarray([-1, ...manifest.provinces.map((_, index) => index)])),
        fc.option(
          fc
            .tuple(fc.nat(KM_BANDS.length - 1), fc.nat(KM_BANDS.length - 1))
            .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
        ),
        (start, length, typeSet, side, provinceSet, bandRange) => {
          const chosen = new Set(typeSet);
          const provinces = provinceSet === null ? null : new Set(provinceSet);
          const keepsBorder = (s: number, province: number, band: number) =>
            (side === null || s === side) &&
            (provinces === null || provinces.has(province)) &&
            (bandRange === null || (band >= bandRange[0] && band <= bandRange[1]));
          for (const zoom of manifest.tiles.zooms) {
            // A zoom without the border attributes answers no province or distance filter.
            if (!zoom.border && (provinces !== null || bandRange !== null)) continue;
            const [from, to] = [start, start + length];
            const expected = located.filter(
              (i, row) =>
                i.dayNumber >= from &&
                i.dayNumber <= to &&
                chosen.has(types.indexOf(i.type)) &&
                keepsBorder(
                  measures.side[row]!,
                  measures.province[row]!,
                  bandOf(measures.distanceKm[row]!),
                ),
            ).length;
            let counted = 0;
            for (const f of features) {
              const p = f.properties;
              if (f.z !== zoom.z || !chosen.has(p.type!)) continue;
              if (!keepsBorder(p.side!, p.province!, bandOfPoint(p))) continue;
              // An aggregated point counts the days of the window; a raw one is in or out.
              if (p.days !== undefined) counted += countHistogramDays(p.days, from, to);
              else if (p.day! >= from && p.day! <= to) counted++;
            }
            expect({ z: zoom.z, counted }).toEqual({ z: zoom.z, counted: expected });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the border attributes of aggregated points', () => {
  it('are held at every zoom of the roomy archive', () => {
    expect(builds.roomy.manifest.tiles.zooms.every((zoom) => zoom.border)).toBe(true);
  });

  it('are left out of every zoom when zoom 0 cannot hold them even in one cell', () => {
    const { zooms } = builds.tight.manifest.tiles;
    // The tight limit is below what zoom 0 needs with them: no aggregated zoom holds them, and
    // the raw zoom whose dense tiles are aggregated says so.
    expect(zooms.filter((zoom) => !zoom.raw).every((zoom) => !zoom.border)).toBe(true);
    expect(builds.tight.manifest.tiles.denseTiles).toBeGreaterThan(0);
    expect(zooms.some((zoom) => zoom.raw && !zoom.border)).toBe(true);
    for (const f of builds.tight.features) {
      const zoom = zooms.find((z) => z.z === f.z)!;
      if (f.properties.count === undefined) continue;
      expect({ z: f.z, border: 'province' in f.properties && 'kmBand' in f.properties }).toEqual({
        z: f.z,
        border: zoom.border,
      });
    }
  });
});

describe('raw points', () => {
  it('round-trip with their attributes, once per incident at every raw zoom', async () => {
    const { manifest, features } = builds.roomy;
    const rows = await Promise.all(
      manifest.rows.partitions.map(
        async (p) => (await readParquetFile(join(folder, 'roomy', p.file))).rows,
      ),
    );
    const rowOf = new Map(located.map((incident, row) => [incident.key, row]));
    for (const zoom of manifest.tiles.zooms.filter((z) => z.raw)) {
      const raw = features.filter((f) => f.z === zoom.z);
      expect(raw).toHaveLength(located.length);
      const seen = new Set<string>();
      for (const { properties: p, mx, my } of raw) {
        seen.add(`${p.part}/${p.row}`);
        const id = rows[p.part!]![p.row!]!.id as string;
        const r = rowOf.get(id)!;
        const incident = located[r]!;
        expect(p).toEqual({
          day: incident.dayNumber,
          type: manifest.types.findIndex((t) => t.code === incident.type),
          side: measures.side[r],
          km: measures.distanceKm[r],
          chainage: measures.chainageKm[r],
          province: measures.province[r],
          crossing: measures.nearestCrossing[r],
          crossingKm: measures.nearestCrossingKm[r],
          part: p.part,
          row: p.row,
        });
        // Placed within one tile unit (a 4096th of the tile).
        const unit = 1 / 4096 / 2 ** zoom.z;
        expect(Math.abs(mx - mercatorX(incident.lon!))).toBeLessThanOrEqual(unit);
        expect(Math.abs(my - mercatorY(incident.lat!))).toBeLessThanOrEqual(unit);
      }
      expect(seen.size).toBe(located.length);
    }
  });

  it('are aggregated in the tight archive where a tile cannot hold them, and say so', () => {
    const { manifest, features } = builds.tight;
    const dense = features.filter(
      (f) => f.z >= manifest.tiles.rawMinZoom && f.properties.count !== undefined,
    );
    expect(manifest.tiles.denseTiles).toBeGreaterThan(0);
    expect(dense.length).toBeGreaterThan(0);
  });
});
