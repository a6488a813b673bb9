import type {
  FilterSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import {
  buildAreaLayers,
  buildBorderLayers,
  buildCrossingLayer,
  buildOutlineLayers,
  borderSources,
} from './border-layers';
import type { ColourScheme } from './colour-scheme';

/** Static files the style reads, relative to the app. */
export const BASEMAP_FILES = {
  countries: 'data/basemap/countries.geojson',
  places: 'data/basemap/places.geojson',
  durandLine: 'data/durand-line.geojson',
} as const;

/** Afghanistan, Pakistan and the ends of the Durand Line, with room for the panels. */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [
  [60.5, 28.8],
  [75.2, 37.3],
];

export const PLACE_LABEL_LAYER = 'place-labels';
export const COUNTRY_LABEL_LAYER = 'country-labels';
export const DURAND_LINE_LAYER = 'durand-line';

/** The basemap's colours per scheme. The Durand Line keeps a strong contrast in both. */
export const BASEMAP_PALETTES = {
  light: {
    water: '#c9d7e0',
    afghanistan: '#f8f3e6',
    pakistan: '#eef3e8',
    otherCountry: '#e0ddd4',
    outline: '#8a8578',
    countryText: '#8a8578',
    countryHalo: '#f7f4ec',
    durand: '#7a1f3d',
    durandCasing: '#ffffff',
    placeDot: '#333333',
    placeDotRim: '#ffffff',
    placeText: '#1f1f1f',
    placeHalo: '#ffffff',
  },
  dark: {
    water: '#0f1a22',
    afghanistan: '#2b2924',
    pakistan: '#232923',
    otherCountry: '#1b1b1b',
    outline: '#6b665c',
    countryText: '#a39d90',
    countryHalo: '#151515',
    durand: '#ff5c8d',
    durandCasing: '#101010',
    placeDot: '#d6d6d6',
    placeDotRim: '#151515',
    placeText: '#ecebe8',
    placeHalo: '#111111',
  },
} as const satisfies Record<ColourScheme, Record<string, string>>;

/** The layers whose paint follows the colour scheme (the incident layers do not). */
const BASEMAP_LAYER_IDS = new Set([
  'background',
  'countries-fill',
  'countries-outline',
  COUNTRY_LABEL_LAYER,
  'durand-line-casing',
  DURAND_LINE_LAYER,
  'place-dots',
  PLACE_LABEL_LAYER,
  ...buildBorderLayers('light').map((layer) => layer.id),
]);

/**
 * The gazetteer's crossings (estimates rounded to 0.01°) give way to the crossings layer, whose
 * points are sourced one by one.
 */
const NOT_A_CROSSING: FilterSpecification = ['!=', ['get', 'kind'], 'crossing'];

function buildBasemapLayers(scheme: ColourScheme): LayerSpecification[] {
  const c = BASEMAP_PALETTES[scheme];
  return [
    { id: 'background', type: 'background', paint: { 'background-color': c.water } },
    {
      id: 'countries-fill',
      type: 'fill',
      source: 'countries',
      // The two sides get slightly different tints so it is clear which side a point is on.
      paint: {
        'fill-color': [
          'match',
          ['get', 'iso_n3'],
          '004',
          c.afghanistan,
          '586',
          c.pakistan,
          c.otherCountry,
        ],
      },
    },
    ...buildAreaLayers(scheme),
    {
      id: 'countries-outline',
      type: 'line',
      source: 'countries',
      paint: { 'line-color': c.outline, 'line-width': 0.8 },
    },
    ...buildOutlineLayers(scheme),
    {
      id: COUNTRY_LABEL_LAYER,
      type: 'symbol',
      source: 'countries',
      filter: ['!=', ['get', 'iso_n3'], null],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['sans-serif'],
        'text-size': ['case', ['get', 'focus'], 16, 12],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.2,
        'text-max-width': 8,
      },
      paint: {
        'text-color': c.countryText,
        'text-halo-color': c.countryHalo,
        'text-halo-width': 1.2,
      },
    },
    {
      id: 'durand-line-casing',
      type: 'line',
      source: 'durand-line',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': c.durandCasing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 5, 10, 9],
      },
    },
    {
      id: DURAND_LINE_LAYER,
      type: 'line',
      source: 'durand-line',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': c.durand,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2.5, 10, 5],
        'line-dasharray': [3, 1.5],
      },
    },
    {
      id: 'place-dots',
      type: 'circle',
      source: 'places',
      filter: NOT_A_CROSSING,
      paint: {
        'circle-radius': ['match', ['get', 'kind'], 'capital', 4, 2.5],
        'circle-color': c.placeDot,
        'circle-stroke-color': c.placeDotRim,
        'circle-stroke-width': 1,
      },
    },
    buildCrossingLayer(scheme),
  ];
}

function buildPlaceLabels(scheme: ColourScheme): LayerSpecification {
  const c = BASEMAP_PALETTES[scheme];
  return {
    id: PLACE_LABEL_LAYER,
    type: 'symbol',
    source: 'places',
    filter: NOT_A_CROSSING,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': ['sans-serif'],
      'text-size': ['match', ['get', 'kind'], 'capital', 15, 'city', 13, 12],
      // Alternative anchors let crowded border towns (Torkham, Spin Boldak, Wana) find room.
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.55,
      'text-padding': 1,
      'text-optional': false,
      'symbol-sort-key': ['match', ['get', 'kind'], 'capital', 0, 'city', 1, 2],
    },
    paint: {
      'text-color': c.placeText,
      'text-halo-color': c.placeHalo,
      'text-halo-width': 1.6,
    },
  };
}

/**
 * The offline basemap: Natural Earth countries, the Durand Line, crossings and place labels, all
 * from static files of this app; the province choropleth and the distance band lie under the
 * line. The incidents are drawn over it by a map of their own (incident-overlay.ts). It has no
 * `glyphs` URL, so MapLibre draws label text with the browser's own fonts (TinySDF) and no font
 * server is ever asked.
 */
export function buildBasemapStyle(
  baseUrl: string,
  scheme: ColourScheme = 'light',
): StyleSpecification {
  const url = (path: string) => new URL(path, baseUrl).href;
  return {
    version: 8,
    name: 'Durand Line offline basemap',
    sources: {
      countries: {
        type: 'geojson',
        data: url(BASEMAP_FILES.countries),
        attribution: 'Natural Earth (public domain)',
      },
      'durand-line': { type: 'geojson', data: url(BASEMAP_FILES.durandLine) },
      places: {
        type: 'geojson',
        data: url(BASEMAP_FILES.places),
        attribution: 'GeoNames (CC BY 4.0)',
      },
      ...borderSources(url),
    },
    layers: [...buildBasemapLayers(scheme), buildPlaceLabels(scheme)],
  };
}

export interface PaintChange {
  layer: string;
  property: Parameters<MapLibreMap['setPaintProperty']>[1];
  value: Parameters<MapLibreMap['setPaintProperty']>[2];
}

/** Every basemap paint property in this scheme, for switching a running map's colours. */
export function basemapPaints(scheme: ColourScheme): PaintChange[] {
  return [...buildBasemapLayers(scheme), buildPlaceLabels(scheme)].flatMap((layer) =>
    BASEMAP_LAYER_IDS.has(layer.id) && 'paint' in layer && layer.paint
      ? Object.entries(layer.paint).map(([property, value]) => ({
          layer: layer.id,
          property: property as PaintChange['property'],
          value: value as PaintChange['value'],
        }))
      : [],
  );
}
