/**
 * The source catalogue: every namespace of English, bundled with the app (the other languages are
 * fetched when chosen). Its shape types every `t()` key (i18next.d.ts), so a key missing here fails
 * the type check; catalogues.test.ts checks every other language has the same keys.
 *
 * A namespace is a feature's words: add `locales/<language>/<feature>.json` for every language and
 * one line here.
 */
import border from './locales/en/border.json';
import borderStrip from './locales/en/borderStrip.json';
import cappedList from './locales/en/cappedList.json';
import common from './locales/en/common.json';
import exportWords from './locales/en/export.json';
import filters from './locales/en/filters.json';
import mapControls from './locales/en/mapControls.json';
import mapView from './locales/en/mapView.json';
import timeline from './locales/en/timeline.json';

export const EN = {
  border,
  borderStrip,
  cappedList,
  common,
  export: exportWords,
  filters,
  mapControls,
  mapView,
  timeline,
} as const;

export type Namespace = keyof typeof EN;
