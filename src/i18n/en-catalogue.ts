/**
 * The source catalogue: every namespace of English, bundled with the app (the other languages are
 * fetched when chosen). Its shape types every `t()` key (i18next.d.ts), so a key missing here fails
 * the type check; catalogues.test.ts checks every other language has the same keys.
 *
 * A namespace is a feature's words: add `locales/<language>/<feature>.json` for every language and
 * one line here. Messages made below the interface (domain/message.ts: an importer's reasons, a
 * link's problems) keep their English words beside the code that sends them; their namespace is
 * imported from there, and only the other languages have a `locales/<language>/<namespace>.json`.
 */
import { FILE_PROBLEM_WORDS } from '../domain/app-file-words';
import { LINK_WORDS } from '../domain/filters/link-words';
import { LOAD_REFUSAL_WORDS } from '../domain/import/load-refusal-words';
import { PACKAGE_WORDS } from '../domain/filters/package-words';
import { NOTE_PROBLEM_WORDS } from '../domain/notes/note-problem-words';
import { VIEW_PROBLEM_WORDS } from '../domain/saved-view-words';
import { STORAGE_WORDS } from '../domain/storage-words';
import analystNotes from './locales/en/analystNotes.json';
import app from './locales/en/app.json';
import appUpdate from './locales/en/appUpdate.json';
import border from './locales/en/border.json';
import borderStrip from './locales/en/borderStrip.json';
import cappedList from './locales/en/cappedList.json';
import common from './locales/en/common.json';
import exportWords from './locales/en/export.json';
import { FILE_ERROR_WORDS } from '../domain/import/file-error-words';
import filters from './locales/en/filters.json';
import importWords from './locales/en/import.json';
import incidentDetail from './locales/en/incidentDetail.json';
import incidentList from './locales/en/incidentList.json';
import { WARNING_WORDS } from '../domain/import/warning-words';
import { VALUE_WORDS } from '../domain/value-words';
import mapControls from './locales/en/mapControls.json';
import { MAPPING_WORDS } from '../domain/import/mapping-words';
import { READ_LIMIT_WORDS } from '../domain/import/read-limits';
import mapView from './locales/en/mapView.json';
import { REJECTION_WORDS } from '../domain/rejection-words';
import savedDatasets from './locales/en/savedDatasets.json';
import savedViews from './locales/en/savedViews.json';
import timeline from './locales/en/timeline.json';

export const EN = {
  analystNotes,
  app,
  appUpdate,
  border,
  borderStrip,
  cappedList,
  common,
  export: exportWords,
  fileProblems: FILE_PROBLEM_WORDS,
  fileError: FILE_ERROR_WORDS,
  filters,
  // `import` is a keyword: its file is imported under another name.
  import: importWords,
  incidentDetail,
  incidentList,
  jsonValue: VALUE_WORDS,
  linkProblems: LINK_WORDS,
  loadRefusal: LOAD_REFUSAL_WORDS,
  loadWarning: WARNING_WORDS,
  mapControls,
  mappingReason: MAPPING_WORDS,
  mapView,
  noteProblems: NOTE_PROBLEM_WORDS,
  packageAnswers: PACKAGE_WORDS,
  readLimit: READ_LIMIT_WORDS,
  rejection: REJECTION_WORDS,
  savedDatasets,
  savedViews,
  storage: STORAGE_WORDS,
  timeline,
  viewProblems: VIEW_PROBLEM_WORDS,
} as const;

export type Namespace = keyof typeof EN;
