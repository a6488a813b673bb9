/** The map's vector tiles over the table, showing the incidents a filter keeps. */
import { APPROXIMATE_PRECISIONS } from '../../domain/incident-facets';
import { IncidentTiles } from '../../domain/map-tiles/incident-tiles';
import { buildSpatialOrder } from '../../domain/map-tiles/spatial-order';
import type { TileReply } from '../engine-protocol';
import type { IncidentTable } from './incident-table';
import type { Match } from './match-filter';
import { rowPrecisions } from './row-views';

/**
 * One tile for the match of `filterKey`; the tiles' index is made on first need and told the
 * included rows only when the filter changed since the last tile.
 */
export function mapTile(
  table: IncidentTable,
  filterKey: string,
  match: () => Match,
  z: number,
  x: number,
  y: number,
): TileReply {
  const precisionOf = rowPrecisions(table);
  const tiles = (table.tiles ??= new IncidentTiles({
    order: buildSpatialOrder(table.index.lon, table.index.lat),
    typeOf: table.typeOf,
    typeCodes: table.typeCodes,
    // The view's precision alone rather than the facet columns: those (actors…) take seconds at 1M.
    approx: Uint8Array.from(table.incidents, (_, row) =>
      APPROXIMATE_PRECISIONS.has(precisionOf(row)) ? 1 : 0,
    ),
  }));
  if (filterKey !== table.tilesFilterKey) {
    const matched = match();
    tiles.setIncluded(matched.included(true), matched.count - matched.unlocated);
    table.tilesFilterKey = filterKey;
  }
  const { data, etag } = tiles.tile(z, x, y);
  // A view of a larger buffer would post the whole buffer: copy when it is one.
  const bytes =
    data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
      ? (data.buffer as ArrayBuffer)
      : (data.slice().buffer as ArrayBuffer);
  return { data: bytes, etag };
}
