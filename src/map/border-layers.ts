import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import type { ColourScheme } from './colour-scheme';

/**
 * The border analytics drawn on the map: official crossings, the distance band of the current
 * filter and the province choropleth. Layer specs are plain data; the map class feeds the sources.
 */

export const CROSSING_SOURCE = 'crossings';
/** The crossings' diamonds and names, one symbol layer (clicks and tests read it). */
export const CROSSING_LAYER = 'crossings';
/** The diamond, a signed-distance image so that its colour and rim follow the colour scheme. */
export const CROSSING_ICON = 'crossing-diamond';

export const BAND_SOURCE = 'distance-band';
export const BAND_FILL_LAYER = 'distance-band-fill';
export const BAND_OUTLINE_LAYER = 'distance-band-outline';

export const PROVINCE_SOURCE = 'provinces';
export const PROVINCE_FILL_LAYER = 'provinces-fill';
export const PROVINCE_OUTLINE_LAYER = 'provinces-outline';
export const PROVINCE_SELECTED_LAYER = 'provinces-selected';

/** Static files these layers read, relative to the app. */
export const BORDER_FILES = {
  crossings: 'data/crossings.geojson',
  provinces: 'data/provinces.geojson',
} as const;

/**
 * What a feature of the band source is: `band`, the area between the two distances, filled;
 * `beyond`, the near edge of an open-ended band ("50 km and more"), outlined only.
 */
export type BandKind = 'band' | 'beyond';

/**
 * The choropleth's sequential ramp, lowest to highest count. Both are single-hue purples (safe
 * for the common colour-vision deficiencies); on the dark basemap the ramp runs from dark to
 * light, so that the busiest provinces stand out there too.
 */
export const PROVINCE_RAMPS = {
  light: ['#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
  dark: ['#3f2a6b', '#5b3f94', '#7d62b8', '#a48fd3', '#d4c8f0'],
} as const satisfies Record<ColourScheme, readonly string[]>;

/** The border layers' colours per scheme; the legend draws its swatches in them. */
export const BORDER_PALETTES = {
  light: {
    crossing: '#7a1f3d',
    crossingRim: '#ffffff',
    crossingText: '#5c1730',
    crossingHalo: '#ffffff',
    band: '#1f78b4',
    provinceOutline: '#5b4a8a',
    provinceSelected: '#1b0d3f',
  },
  dark: {
    crossing: '#ff5c8d',
    crossingRim: '#101010',
    crossingText: '#ff9dbb',
    crossingHalo: '#111111',
    band: '#6cb6ff',
    provinceOutline: '#a898d8',
    provinceSelected: '#ffffff',
  },
} as const satisfies Record<ColourScheme, Record<string, string>>;

/** How much of the basemap shows through the distance band's fill. */
export const BAND_FILL_OPACITY = {
  light: 0.2,
  dark: 0.24,
} as const satisfies Record<ColourScheme, number>;

/**
 * A province's fill: no fill without incidents, else its place on the ramp by `share`
 * (count / largest count), both set as feature state.
 */
function provinceFill(scheme: ColourScheme): ExpressionSpecification {
  const ramp = PROVINCE_RAMPS[scheme];
  const share: ExpressionSpecification = ['coalesce', ['feature-state', 'share'], 0];
  const stops = ramp.flatMap((colour, i) => [i / (ramp.length - 1), colour]);
  return [
    'case',
    ['>', ['coalesce', ['feature-state', 'count'], 0], 0],
    ['interpolate', ['linear'], share, ...stops] as unknown as ExpressionSpecification,
    'rgba(0,0,0,0)',
  ];
}

/** Every source the border layers read; the band and provinces start empty and are fed later. */
export function borderSources(url: (path: string) => string) {
  const empty: GeoJSONSourceSpecification['data'] = { type: 'FeatureCollection', features: [] };
  return {
    [CROSSING_SOURCE]: {
      type: 'geojson',
      data: url(BORDER_FILES.crossings),
    },
    [BAND_SOURCE]: { type: 'geojson', data: empty },
    // Loaded on first need (160 kB); string ids become feature ids, for the counts' state.
    [PROVINCE_SOURCE]: { type: 'geojson', data: empty, promoteId: 'id' },
  } satisfies Record<string, GeoJSONSourceSpecification>;
}

/** The selected province's outline: none selected matches no feature. */
export function selectedProvinceFilter(id: string | null): FilterSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

/** The fills go over the countries, under their outlines and labels. */
export function buildAreaLayers(scheme: ColourScheme): LayerSpecification[] {
  const c = BORDER_PALETTES[scheme];
  return [
    {
      id: PROVINCE_FILL_LAYER,
      type: 'fill',
      source: PROVINCE_SOURCE,
      layout: { visibility: 'none' },
      paint: { 'fill-color': provinceFill(scheme), 'fill-opacity': scheme === 'dark' ? 0.75 : 0.7 },
    },
    {
      id: BAND_FILL_LAYER,
      type: 'fill',
      source: BAND_SOURCE,
      filter: ['==', ['get', 'kind'], 'band'],
      paint: { 'fill-color': c.band, 'fill-opacity': BAND_FILL_OPACITY[scheme] },
    },
  ];
}

/** Outlines of provinces and of the band, under the Durand Line. */
export function buildOutlineLayers(scheme: ColourScheme): LayerSpecification[] {
  const c = BORDER_PALETTES[scheme];
  return [
    {
      id: PROVINCE_OUTLINE_LAYER,
      type: 'line',
      source: PROVINCE_SOURCE,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': c.provinceOutline, 'line-width': 0.7, 'line-opacity': 0.8 },
    },
    {
      id: BAND_OUTLINE_LAYER,
      type: 'line',
      source: BAND_SOURCE,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.band,
        'line-width': ['match', ['get', 'kind'], 'beyond', 2, 1],
        'line-opacity': 0.9,
        'line-dasharray': [4, 2],
      },
    },
    {
      id: PROVINCE_SELECTED_LAYER,
      type: 'line',
      source: PROVINCE_SOURCE,
      filter: selectedProvinceFilter(null),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': c.provinceSelected, 'line-width': 3 },
    },
  ];
}

/** Crossings: a diamond in the line's colour with the crossing's name; the diamond never hides. */
export function buildCrossingLayer(scheme: ColourScheme): LayerSpecification {
  const c = BORDER_PALETTES[scheme];
  return {
    id: CROSSING_LAYER,
    type: 'symbol',
    source: CROSSING_SOURCE,
    layout: {
      'icon-image': CROSSING_ICON,
      'icon-allow-overlap': true,
      'text-field': ['get', 'name'],
      'text-font': ['sans-serif'],
      'text-size': 11.5,
      'text-max-width': 9,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.75,
      'text-padding': 1,
      // Where names collide, the diamond stays without its name.
      'text-optional': true,
    },
    paint: {
      'icon-color': c.crossing,
      'icon-halo-color': c.crossingRim,
      'icon-halo-width': 1.2,
      'text-color': c.crossingText,
      'text-halo-color': c.crossingHalo,
      'text-halo-width': 1.6,
    },
  };
}

/** Pixels per CSS pixel of the diamond image; its half-diagonal in CSS pixels. */
const ICON_PIXEL_RATIO = 2;
const ICON_HALF_DIAGONAL = 5.5;
/** MapLibre reads a signed-distance image as TinySDF writes it: edge at 0.75, 8 px per unit. */
const SDF_RADIUS = 8;
const SDF_CUTOFF = 0.25;

/**
 * The crossing diamond as a signed-distance image (alpha = distance to the edge), so MapLibre can
 * colour it (`icon-color`) and rim it (`icon-halo-*`) per colour scheme.
 */
export function crossingIconImage(): {
  image: { width: number; height: number; data: Uint8Array };
  options: { sdf: true; pixelRatio: number };
} {
  const half = ICON_HALF_DIAGONAL * ICON_PIXEL_RATIO;
  const size = Math.ceil(2 * (half + SDF_RADIUS));
  const data = new Uint8Array(size * size * 4);
  const centre = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance of the pixel centre to the diamond |x| + |y| = half, positive outside.
      const dx = Math.abs(x + 0.5 - centre);
      const dy = Math.abs(y + 0.5 - centre);
      const distance = (dx + dy - half) / Math.SQRT2;
      const alpha = 255 - 255 * (distance / SDF_RADIUS + SDF_CUTOFF);
      const i = (y * size + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = 255;
      data[i + 3] = Math.max(0, Math.min(255, Math.round(alpha)));
    }
  }
  return {
    image: { width: size, height: size, data },
    options: { sdf: true, pixelRatio: ICON_PIXEL_RATIO },
  };
}

/** The layers above, for switching their paint with the colour scheme. */
export function buildBorderLayers(scheme: ColourScheme): LayerSpecification[] {
  return [...buildAreaLayers(scheme), ...buildOutlineLayers(scheme), buildCrossingLayer(scheme)];
}
