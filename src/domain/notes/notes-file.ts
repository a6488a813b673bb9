/**
 * The notes file: every note and tag of this browser as JSON ("Export notes"), read back by
 * "Import notes…" here or in another browser. It is untrusted input when read: checked here,
 * once, and only what passes reaches the storage.
 */
import type { AppFileKind } from '../app-file';
import { AppFileError, checkAppFileSize, isRecord, readAppFile, writeAppFile } from '../app-file';
import { clip } from '../filters/filter-dimension';
import type { MessageValues } from '../message';
import { message } from '../message';
import type { MessageLine } from '../message-line';
import type { NOTE_PROBLEM_WORDS } from './note-problem-words';
import { NOTE_PROBLEMS } from './note-problem-words';
import type { AnalystNote } from './analyst-note';
import { cleanNote, cleanTags, MAX_NOTE_CHARS } from './analyst-note';

/** A file that is not a notes file this app can read; the message says why and what to do. */
export class NotesFileError extends AppFileError {
  override name = 'NotesFileError';
}

/** Longest dataset name or incident id read from a notes file. */
const MAX_NAME_CHARS = 4_000;

const NOTES_FILE: AppFileKind = {
  format: 'durand-line-map-notes',
  version: 1,
  listKey: 'notes',
  noun: 'notes file',
  madeBy: 'Export notes',
  // A hundred thousand notes of a few lines each.
  maxSize: 100_000_000,
  maxEntries: 100_000,
  error: NotesFileError,
};

/** The notes file for these notes, as JSON text. */
export function writeNotesFile(notes: Iterable<AnalystNote>, exportedAt: Date): string {
  const entries = [...notes].map(({ dataset, incident, note, tags, updatedAt }) => ({
    dataset,
    incident,
    note,
    tags,
    updatedAt,
  }));
  return writeAppFile(NOTES_FILE, entries, exportedAt);
}

/**
 * Reads a notes file made by writeNotesFile. Throws NotesFileError when the text is not one;
 * otherwise every usable note (text cleaned, tags cleaned) and a message per note left out or
 * changed.
 */
export function readNotesFile(
  text: string,
  now: Date,
): { notes: AnalystNote[]; problems: MessageLine[] } {
  const { items: notes, problems } = readAppFile(NOTES_FILE, text, (entry, index, problems) =>
    readNoteEntry(entry, index, now, problems),
  );
  return { notes, problems };
}

/** Throws NotesFileError when a file of `size` bytes is too large to be a notes file. */
export function checkNotesFileSize(size: number): void {
  checkAppFileSize(NOTES_FILE, size);
}

function readNoteEntry(
  entry: unknown,
  index: number,
  now: Date,
  problems: MessageLine[],
): AnalystNote | null {
  const n = index + 1;
  if (!isRecord(entry)) {
    problems.push(noteProblem('notObject', { n }));
    return null;
  }
  const { dataset, incident } = entry;
  const named = (value: unknown): value is string =>
    typeof value === 'string' && value !== '' && value.length <= MAX_NAME_CHARS;
  if (!named(dataset) || !named(incident)) {
    problems.push(noteProblem('notNamed', { n, max: MAX_NAME_CHARS }));
    return null;
  }
  const called = { n, incident: clip(incident, 40) };
  const about = (key: keyof typeof NOTE_PROBLEM_WORDS, values: MessageValues = {}) =>
    problems.push([noteProblem('entry', called), noteProblem(key, values)]);
  const rawNote = typeof entry.note === 'string' ? entry.note : '';
  if (entry.note !== undefined && typeof entry.note !== 'string') about('noteNotText');
  if ([...rawNote].length > MAX_NOTE_CHARS) about('noteCut', { max: MAX_NOTE_CHARS });
  const rawTags = Array.isArray(entry.tags) ? entry.tags : [];
  const textTags = rawTags.filter((tag): tag is string => typeof tag === 'string');
  if (
    textTags.length !== rawTags.length ||
    (entry.tags !== undefined && !Array.isArray(entry.tags))
  )
    about('tagsNotText');
  const note = cleanNote(rawNote);
  const tags = cleanTags(textTags);
  if (note === '' && tags.length === 0) {
    problems.push(noteProblem('empty', called));
    return null;
  }
  const updatedAt =
    typeof entry.updatedAt === 'string' && !Number.isNaN(Date.parse(entry.updatedAt))
      ? new Date(entry.updatedAt).toISOString()
      : now.toISOString();
  return { dataset, incident, note, tags, updatedAt };
}

/** A problem of a notes file's entry, in the words of note-problem-words.ts. */
function noteProblem(key: keyof typeof NOTE_PROBLEM_WORDS, values: MessageValues) {
  return message(NOTE_PROBLEMS, key, values);
}
