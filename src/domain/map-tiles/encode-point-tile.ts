/**
 * Points as one layer of a Mapbox Vector Tile, through @maplibre/vt-pbf: what the in-tab tiles
 * and the dataset package's tiles both write.
 */
import { fromVectorTileJs } from '@maplibre/vt-pbf';

/** Tile coordinates run from 0 to this across a tile. */
export const TILE_EXTENT = 4096;

export interface TileFeature {
  /** Written when given. */
  id?: number;
  /** Web Mercator [0, 1). */
  x: number;
  y: number;
  properties: Record<string, number | string>;
}

type VectorFeature = ReturnType<
  Parameters<typeof fromVectorTileJs>[0]['layers'][string]['feature']
>;

/** Tile (z, x, y) holding `features` as points of layer `layerName`; no bytes when none. */
export function encodePointTile(
  features: readonly TileFeature[],
  layerName: string,
  z: number,
  x: number,
  y: number,
): Uint8Array {
  if (features.length === 0) return new Uint8Array(0);
  const scale = 2 ** z;
  const layer = {
    version: 2,
    name: layerName,
    extent: TILE_EXTENT,
    length: features.length,
    feature: (i: number) => {
      const feature = features[i]!;
      const point = {
        x: Math.round((feature.x * scale - x) * TILE_EXTENT),
        y: Math.round((feature.y * scale - y) * TILE_EXTENT),
      };
      return {
        id: feature.id,
        type: 1 as const,
        extent: TILE_EXTENT,
        properties: feature.properties,
        // vt-pbf reads only x and y of each point.
        loadGeometry: () => [[point]] as unknown as ReturnType<VectorFeature['loadGeometry']>,
      };
    },
  };
  return fromVectorTileJs({ layers: { [layerName]: layer } });
}
