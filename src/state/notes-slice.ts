import type { StateCreator } from 'zustand';
import type { AnalystNote, NoteChange, NoteTarget } from '../domain/notes/analyst-note';
import type { Message } from '../domain/message';
import type {
  AnalystNotes,
  ChangeOutcome,
  ImportOutcome,
  NotesMap,
} from '../storage/analyst-notes';
import type { EngineClient } from '../workers/engine-client';

/** What the slice needs of the notes' storage (AnalystNotes, or a test's). */
export type NotesStorage = Pick<
  AnalystNotes,
  'getNotes' | 'subscribe' | 'notKept' | 'change' | 'importNotes'
>;

/** The analyst's notes and tags on incidents (see domain/notes), kept in this browser. */
export interface NotesSlice {
  /** Every note by noteKey; empty until read. */
  notes: NotesMap;
  /** Why notes last only until this tab is closed, or null while they are kept. */
  notesNotKept: Message | null;
  /** Counts the notes the engine has taken: a tags filter is asked again after each. */
  notesVersion: number;
  /** Whether exports carry analyst_note and analyst_tags ("Include my notes"). */
  includeNotes: boolean;
  setIncludeNotes: (on: boolean) => void;
  /** Reads the notes of this browser and follows their changes (this tab's and others'). */
  startNotes: () => Promise<void>;
  /** Changes one incident's note or tags (see applyNoteChange). */
  changeNote: (target: NoteTarget, change: NoteChange) => Promise<ChangeOutcome>;
  /** Brings in the notes of a notes file, merged with those kept. */
  importNotes: (notes: readonly AnalystNote[]) => Promise<ImportOutcome>;
}

/** The notes slice of the incident store; `openNotes` opens the browser's notes. */
export function createNotesSlice(
  client: EngineClient,
  openNotes: () => Promise<NotesStorage>,
): StateCreator<NotesSlice, [], [], NotesSlice> {
  return (set, get) => {
    let storage: Promise<NotesStorage> | null = null;
    /** Each version of the notes goes to the engine in turn; the page then asks again. */
    let sent = Promise.resolve();
    const follow = (notes: NotesStorage) => {
      const show = () => {
        const all = notes.getNotes();
        set({ notes: all, notesNotKept: notes.notKept });
        sent = sent
          .then(() => client.setNotes([...all.values()]))
          .then(
            () => set({ notesVersion: get().notesVersion + 1 }),
            () => undefined,
          );
      };
      notes.subscribe(show);
      show();
      return notes;
    };
    const open = () => (storage ??= openNotes().then(follow));
    return {
      notes: new Map(),
      notesNotKept: null,
      notesVersion: 0,
      includeNotes: false,
      setIncludeNotes: (includeNotes) => set({ includeNotes }),
      startNotes: async () => {
        await open();
      },
      changeNote: async (target, change) => (await open()).change(target, change),
      importNotes: async (notes) => (await open()).importNotes(notes),
    };
  };
}
