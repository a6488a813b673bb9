import { describe, expect, it } from 'vitest';
import {
  basemapPaints,
  BASEMAP_PALETTES,
  buildBasemapStyle,
  DURAND_LINE_LAYER,
  PLACE_LABEL_LAYER,
} from './basemap-style';
import {
  BAND_FILL_LAYER,
  CROSSING_LAYER,
  PROVINCE_FILL_LAYER,
  PROVINCE_SELECTED_LAYER,
} from './border-layers';
import {
  buildIncidentStyle,
  CLUSTER_COUNT_LAYER,
  CLUSTER_LAYER,
  HEATMAP_LAYER,
  INCIDENT_LAYER,
} from './incident-layers';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('Offline basemap style', () => {
  const style = buildBasemapStyle('http://127.0.0.1:5173/app/');

  it('asks no font server: glyphs are omitted so labels use local fonts', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('loads every source from the app itself', () => {
    for (const source of Object.values(style.sources)) {
      if ('data' in source && typeof source.data === 'string') {
        expect(source.data.startsWith('http://127.0.0.1:5173/app/data/')).toBe(true);
      }
    }
  });

  it('draws every layer from a source it defines', () => {
    for (const layer of style.layers) {
      if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('labels places with text', () => {
    const labels = style.layers.find((layer) => layer.id === PLACE_LABEL_LAYER);
    expect(labels?.type).toBe('symbol');
  });

  it('writes every label, cluster counts included, in a local font', () => {
    const incidents = buildIncidentStyle('durand-incidents://1/{z}/{x}/{y}', []);
    expect(incidents.glyphs).toBeUndefined();
    const symbols = [...style.layers, ...incidents.layers].filter((l) => l.type === 'symbol');
    expect(symbols.map((layer) => layer.id)).toContain(CLUSTER_COUNT_LAYER);
    for (const layer of symbols) expect(layer.layout?.['text-font']).toEqual(['sans-serif']);
  });

  it('leaves the incidents to their own style: heatmap, then circles, then clusters', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.some((id) => id.startsWith('incidents'))).toBe(false);
    const incidents = buildIncidentStyle('durand-incidents://1/{z}/{x}/{y}', []);
    expect(incidents.layers.map((layer) => layer.id)).toEqual([
      HEATMAP_LAYER,
      INCIDENT_LAYER,
      CLUSTER_LAYER,
      CLUSTER_COUNT_LAYER,
    ]);
    expect(Object.keys(incidents.sources)).toEqual(['incidents']);
  });

  it('draws crossings above the Durand Line', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.indexOf(CROSSING_LAYER)).toBeGreaterThan(ids.indexOf(DURAND_LINE_LAYER));
  });

  it('lays the provinces and the distance band over the countries, under the Durand Line', () => {
    const ids = style.layers.map((layer) => layer.id);
    for (const id of [PROVINCE_FILL_LAYER, BAND_FILL_LAYER, PROVINCE_SELECTED_LAYER]) {
      expect(ids.indexOf(id), id).toBeGreaterThan(ids.indexOf('countries-fill'));
      expect(ids.indexOf(id), id).toBeLessThan(ids.indexOf(DURAND_LINE_LAYER));
    }
  });

  it('names each crossing once: the gazetteer’s estimates give way to the crossings layer', () => {
    for (const id of ['place-dots', PLACE_LABEL_LAYER]) {
      const layer = style.layers.find((l) => l.id === id);
      expect(layer && 'filter' in layer && layer.filter, id).toEqual([
        '!=',
        ['get', 'kind'],
        'crossing',
      ]);
    }
  });
});

describe('Dark basemap', () => {
  it('is built with the dark colours when asked', () => {
    const style = buildBasemapStyle('http://localhost/', 'dark');
    const background = style.layers.find((layer) => layer.id === 'background');
    expect(background?.paint).toEqual({ 'background-color': BASEMAP_PALETTES.dark.water });
  });

  it('switches only paint properties of layers the style has', () => {
    const ids = new Set(buildBasemapStyle('http://localhost/').layers.map((layer) => layer.id));
    for (const { layer } of basemapPaints('dark')) expect(ids).toContain(layer);
  });

  it('changes the background, countries and label colours', () => {
    const changed = (scheme: 'light' | 'dark') =>
      Object.fromEntries(
        basemapPaints(scheme).map((p) => [`${p.layer}/${p.property}`, JSON.stringify(p.value)]),
      );
    const light = changed('light');
    const dark = changed('dark');
    for (const key of [
      'background/background-color',
      'countries-fill/fill-color',
      'place-labels/text-color',
      'place-labels/text-halo-color',
      'country-labels/text-halo-color',
    ]) {
      expect(dark[key], key).toBeDefined();
      expect(dark[key], key).not.toBe(light[key]);
    }
  });

  it('leaves the incident layers alone', () => {
    const layers = new Set(basemapPaints('dark').map((p) => p.layer));
    expect(layers.has(INCIDENT_LAYER)).toBe(false);
  });

  it('keeps the Durand Line prominent on both countries', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const c = BASEMAP_PALETTES[scheme];
      expect(contrast(c.durand, c.afghanistan)).toBeGreaterThan(3);
      expect(contrast(c.durand, c.pakistan)).toBeGreaterThan(3);
      expect(contrast(c.durand, c.durandCasing)).toBeGreaterThan(3);
    }
  });
});
