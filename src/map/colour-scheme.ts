/**
 * The page's colour scheme (`prefers-color-scheme`), which every layer style and the legend follow.
 * It sits apart from the basemap and border layers so that both read it without importing each
 * other.
 */
export type ColourScheme = 'light' | 'dark';

/** Both schemes, in the order the legend draws its per-scheme swatches. */
export const COLOUR_SCHEMES = ['light', 'dark'] as const satisfies readonly ColourScheme[];
