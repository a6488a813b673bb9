/**
 * A saved view is a permalink without its `data` parameter: the filters, the map view and the
 * open incident, kept as the query string the address would carry and read back by the
 * permalink's own parser, so one definition of each filter serves links and saved views alike.
 * This module also reads and writes the views file (Export views / Import views…), which is
 * untrusted input: it is checked here, once, and only what passes reaches the store.
 */
import type { AppFileKind } from './app-file';
import { AppFileError, checkAppFileSize, isRecord, readAppFile, writeAppFile } from './app-file';
import { clip } from './filters/filter-dimension';
import { FILTER_PARAMS } from './filters/filter-table';
import type { Message, MessageValues } from './message';
import { message } from './message';
import type { MessageLine } from './message-line';
import type { VIEW_PROBLEM_WORDS } from './saved-view-words';
import { VIEW_PROBLEMS } from './saved-view-words';
import type { UrlState } from './url-state';
import { parseUrlState, serialiseUrlState } from './url-state';

/** What a saved view holds: a permalink's state but the data to load. */
export type ViewState = Omit<UrlState, 'data' | 'package'>;

/** One saved view as the views file and the storage hold it. */
export interface ViewEntry {
  /** The name the user gave it, on one line (see cleanViewName). */
  name: string;
  /** Its permalink query, `?from=…&view=…&incident=…` (`''` for no filter, no view). */
  query: string;
  /** When it was saved, an ISO 8601 timestamp. */
  savedAt: string;
}

/** The views file's `format` member: what tells a views file from any other JSON. */
export const VIEWS_FILE_FORMAT = 'durand-line-map-views';
/** The newest views file version this app writes and reads. */
export const VIEWS_FILE_VERSION = 1;
/** Longest name kept, in characters (the rest is cut). */
export const MAX_VIEW_NAME = 120;
/** Most views one file may bring. */
export const MAX_VIEWS_IN_FILE = 1000;
/** Largest views file read, in bytes or characters: a thousand views take well under 2 MB. */
export const MAX_VIEWS_FILE_SIZE = 5_000_000;
/** Longest view query kept, in characters: far beyond any address a browser keeps. */
const MAX_QUERY_CHARS = 20_000;

/** The parameters a saved view keeps: every filter's, the map view and the open incident. */
const VIEW_PARAMS = new Set([...FILTER_PARAMS, 'view', 'incident']);

/**
 * No `data` parameter reaches the parser (a view does not choose the data), so the base URL
 * the parser resolves `data` against is never read.
 */
const UNUSED_BASE = 'http://localhost/';

/** A problem of a saved view, in the words of saved-view-words.ts. */
function viewProblem(key: keyof typeof VIEW_PROBLEM_WORDS, values: MessageValues): Message {
  return message(VIEW_PROBLEMS, key, values);
}

/** The query string that stores a view: the permalink's writer, with no data and nothing else. */
export function writeViewQuery(state: ViewState): string {
  return serialiseUrlState({ ...state, data: null, package: null }, '');
}

/**
 * Reads a view's query with the permalink's parser. A bad value, and a parameter that is not a
 * filter, the map view or the open incident, is dropped with a message; `query` is then written
 * again from what was kept.
 */
export function readViewQuery(query: string): {
  state: ViewState;
  query: string;
  problems: Message[];
} {
  const params = new URLSearchParams(query);
  const problems: Message[] = [];
  for (const name of new Set(params.keys())) {
    if (VIEW_PARAMS.has(name)) continue;
    const key = name === 'data' || name === 'package' ? 'dataParam' : 'otherParam';
    problems.push(viewProblem(key, { name: clip(name, 40), value: clip(params.get(name) ?? '') }));
    params.delete(name);
  }
  const parsed = parseUrlState(params.toString(), UNUSED_BASE);
  problems.push(...parsed.problems);
  const state: ViewState = { filter: parsed.filter, view: parsed.view, incident: parsed.incident };
  return { state, query: writeViewQuery(state), problems };
}

/** A name as it is kept and shown: on one line, trimmed, at most MAX_VIEW_NAME characters. */
export function cleanViewName(name: string): string {
  return [...name.replace(/\s+/g, ' ').trim()].slice(0, MAX_VIEW_NAME).join('').trim();
}

/** A file that is not a views file this app can read; the message says why and what to do. */
export class ViewsFileError extends AppFileError {
  override name = 'ViewsFileError';
}

/** The views file: what Export views writes and Import views… reads. */
const VIEWS_FILE: AppFileKind = {
  format: VIEWS_FILE_FORMAT,
  version: VIEWS_FILE_VERSION,
  listKey: 'views',
  noun: 'views file',
  madeBy: 'Export views',
  maxSize: MAX_VIEWS_FILE_SIZE,
  maxEntries: MAX_VIEWS_IN_FILE,
  error: ViewsFileError,
};

/** The views file for these views, as JSON text. */
export function writeViewsFile(views: readonly ViewEntry[], exportedAt: Date): string {
  const entries = views.map(({ name, query, savedAt }) => ({ name, query, savedAt }));
  return writeAppFile(VIEWS_FILE, entries, exportedAt);
}

/**
 * Reads a views file made by writeViewsFile, as untrusted input. Throws ViewsFileError when the
 * text is not a views file at all; otherwise every usable view, each with its query read by the
 * permalink's parser (bad values dropped), and one message per thing left out or changed.
 */
export function readViewsFile(
  text: string,
  now: Date,
): { views: ViewEntry[]; problems: MessageLine[] } {
  const { items: views, problems } = readAppFile(VIEWS_FILE, text, (entry, index, problems) =>
    readViewEntry(entry, index, now, problems),
  );
  return { views, problems };
}

/**
 * Throws ViewsFileError when a file of `size` bytes (or characters) is too large to be a views
 * file: checked before a chosen file is read.
 */
export function checkViewsFileSize(size: number): void {
  checkAppFileSize(VIEWS_FILE, size);
}

/** One entry of a views file, or null (with a message) when it cannot be used. */
function readViewEntry(
  entry: unknown,
  index: number,
  now: Date,
  problems: MessageLine[],
): ViewEntry | null {
  const n = index + 1;
  if (!isRecord(entry)) {
    problems.push(viewProblem('notObject', { n }));
    return null;
  }
  const name = typeof entry.name === 'string' ? cleanViewName(entry.name) : '';
  if (name === '') {
    problems.push(viewProblem('noName', { n }));
    return null;
  }
  if (typeof entry.query !== 'string' || entry.query.length > MAX_QUERY_CHARS) {
    problems.push(viewProblem('badQuery', { n, name, max: MAX_QUERY_CHARS }));
    return null;
  }
  const read = readViewQuery(entry.query);
  const called = viewProblem('entry', { n, name });
  for (const problem of read.problems) problems.push([called, problem]);
  const savedAt =
    typeof entry.savedAt === 'string' && !Number.isNaN(Date.parse(entry.savedAt))
      ? new Date(entry.savedAt).toISOString()
      : now.toISOString();
  return { name, query: read.query, savedAt };
}
