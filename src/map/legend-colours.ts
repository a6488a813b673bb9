import { BASEMAP_PALETTES } from './basemap-style';
import { BAND_FILL_OPACITY, BORDER_PALETTES, PROVINCE_RAMPS } from './border-layers';
import type { ColourScheme } from './colour-scheme';
import { INCIDENT_PALETTE } from './incident-palette';

/** The swatches of the legend that change with the colour scheme, as the map draws them in it. */
export interface SchemeSwatchColours {
  durand: string;
  durandCasing: string;
  crossing: string;
  crossingRim: string;
  band: string;
  bandFillOpacity: number;
  /** The province choropleth, lowest to highest count. */
  provinceRamp: readonly string[];
}

function schemeSwatches(scheme: ColourScheme): SchemeSwatchColours {
  const basemap = BASEMAP_PALETTES[scheme];
  const border = BORDER_PALETTES[scheme];
  return {
    durand: basemap.durand,
    durandCasing: basemap.durandCasing,
    crossing: border.crossing,
    crossingRim: border.crossingRim,
    band: border.band,
    bandFillOpacity: BAND_FILL_OPACITY[scheme],
    provinceRamp: PROVINCE_RAMPS[scheme],
  };
}

/**
 * The colours the map legend draws its swatches in, taken from the palettes the layer specs are
 * built from: a colour changed in a layer changes in the legend too. The incident symbols look
 * the same in both schemes; the basemap and border symbols come once per scheme.
 */
export const LEGEND_COLOURS = {
  incidents: {
    rim: INCIDENT_PALETTE.rim,
    cluster: INCIDENT_PALETTE.cluster,
    clusterRim: INCIDENT_PALETTE.clusterRim,
    /** Low to high density; the transparent stop at density 0 has no swatch. */
    heatmapRamp: INCIDENT_PALETTE.heatmap.slice(1).map(([, colour]) => colour) as readonly string[],
  },
  schemes: {
    light: schemeSwatches('light'),
    dark: schemeSwatches('dark'),
  } satisfies Record<ColourScheme, SchemeSwatchColours>,
} as const;
