/**
 * The notes file: every note and tag of this browser as JSON ("Export notes"), read back by
 * "Import notes…" here or in another browser. It is untrusted input when read: checked here,
 * once, and only what passes reaches the storage.
 */
import type { AppFileKind } from '../app-file';
import { AppFileError, checkAppFileSize, isRecord, readAppFile, writeAppFile } from '../app-file';
import { clip } from '../filters/filter-dimension';
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
): { notes: AnalystNote[]; problems: string[] } {
  const { entries, problems } = readAppFile(NOTES_FILE, text);
  const notes: AnalystNote[] = [];
  entries.forEach((entry, index) => {
    const note = readNoteEntry(entry, index, now, problems);
    if (note) notes.push(note);
  });
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
  problems: string[],
): AnalystNote | null {
  const position = `Note ${index + 1}`;
  if (!isRecord(entry)) {
    problems.push(`${position} was left out: it is not an object with a dataset and an incident.`);
    return null;
  }
  const { dataset, incident } = entry;
  const named = (value: unknown): value is string =>
    typeof value === 'string' && value !== '' && value.length <= MAX_NAME_CHARS;
  if (!named(dataset) || !named(incident)) {
    problems.push(
      `${position} was left out: its "dataset" and "incident" must be texts of 1 to ${MAX_NAME_CHARS} characters.`,
    );
    return null;
  }
  const called = `${position} (incident ${clip(incident, 40)})`;
  const rawNote = typeof entry.note === 'string' ? entry.note : '';
  if (entry.note !== undefined && typeof entry.note !== 'string')
    problems.push(`${called}: its "note" is not text and was left out.`);
  if ([...rawNote].length > MAX_NOTE_CHARS)
    problems.push(`${called}: its note was cut to ${MAX_NOTE_CHARS} characters.`);
  const rawTags = Array.isArray(entry.tags) ? entry.tags : [];
  const textTags = rawTags.filter((tag): tag is string => typeof tag === 'string');
  if (
    textTags.length !== rawTags.length ||
    (entry.tags !== undefined && !Array.isArray(entry.tags))
  )
    problems.push(`${called}: tags that are not text were left out.`);
  const note = cleanNote(rawNote);
  const tags = cleanTags(textTags);
  if (note === '' && tags.length === 0) {
    problems.push(`${called} was left out: it has neither a note nor a tag.`);
    return null;
  }
  const updatedAt =
    typeof entry.updatedAt === 'string' && !Number.isNaN(Date.parse(entry.updatedAt))
      ? new Date(entry.updatedAt).toISOString()
      : now.toISOString();
  return { dataset, incident, note, tags, updatedAt };
}
