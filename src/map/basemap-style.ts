import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { INCIDENT_TYPES, UNKNOWN_TYPE_COLOUR } from '../domain/taxonomy';

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

export const INCIDENT_SOURCE = 'incidents';
export const INCIDENT_LAYER = 'incidents-circles';
export const PLACE_LABEL_LAYER = 'place-labels';
export const DURAND_LINE_LAYER = 'durand-line';

/** Circle colour by `properties.type`: the taxonomy's colours, grey for any other code. */
export const INCIDENT_COLOUR: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...INCIDENT_TYPES.flatMap((t) => [t.code, t.colour]),
  UNKNOWN_TYPE_COLOUR,
] as unknown as ExpressionSpecification;

/**
 * The offline style: Natural Earth countries, the Durand Line and place labels, all from static
 * files of this app. It has no `glyphs` URL, so MapLibre draws label text with the browser's own
 * fonts (TinySDF) and no font server is ever asked.
 */
export function buildBasemapStyle(baseUrl: string): StyleSpecification {
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
      [INCIDENT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#c9d7e0' } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: 'countries',
        // The two sides get slightly different tints so it is clear which side a point is on.
        paint: {
          'fill-color': ['match', ['get', 'iso_n3'], '004', '#f8f3e6', '586', '#eef3e8', '#e0ddd4'],
        },
      },
      {
        id: 'countries-outline',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': '#8a8578', 'line-width': 0.8 },
      },
      {
        id: 'country-labels',
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
        paint: { 'text-color': '#8a8578', 'text-halo-color': '#f7f4ec', 'text-halo-width': 1.2 },
      },
      {
        id: 'durand-line-casing',
        type: 'line',
        source: 'durand-line',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 5, 10, 9],
        },
      },
      {
        id: DURAND_LINE_LAYER,
        type: 'line',
        source: 'durand-line',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': '#7a1f3d',
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2.5, 10, 5],
          'line-dasharray': [3, 1.5],
        },
      },
      {
        id: 'place-dots',
        type: 'circle',
        source: 'places',
        paint: {
          'circle-radius': ['match', ['get', 'kind'], 'capital', 4, 'crossing', 3.5, 2.5],
          'circle-color': ['match', ['get', 'kind'], 'crossing', '#7a1f3d', '#333333'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      },
      {
        id: INCIDENT_LAYER,
        type: 'circle',
        source: INCIDENT_SOURCE,
        paint: {
          'circle-color': INCIDENT_COLOUR,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 5, 10, 9],
          'circle-stroke-color': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            '#000000',
            '#ffffff',
          ],
          'circle-stroke-width': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            3,
            1.2,
          ],
          'circle-opacity': 0.9,
        },
      },
      {
        id: PLACE_LABEL_LAYER,
        type: 'symbol',
        source: 'places',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': ['sans-serif'],
          'text-size': ['match', ['get', 'kind'], 'capital', 15, 'city', 13, 12],
          // Alternative anchors let crowded border towns (Torkham, Spin Boldak, Wana) find room.
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.55,
          'text-padding': 1,
          'text-optional': false,
          'symbol-sort-key': ['match', ['get', 'kind'], 'capital', 0, 'city', 1, 'crossing', 2, 3],
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'crossing', '#5c1730', '#1f1f1f'],
          'text-halo-color': '#ffffff',
          'text-halo-width': 1.6,
        },
      },
    ],
  };
}
