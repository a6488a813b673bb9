/**
 * The incident layers' colours that do not depend on an incident's type (type colours come from
 * type-describer.ts). The incident overlay looks the same in both colour schemes. The layer specs
 * and the legend both read these, so a symbol and its swatch cannot drift apart.
 */
export const INCIDENT_PALETTE = {
  /** The rim of an exact place's dot. */
  rim: '#ffffff',
  /** The rim of the selected incident. */
  selectedRim: '#000000',
  cluster: '#3b3b4f',
  clusterRim: '#ffffff',
  clusterText: '#ffffff',
  /**
   * The heatmap's colour by density, low to high. Density 0 is transparent, so the basemap shows
   * where there are no incidents.
   */
  heatmap: [
    [0, 'rgba(255,255,178,0)'],
    [0.15, '#fed976'],
    [0.35, '#feb24c'],
    [0.55, '#fd8d3c'],
    [0.75, '#f03b20'],
    [1, '#bd0026'],
  ],
} as const;
