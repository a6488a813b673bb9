import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  HeatmapLayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import {
  CLUSTER_ABOVE,
  CLUSTER_MAX_ZOOM,
  INCIDENT_TILE_LAYER,
} from '../domain/map-tiles/incident-tiles';
import { INCIDENT_TYPES } from '../domain/taxonomy';
import { createTypeDescriber } from '../domain/type-describer';
import type { PaintChange } from './basemap-style';
import { INCIDENT_PALETTE } from './incident-palette';

export { CLUSTER_ABOVE, CLUSTER_MAX_ZOOM };

export const INCIDENT_SOURCE = 'incidents';
/** Single incidents (never clusters): the layer clicks, highlights and tests read. */
export const INCIDENT_LAYER = 'incidents-circles';
export const CLUSTER_LAYER = 'incidents-clusters';
export const CLUSTER_COUNT_LAYER = 'incidents-cluster-count';
export const HEATMAP_LAYER = 'incidents-heatmap';

/** The deepest zoom of the map and of its incident tiles. */
export const MAP_MAX_ZOOM = 14;
/** With the heatmap on, single incidents appear from this zoom, where the heatmap fades out. */
export const HEATMAP_UNTIL_ZOOM = 9;

/**
 * Whether a set of this many located points is clustered at low zoom (the engine's tiles do it,
 * see incident-tiles.ts). The embedded incidents (122) stay individual, so each stays clickable.
 */
export function shouldCluster(locatedCount: number): boolean {
  return locatedCount > CLUSTER_ABOVE;
}

/**
 * `match` needs a colour for codes it does not list. The tiles are made from the same table as
 * the loaded type codes, so it only shows while tiles of data just replaced are still drawn.
 */
const UNLISTED_COLOUR = '#8c8c8c';

/**
 * Circle colour by `properties.type`: each of the loaded type codes in its colour, as the
 * legend, filters and list give it (see type-describer.ts), and the taxonomy's codes in theirs.
 * Codes of one colour share one branch (`[codes…], colour`): a file may bring tens of thousands
 * of types, and MapLibre parses a branch per colour much faster than one per code.
 */
export function incidentColourExpression(typeCodes: readonly string[]): ExpressionSpecification {
  const describe = createTypeDescriber(typeCodes);
  const codes = new Set([...INCIDENT_TYPES.map((type) => type.code), ...typeCodes]);
  const byColour = new Map<string, string[]>();
  for (const code of codes) {
    const colour = describe(code).colour;
    const group = byColour.get(colour);
    if (group) group.push(code);
    else byColour.set(colour, [code]);
  }
  return [
    'match',
    ['get', 'type'],
    ...[...byColour].flatMap(([colour, group]) => [group, colour]),
    UNLISTED_COLOUR,
  ] as unknown as ExpressionSpecification;
}

/**
 * True for points placed at an area's centre (district, province or other), whose position must
 * not look exact. `properties.approx` is 1 for those (see incident-tiles.ts).
 */
const APPROXIMATE: ExpressionSpecification = ['==', ['get', 'approx'], 1];
const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const NOT_CLUSTER: ExpressionSpecification = ['!', ['has', 'point_count']];

/**
 * The incidents come as vector tiles that the engine makes for the current filter, through a
 * protocol of the app's own (`tileUrl` is its template, see incident-map.ts): whatever the number
 * of incidents, the page only handles the tiles in view, and MapLibre's worker parses them.
 */
export function incidentSourceSpec(tileUrl: string): VectorSourceSpecification {
  return { type: 'vector', tiles: [tileUrl], minzoom: 0, maxzoom: MAP_MAX_ZOOM };
}

/** Every incident layer reads the tiles' one layer. */
const FROM_TILES = { source: INCIDENT_SOURCE, 'source-layer': INCIDENT_TILE_LAYER } as const;

/**
 * Exact places: a filled dot in the type's colour. Approximate ones: a larger ring in the type's
 * colour with an almost transparent fill, drawn below the exact ones, so a district centre
 * does not read as a precise position.
 */
function incidentCircles(typeCodes: readonly string[]): CircleLayerSpecification {
  const colour = incidentColourExpression(typeCodes);
  return {
    id: INCIDENT_LAYER,
    type: 'circle',
    ...FROM_TILES,
    filter: NOT_CLUSTER,
    layout: { 'circle-sort-key': ['case', APPROXIMATE, 0, 1] },
    paint: {
      'circle-color': colour,
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        ['case', APPROXIMATE, 7, 5],
        10,
        ['case', APPROXIMATE, 13, 9],
      ],
      'circle-opacity': ['case', APPROXIMATE, 0.12, 0.9],
      'circle-stroke-color': [
        'case',
        SELECTED,
        INCIDENT_PALETTE.selectedRim,
        APPROXIMATE,
        colour,
        INCIDENT_PALETTE.rim,
      ],
      'circle-stroke-width': ['case', SELECTED, 3, APPROXIMATE, 2.2, 1.2],
      'circle-stroke-opacity': 1,
    },
  };
}

/**
 * The paint that colours incidents by type, for `typeCodes`: set on a running map when other
 * data is loaded. (MapLibre lays the tiles it holds out again, without asking for them anew.)
 */
export function incidentColourPaints(typeCodes: readonly string[]): PaintChange[] {
  const paint = incidentCircles(typeCodes).paint!;
  return (['circle-color', 'circle-stroke-color'] as const).map((property) => ({
    layer: INCIDENT_LAYER,
    property,
    value: paint[property],
  }));
}

/** A value that depends on the feature in form only, for `sameProgram`. */
const perFeature = (value: number | string): ExpressionSpecification => [
  'case',
  ['has', 'point_count'],
  value,
  value,
];
const clusterRadius: ExpressionSpecification = [
  'step',
  ['get', 'point_count'],
  12,
  50,
  16,
  500,
  21,
  5_000,
  27,
];

/**
 * Clusters: a dark disc sized by the number of incidents. Its paint depends on the feature and
 * the zoom exactly where the incident circles' does (to the same values at every zoom), so both
 * layers share one WebGL program: without a GPU, compiling a program holds the page for ~200 ms
 * the first time it is drawn, which would fall on the first single incident after a clustered
 * start, often in the middle of a drag.
 */
const clusterCircles: CircleLayerSpecification = {
  id: CLUSTER_LAYER,
  type: 'circle',
  ...FROM_TILES,
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': perFeature(INCIDENT_PALETTE.cluster),
    'circle-opacity': perFeature(0.8),
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, clusterRadius, 10, clusterRadius],
    'circle-stroke-color': perFeature(INCIDENT_PALETTE.clusterRim),
    'circle-stroke-width': perFeature(2),
    'circle-stroke-opacity': 1,
  },
};

const clusterCounts: SymbolLayerSpecification = {
  id: CLUSTER_COUNT_LAYER,
  type: 'symbol',
  ...FROM_TILES,
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['get', 'point_count_abbreviated'],
    'text-font': ['sans-serif'],
    'text-size': 12,
    // Always drawn, and place labels make way for it.
    'text-allow-overlap': true,
    'text-ignore-placement': false,
  },
  paint: { 'text-color': INCIDENT_PALETTE.clusterText },
};

/** The id of the source and layer of `clusterCountWarmUp`. */
export const WARM_UP = 'incidents-warm-up';

/**
 * A cluster count of one all-but-transparent "0" at `at`, drawn once when the incidents' map
 * starts and then removed: it compiles the WebGL program that writes cluster counts (the same
 * program: constant paint of the same kinds). Without a GPU that compilation holds the page
 * ~200 ms, which would otherwise fall on the first large file opened.
 */
export function clusterCountWarmUp(at: [number, number]): {
  source: GeoJSONSourceSpecification;
  layer: SymbolLayerSpecification;
} {
  return {
    source: {
      type: 'geojson',
      data: { type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: {} },
    },
    layer: {
      id: WARM_UP,
      type: 'symbol',
      source: WARM_UP,
      layout: { ...clusterCounts.layout, 'text-field': '0' },
      paint: { ...clusterCounts.paint, 'text-opacity': 0.01 },
    },
  };
}

/** Density of incidents; a cluster weighs as many incidents as it holds. Hidden until asked for. */
const heatmap: HeatmapLayerSpecification = {
  id: HEATMAP_LAYER,
  type: 'heatmap',
  ...FROM_TILES,
  maxzoom: HEATMAP_UNTIL_ZOOM + 1,
  layout: { visibility: 'none' },
  paint: {
    'heatmap-weight': ['coalesce', ['get', 'point_count'], 1],
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 4, 0.6, HEATMAP_UNTIL_ZOOM, 2],
    'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 4, 14, HEATMAP_UNTIL_ZOOM, 30],
    'heatmap-opacity': [
      'interpolate',
      ['linear'],
      ['zoom'],
      HEATMAP_UNTIL_ZOOM - 1,
      0.85,
      HEATMAP_UNTIL_ZOOM + 1,
      0,
    ],
    'heatmap-color': [
      'interpolate',
      ['linear'],
      ['heatmap-density'],
      ...INCIDENT_PALETTE.heatmap.flat(),
    ] as unknown as ExpressionSpecification,
  },
};

/** The incident layers, bottom to top, coloured for `typeCodes`. */
export function incidentLayers(typeCodes: readonly string[]) {
  return [heatmap, incidentCircles(typeCodes)];
}
/** Clusters go over single incidents, so that their numbers stay readable. */
export const CLUSTER_LAYERS = [clusterCircles, clusterCounts];

/**
 * The style of the incident overlay (see incident-overlay.ts): the incident tiles and their
 * layers on a transparent canvas, with no `glyphs` URL, so cluster counts are written in the
 * browser's own fonts. Incidents are coloured for the loaded `typeCodes`.
 */
export function buildIncidentStyle(
  tileUrl: string,
  typeCodes: readonly string[],
): StyleSpecification {
  return {
    version: 8,
    name: 'Durand Line incidents',
    sources: { [INCIDENT_SOURCE]: incidentSourceSpec(tileUrl) },
    layers: [...incidentLayers(typeCodes), ...CLUSTER_LAYERS],
  };
}

export interface LayerMode {
  id: string;
  visible: boolean;
  minzoom: number;
}

/**
 * What the heatmap switch changes: with it on, the heatmap replaces clusters and circles at low
 * zoom, and single incidents come back where it fades out.
 */
export function incidentLayerModes(heatmapOn: boolean): LayerMode[] {
  return [
    { id: HEATMAP_LAYER, visible: heatmapOn, minzoom: 0 },
    { id: CLUSTER_LAYER, visible: !heatmapOn, minzoom: 0 },
    { id: CLUSTER_COUNT_LAYER, visible: !heatmapOn, minzoom: 0 },
    { id: INCIDENT_LAYER, visible: true, minzoom: heatmapOn ? HEATMAP_UNTIL_ZOOM : 0 },
  ];
}
