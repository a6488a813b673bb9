import { describe, expect, it } from 'vitest';
import { makeManifest } from './manifest-factory';
import type { PackageManifest } from './package-manifest';
import { heldTileAttributes, PackageManifestError, readPackageManifest } from './package-manifest';

/** The manifest as it arrives: JSON text parsed, so `__proto__` is an own key. */
function parsed(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('readPackageManifest', () => {
  it('reads back a manifest exactly as it was written', () => {
    const manifest = makeManifest();
    expect(readPackageManifest(parsed(manifest))).toEqual(manifest);
  });

  it('reads a package of no incident, with no days and no bounds', () => {
    const manifest = makeManifest({ count: 0, located: 0, days: null, bounds: null, types: [] });
    expect(readPackageManifest(parsed(manifest))).toEqual(manifest);
  });

  it('refuses JSON that is not a package manifest, naming the format found', () => {
    expect(() => readPackageManifest({ format: 'durand-line-map-views', version: 1 })).toThrow(
      /format is "durand-line-map-views", expected "durand-line-map-package"/,
    );
    expect(() => readPackageManifest([])).toThrow(PackageManifestError);
  });

  it('refuses a newer format version with the fix', () => {
    expect(() => readPackageManifest(parsed(makeManifest({ version: 2 as 1 })))).toThrow(
      /manifest.version 2 is not one this app reads/,
    );
  });

  it('reads the zooms of a package written before `border` existed as holding no border attributes', () => {
    const manifest = parsed(makeManifest()) as { tiles: { zooms: Array<{ border?: unknown }> } };
    for (const zoom of manifest.tiles.zooms) delete zoom.border;
    const read = readPackageManifest(manifest);
    expect(read.tiles.zooms.map((zoom) => zoom.border)).toEqual([false, false]);
    expect(heldTileAttributes(read.tiles.zooms)).toEqual(['day', 'type', 'side', 'count']);
    expect(heldTileAttributes(makeManifest().tiles.zooms)).toContain('kmBand');
  });

  it('refuses a zoom whose `border` is not true or false', () => {
    const manifest = parsed(makeManifest()) as { tiles: { zooms: Array<{ border?: unknown }> } };
    manifest.tiles.zooms[0]!.border = 'yes';
    expect(() => readPackageManifest(manifest)).toThrow(/manifest\.tiles\.zooms\[0\]\.border/);
  });

  it('reads the header of a source table where it has one, and a package without it', () => {
    const columns = ['id', 'note', 'note', '__proto__'];
    const withHeader = makeManifest();
    withHeader.source.columns = columns;
    expect(readPackageManifest(parsed(withHeader)).source.columns).toEqual(columns);
    expect(readPackageManifest(parsed(makeManifest())).source).not.toHaveProperty('columns');
  });

  it('refuses a source header that is not a list of texts', () => {
    const manifest = parsed(makeManifest()) as { source: { columns?: unknown } };
    manifest.source.columns = ['id', 7];
    expect(() => readPackageManifest(manifest)).toThrow(/manifest\.source\.columns\[1\] is 7/);
  });

  it('names the nested field and the value it refuses', () => {
    const manifest = parsed(makeManifest()) as { tiles: { zooms: Array<{ z: unknown }> } };
    manifest.tiles.zooms[1]!.z = 'eight';
    expect(() => readPackageManifest(manifest)).toThrow(
      /manifest\.tiles\.zooms\[1\]\.z is "eight", expected a whole number/,
    );
  });

  it('refuses numbers that are not finite', () => {
    for (const bad of [Infinity, -Infinity, NaN]) {
      const manifest = { ...makeManifest(), kmBands: [0, bad] };
      expect(() => readPackageManifest(manifest)).toThrow(/manifest\.kmBands\[1\] is .* finite/);
    }
    expect(() => readPackageManifest({ ...makeManifest(), count: Number.MAX_VALUE })).toThrow(
      /manifest\.count/,
    );
  });

  it('refuses a bin or compression it does not know', () => {
    const manifest = parsed(makeManifest()) as { tiles: { compression: string } };
    manifest.tiles.compression = 'brotli';
    expect(() => readPackageManifest(manifest)).toThrow(
      /manifest\.tiles\.compression is "brotli", expected one of "gzip", "none"/,
    );
  });

  it('ignores __proto__ keys and keeps only known fields', () => {
    const text = JSON.stringify(makeManifest()).replace(
      '{"format"',
      '{"__proto__":{"polluted":true},"extra":1,"format"',
    );
    const manifest = readPackageManifest(JSON.parse(text));
    expect(manifest).toEqual(makeManifest());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(manifest, 'extra')).toBe(false);
  });

  it('refuses bounds that are not four numbers', () => {
    expect(() => readPackageManifest({ ...makeManifest(), bounds: [1, 2, 3] })).toThrow(
      /manifest\.bounds must be \[west, south, east, north\], got 3/,
    );
  });

  it('refuses a missing field by its name', () => {
    const manifest: Partial<PackageManifest> = makeManifest();
    delete manifest.files;
    expect(() => readPackageManifest(manifest)).toThrow(
      /manifest\.files is missing, expected a list/,
    );
  });
});
