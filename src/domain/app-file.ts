/**
 * The JSON files this app writes of what an analyst keeps (views, notes): a `format` name, a
 * `version`, when it was exported and a list of entries. Reading one back is reading untrusted
 * input: this module checks the envelope once, for every kind, and drops `__proto__` keys while
 * parsing; each kind then checks its own entries.
 */
import { FILE_PROBLEMS } from './app-file-words';
import type { MessageLine } from './message-line';
import { message } from './message';

/** What one kind of file is called and made by, for its messages. */
export interface AppFileKind {
  /** The `format` member that tells this kind from any other JSON. */
  format: string;
  /** The newest version this app writes and reads. */
  version: number;
  /** The member holding the entries (`views`, `notes`). */
  listKey: string;
  /** How messages call the file (`views file`). */
  noun: string;
  /** The button that makes one (`Export views`). */
  madeBy: string;
  /** Largest file read, in bytes or characters. */
  maxSize: number;
  /** Most entries read; those after are left out, with a message. */
  maxEntries: number;
  /** The error thrown when the file is not of this kind (each kind has its own class). */
  error: new (message: string, problem: AppFileProblem) => AppFileError;
}

/**
 * Why a file is not one of this kind, as values, so that a page in another language can word
 * what the message says: `listKey` tells the kind.
 */
export type AppFileProblem = { listKey: string } & (
  | { code: 'not-json'; detail: string }
  | { code: 'no-format'; format: string }
  | { code: 'bad-version' }
  | { code: 'newer'; version: number; readable: number }
  | { code: 'no-list' }
  | { code: 'too-large'; megabytes: string; maxEntries: number; maxMegabytes: number }
);

/** A file that is not a file of its kind this app can read; the message says why and what to do. */
export class AppFileError extends Error {
  constructor(
    message: string,
    readonly problem: AppFileProblem,
  ) {
    super(message);
  }
}

/** The file for these entries, as JSON text. */
export function writeAppFile(kind: AppFileKind, entries: readonly unknown[], exported: Date) {
  const file = {
    format: kind.format,
    version: kind.version,
    exported: exported.toISOString(),
    [kind.listKey]: entries,
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * The entries of a file of `kind`, each read by `readEntry` (null: left out, having said why in
 * `problems`), and a message per thing left out. Throws the kind's error when the text is not
 * such a file at all, with what to do instead.
 */
export function readAppFile<T>(
  kind: AppFileKind,
  text: string,
  readEntry: (entry: unknown, index: number, problems: MessageLine[]) => T | null,
): { items: T[]; problems: MessageLine[] } {
  checkAppFileSize(kind, text.length);
  const notThisKind = `This is not a ${kind.noun}: choose a file made by "${kind.madeBy}"`;
  const { listKey } = kind;
  const problems: MessageLine[] = [];
  let prototypeKeys = 0;
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''), (key, value: unknown) => {
      if (key !== '__proto__') return value;
      prototypeKeys++;
      return undefined;
    });
  } catch (error) {
    const detail = (error as Error).message;
    throw new kind.error(`${notThisKind} (it is not JSON: ${detail}).`, {
      listKey,
      code: 'not-json',
      detail,
    });
  }
  if (!isRecord(file) || file.format !== kind.format) {
    throw new kind.error(`${notThisKind} (it has no "format": "${kind.format}").`, {
      listKey,
      code: 'no-format',
      format: kind.format,
    });
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    throw new kind.error(`${notThisKind} (its "version" is not a whole number from 1).`, {
      listKey,
      code: 'bad-version',
    });
  }
  if (file.version > kind.version) {
    throw new kind.error(
      `This ${kind.noun} is version ${file.version}, made by a newer version of this app; this ` +
        `one reads version ${kind.version}. Open it in the newer app.`,
      { listKey, code: 'newer', version: file.version, readable: kind.version },
    );
  }
  const list = file[kind.listKey];
  if (!Array.isArray(list)) {
    throw new kind.error(`${notThisKind} (it has no "${kind.listKey}" list).`, {
      listKey,
      code: 'no-list',
    });
  }
  if (prototypeKeys > 0)
    problems.push(message(FILE_PROBLEMS, 'prototypeKeys', { n: prototypeKeys }));
  if (list.length > kind.maxEntries) {
    const values = { n: list.length, max: kind.maxEntries };
    problems.push(message(FILE_PROBLEMS, `tooMany.${kind.listKey}`, values));
  }
  const items: T[] = [];
  (list as unknown[]).slice(0, kind.maxEntries).forEach((entry, index) => {
    const item = readEntry(entry, index, problems);
    if (item !== null) items.push(item);
  });
  return { items, problems };
}

/**
 * Throws the kind's error when a file of `size` bytes (or characters) is too large to be one:
 * checked before a chosen file is read.
 */
export function checkAppFileSize(kind: AppFileKind, size: number): void {
  if (size <= kind.maxSize) return;
  const megabytes = (size / 1e6).toFixed(1);
  const maxMegabytes = kind.maxSize / 1e6;
  throw new kind.error(
    `This is not a ${kind.noun}: choose a file made by "${kind.madeBy}" (this one is ` +
      `${megabytes} MB; a ${kind.noun} holds at most ${kind.maxEntries} ` +
      `${kind.listKey} and stays under ${maxMegabytes} MB).`,
    {
      listKey: kind.listKey,
      code: 'too-large',
      megabytes,
      maxEntries: kind.maxEntries,
      maxMegabytes,
    },
  );
}

/** A plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
