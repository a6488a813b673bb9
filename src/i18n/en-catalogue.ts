/**
 * The source catalogue: every namespace of English, bundled with the app (the other languages are
 * fetched when chosen). Its shape types every `t()` key (i18next.d.ts), so a key missing here fails
 * the type check; catalogues.test.ts checks every other language has the same keys.
 *
 * A namespace is a feature's words: add `locales/<language>/<feature>.json` for every language and
 * one line here.
 */
import analystNotes from './locales/en/analystNotes.json';
import appUpdate from './locales/en/appUpdate.json';
import common from './locales/en/common.json';
import importWords from './locales/en/import.json';
import incidentDetail from './locales/en/incidentDetail.json';
import incidentList from './locales/en/incidentList.json';
import savedDatasets from './locales/en/savedDatasets.json';
import savedViews from './locales/en/savedViews.json';

export const EN = {
  analystNotes,
  appUpdate,
  common,
  // `import` is a keyword: its file is imported under another name.
  import: importWords,
  incidentDetail,
  incidentList,
  savedDatasets,
  savedViews,
} as const;

export type Namespace = keyof typeof EN;
