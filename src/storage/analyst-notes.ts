/**
 * The analyst's notes and tags, kept in IndexedDB (database "durand-line-map-notes", through
 * idb) and shared with the app's other tabs through a BroadcastChannel. Each change reads the
 * incident's note and writes it back in one transaction (see applyNoteChange), so a tab never
 * overwrites what another wrote meanwhile. Where the browser refuses IndexedDB (private
 * browsing) or a write fails (quota), the notes live in this page for the session and `notKept`
 * says so. Plain TypeScript with subscribe/getNotes, like the saved views.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { AnalystNote, NoteChange, NoteTarget } from '../domain/notes/analyst-note';
import { applyNoteChange, mergeNotes, noteKey, sameNote } from '../domain/notes/analyst-note';
import type { Message, MessageValues } from '../domain/message';
import { storageMessage } from '../domain/storage-words';
import { describeStorageError, inOneTransaction } from './idb-transaction';
import { KeptCollection } from './kept-collection';

/** The IndexedDB database of the notes: theirs alone, so clearing it touches nothing else. */
export const NOTES_DATABASE = 'durand-line-map-notes';
/** The channel on which a tab says that it changed the notes. */
export const NOTES_CHANNEL = 'durand-line-map-notes';
const STORE = 'notes';

/** A note as stored: with the key it is stored under (see noteKey). */
interface StoredNote extends AnalystNote {
  key: string;
}

interface NotesSchema extends DBSchema {
  notes: { key: string; value: StoredNote };
}

type NotesDatabase = IDBPDatabase<NotesSchema>;

export interface AnalystNotesOptions {
  /** Another database (tests): each test its own. */
  databaseName?: string;
  /** Another channel (tests). */
  channelName?: string;
}

/** What a change did: `conflict` holds the note another tab wrote since the editor opened. */
export interface ChangeOutcome {
  conflict: AnalystNote | null;
}

/** What an import did to the notes stored. */
export interface ImportOutcome {
  added: number;
  merged: number;
  unchanged: number;
}

/** The notes by noteKey. */
export type NotesMap = ReadonlyMap<string, AnalystNote>;

const CHANGED = 'notes-changed';

/** The notes of this browser; every change goes to IndexedDB first and is then read back. */
export class AnalystNotes extends KeptCollection<NotesDatabase, NotesMap> {
  private constructor() {
    super(new Map(), CHANGED);
  }

  /** Opens the notes of this browser. Never rejects: see `notKept`. */
  static async open(options: AnalystNotesOptions = {}): Promise<AnalystNotes> {
    const notes = new AnalystNotes();
    await notes.start(
      () =>
        openDB<NotesSchema>(options.databaseName ?? NOTES_DATABASE, 1, {
          upgrade: (database) => database.createObjectStore(STORE, { keyPath: 'key' }),
        }),
      options.channelName ?? NOTES_CHANNEL,
      refusal,
    );
    return notes;
  }

  /** The notes by noteKey; the same map until they change. */
  readonly getNotes = (): NotesMap => this.value;

  /** Applies one change to one incident's note (see applyNoteChange). */
  async change(target: NoteTarget, change: NoteChange): Promise<ChangeOutcome> {
    const key = noteKey(target);
    let conflict: AnalystNote | null = null;
    const now = new Date();
    const { incident } = target;
    const what: [string, MessageValues] =
      change.kind === 'note' ? ['note', { incident }] : ['tag', { tag: change.tag, incident }];
    await this.write(
      async (db) =>
        inOneTransaction(db, STORE, async (store) => {
          const stored = (await store.get(key)) ?? null;
          const outcome = applyNoteChange(stored && plain(stored), target, change, now);
          conflict = outcome.conflict;
          if (conflict || sameNote(outcome.next, stored)) return;
          if (outcome.next) await store.put({ ...outcome.next, key });
          else await store.delete(key);
        }),
      (notes) => {
        const outcome = applyNoteChange(notes.get(key) ?? null, target, change, now);
        conflict = outcome.conflict;
        return conflict ? notes : withNote(notes, key, outcome.next);
      },
      what,
    );
    return { conflict };
  }

  /** Brings in notes from a notes file, all or none, each merged with the one stored (mergeNotes). */
  async importNotes(incoming: readonly AnalystNote[]): Promise<ImportOutcome> {
    const outcome: ImportOutcome = { added: 0, merged: 0, unchanged: 0 };
    const count = (stored: AnalystNote | null, merged: AnalystNote) => {
      if (!stored) outcome.added++;
      else if (sameNote(stored, merged)) outcome.unchanged++;
      else outcome.merged++;
    };
    await this.write(
      async (db) =>
        inOneTransaction(db, STORE, async (store) => {
          Object.assign(outcome, { added: 0, merged: 0, unchanged: 0 });
          for (const note of incoming) {
            const key = noteKey(note);
            const stored = (await store.get(key)) ?? null;
            const merged = mergeNotes(stored && plain(stored), note);
            count(stored, merged);
            if (!sameNote(stored, merged)) await store.put({ ...merged, key });
          }
        }),
      (notes) => {
        Object.assign(outcome, { added: 0, merged: 0, unchanged: 0 });
        const next = new Map(notes);
        for (const note of incoming) {
          const key = noteKey(note);
          const merged = mergeNotes(next.get(key) ?? null, note);
          count(next.get(key) ?? null, merged);
          next.set(key, merged);
        }
        return next;
      },
      ['imported', { count: incoming.length }],
    );
    return outcome;
  }

  /** Keeps a change, saying, if the browser did not keep it, what that was. */
  private write(
    write: (db: NotesDatabase) => Promise<void>,
    apply: (notes: NotesMap) => NotesMap,
    [what, values]: [string, MessageValues],
  ): Promise<void> {
    return this.keep(write, apply, (error) =>
      storageMessage('notes', what, { ...values, error: describeStorageError(error) }),
    );
  }

  protected async reload(db: NotesDatabase): Promise<void> {
    const records: unknown[] = await db.getAll(STORE);
    const notes = new Map<string, AnalystNote>();
    for (const record of records) if (isStoredNote(record)) notes.set(record.key, plain(record));
    this.show(notes);
  }

  protected arrange(notes: NotesMap): NotesMap {
    return notes === this.value ? new Map(notes) : notes;
  }
}

/** A stored note without its storage key. */
function plain({ dataset, incident, note, tags, updatedAt }: AnalystNote): AnalystNote {
  return { dataset, incident, note, tags, updatedAt };
}

function withNote(notes: NotesMap, key: string, note: AnalystNote | null): NotesMap {
  const next = new Map(notes);
  if (note) next.set(key, note);
  else next.delete(key);
  return next;
}

function refusal(error: unknown): Message {
  return storageMessage('notes', 'refused', { error: describeStorageError(error) });
}

function isStoredNote(value: unknown): value is StoredNote {
  const note = value as Partial<StoredNote> | null;
  return (
    typeof note === 'object' &&
    note !== null &&
    typeof note.key === 'string' &&
    typeof note.dataset === 'string' &&
    typeof note.incident === 'string' &&
    typeof note.note === 'string' &&
    Array.isArray(note.tags) &&
    note.tags.every((tag) => typeof tag === 'string') &&
    typeof note.updatedAt === 'string'
  );
}
