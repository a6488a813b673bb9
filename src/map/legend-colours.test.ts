import { describe, expect, it } from 'vitest';
import { buildBasemapStyle, DURAND_LINE_LAYER } from './basemap-style';
import {
  BAND_FILL_LAYER,
  BAND_OUTLINE_LAYER,
  CROSSING_LAYER,
  PROVINCE_FILL_LAYER,
} from './border-layers';
import { COLOUR_SCHEMES } from './colour-scheme';
import {
  buildIncidentStyle,
  CLUSTER_LAYER,
  HEATMAP_LAYER,
  INCIDENT_LAYER,
} from './incident-layers';
import { LEGEND_COLOURS } from './legend-colours';

/** The paint of one layer of a style, by property. */
function paintOf(style: { layers: Array<{ id: string }> }, id: string) {
  const layer = style.layers.find((l) => l.id === id);
  if (!layer) throw new Error(`no layer "${id}" in the style`);
  return (layer as { paint?: Record<string, unknown> }).paint ?? {};
}

/** The #rrggbb colours in an expression, in order. */
const coloursIn = (value: unknown) => JSON.stringify(value).match(/#[0-9a-f]{6}/gi) ?? [];

describe.each(COLOUR_SCHEMES)('Legend swatches in the %s scheme', (scheme) => {
  const style = buildBasemapStyle('http://127.0.0.1:5173/', scheme);
  const colours = LEGEND_COLOURS.schemes[scheme];

  it('draw the Durand Line in the line and casing colours of its layers', () => {
    expect(paintOf(style, DURAND_LINE_LAYER)['line-color']).toBe(colours.durand);
    expect(paintOf(style, 'durand-line-casing')['line-color']).toBe(colours.durandCasing);
  });

  it('draw a crossing in the colour and rim of the crossings layer', () => {
    expect(paintOf(style, CROSSING_LAYER)['icon-color']).toBe(colours.crossing);
    expect(paintOf(style, CROSSING_LAYER)['icon-halo-color']).toBe(colours.crossingRim);
  });

  it('draw the distance band as its fill and outline layers paint it', () => {
    expect(paintOf(style, BAND_FILL_LAYER)['fill-color']).toBe(colours.band);
    expect(paintOf(style, BAND_FILL_LAYER)['fill-opacity']).toBe(colours.bandFillOpacity);
    expect(paintOf(style, BAND_OUTLINE_LAYER)['line-color']).toBe(colours.band);
  });

  it('draw the province ramp with the choropleth’s stops', () => {
    expect(coloursIn(paintOf(style, PROVINCE_FILL_LAYER)['fill-color'])).toEqual(
      colours.provinceRamp,
    );
  });
});

describe('Legend swatches of incidents', () => {
  const style = buildIncidentStyle('incidents://{z}/{x}/{y}', []);

  it('rim an exact place’s dot as the incident layer does', () => {
    const stroke = paintOf(style, INCIDENT_LAYER)['circle-stroke-color'] as unknown[];
    expect(stroke.at(-1)).toBe(LEGEND_COLOURS.incidents.rim);
  });

  it('draw a group of incidents in the clusters’ colours', () => {
    const paint = paintOf(style, CLUSTER_LAYER);
    expect(coloursIn(paint['circle-color'])).toContain(LEGEND_COLOURS.incidents.cluster);
    expect(coloursIn(paint['circle-stroke-color'])).toContain(LEGEND_COLOURS.incidents.clusterRim);
  });

  it('draw the heatmap ramp with the heatmap’s stops', () => {
    expect(coloursIn(paintOf(style, HEATMAP_LAYER)['heatmap-color'])).toEqual(
      LEGEND_COLOURS.incidents.heatmapRamp,
    );
  });
});
