/**
 * A filter as a dataset package answers it: day bounds, ticked types and the border filters its
 * counts, tiles and rows hold (side, province, distance), in the package's own codes. The tests
 * here are the package's row test, written once for a count row, a tile point and a row.
 */
import { SIDE_CODES } from '../../domain/package/package-manifest';
import type { PackageManifest } from '../../domain/package/package-manifest';
import { describePackageRefusal, unansweredDimensions } from '../../domain/filters/package-answers';
import { heldTileAttributes } from '../../domain/package/package-manifest';
import { toIndexQuery } from '../../domain/incident-index';
import type { EngineFilter } from '../engine-protocol';

export interface PackageQuery {
  /** Inclusive day bounds (days since 1970-01-01); infinite when open. */
  fromDay: number;
  toDay: number;
  /** Per type code of the package (position in manifest.types): 1 when it is kept. */
  types: Uint8Array;
  /** SIDE_CODES of the side kept, or null for both. */
  side: number | null;
  /** Index into manifest.provinces of the province kept (-2: one it does not know), or null. */
  province: number | null;
  /** Distance range kept, km, inclusive; null for any. */
  km: readonly [number, number] | null;
  /** Per distance band: 1 when the band lies in `km` (null for any distance). */
  bands: Uint8Array | null;
  /** The dataset selection leaves the package out: nothing matches. */
  none: boolean;
}

/** The border and type attributes of one count row, tile point or row. */
export interface Cell {
  type: number;
  side: number;
  /** Index into manifest.provinces, -1 none. */
  province: number;
  /** Distance band (index into manifest.kmBands), -1 unmeasured; used by count rows. */
  band: number;
  /** Distance from the line, km; NaN unmeasured. Used by tile points and rows. */
  km: number;
}

/**
 * The package's form of `filter`. Throws for a filter it cannot answer: the page shows those
 * controls disabled, so only a hand-made request meets this.
 */
export function compileQuery(
  filter: EngineFilter,
  manifest: PackageManifest,
  datasetId: string,
): PackageQuery {
  const terms = {
    kmBands: manifest.kmBands,
    tileAttributes: heldTileAttributes(manifest.tiles.zooms),
  };
  const refused = unansweredDimensions(filter, terms);
  if (refused.length > 0)
    throw new Error(refused.map((r) => describePackageRefusal(r.reason)).join(' '));
  const { fromDay, toDay } = toIndexQuery(filter);
  const ticked = filter.types === null ? null : new Set(filter.types);
  const km = filter.borderKm;
  const edges = manifest.kmBands;
  return {
    fromDay: fromDay ?? -Infinity,
    toDay: toDay ?? Infinity,
    types: Uint8Array.from(manifest.types, ({ code }) => (!ticked || ticked.has(code) ? 1 : 0)),
    side: filter.side === null ? null : SIDE_CODES[filter.side],
    province: filter.province === null ? null : provinceIndex(manifest, filter.province),
    km,
    // On band edges (checked above): band i is kept when it starts in the range and ends by its end.
    bands:
      km === null
        ? null
        : Uint8Array.from(edges, (from) => (from >= km[0] && from < km[1] ? 1 : 0)),
    none: filter.datasets !== null && !filter.datasets.includes(datasetId),
  };
}

/** Whether a cell passes every filter but the dates and the types (border filters only). */
export function keepsBorder(query: PackageQuery, cell: Cell, byBand: boolean): boolean {
  if (query.none) return false;
  if (query.side !== null && cell.side !== query.side) return false;
  if (query.province !== null && cell.province !== query.province) return false;
  if (query.km === null) return true;
  if (byBand) return cell.band >= 0 && query.bands![cell.band] === 1;
  return !Number.isNaN(cell.km) && cell.km >= query.km[0] && cell.km <= query.km[1];
}

/** Whether a tile point or a row passes the whole filter. */
export function keepsPoint(query: PackageQuery, day: number, cell: Cell): boolean {
  return (
    day >= query.fromDay &&
    day <= query.toDay &&
    query.types[cell.type] === 1 &&
    keepsBorder(query, cell, false)
  );
}

/** A province id's index in the manifest; -2 (which no cell has) for an id it does not know. */
function provinceIndex(manifest: PackageManifest, id: string): number {
  const at = manifest.provinces.findIndex((p) => p.id === id);
  return at < 0 ? -2 : at;
}
