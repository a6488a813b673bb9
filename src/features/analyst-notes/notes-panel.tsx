import { useId, useState } from 'react';
import type { AnalystNote } from '../../domain/notes/analyst-note';
import {
  checkNotesFileSize,
  NotesFileError,
  readNotesFile,
  writeNotesFile,
} from '../../domain/notes/notes-file';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { downloadBlob } from '../export/download-file';
import type { ViewsMessage } from '../saved-views/views-message';
import { ImportJsonButton } from '../saved-views/import-json-button';
import { ViewsMessageLine } from '../saved-views/views-message';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * My notes: how many notes and tags this browser keeps, Export notes (every note, as JSON) and
 * Import notes… (merged with those kept: tags of both, the text changed last).
 */
export function NotesPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const id = useId();
  const notes = useIncidentStore((state) => state.notes, store);
  const notKept = useIncidentStore((state) => state.notesNotKept, store);
  const [message, setMessage] = useState<ViewsMessage | null>(null);

  const exportNotes = () => {
    const now = new Date();
    downloadBlob(
      new Blob([writeNotesFile(notes.values(), now)], { type: 'application/json' }),
      `durand-line-notes-${now.toISOString().slice(0, 10)}.json`,
    );
    setMessage({ text: `Exported ${count(notes.size, 'note')}.`, tone: 'done' });
  };

  const importFile = async (file: File) => {
    let read: { notes: AnalystNote[]; problems: string[] };
    try {
      checkNotesFileSize(file.size);
      read = readNotesFile(await file.text(), new Date());
    } catch (error) {
      const reason =
        error instanceof NotesFileError ? error.message : `Could not read it: ${String(error)}`;
      setMessage({ text: `“${file.name}”: ${reason}`, tone: 'error' });
      return;
    }
    const { added, merged, unchanged } = await store.getState().importNotes(read.notes);
    setMessage({
      text:
        `Imported ${count(added, 'new note')} from “${file.name}”` +
        (merged > 0 ? `, merged ${count(merged, 'note')} with those kept` : '') +
        (unchanged > 0 ? ` (${count(unchanged, 'note')} already kept)` : '') +
        '.',
      tone: read.notes.length === 0 ? 'error' : 'done',
      details: read.problems,
    });
  };

  return (
    <section className="notes-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>My notes</h2>
      <p className="muted small">
        {notes.size === 0
          ? 'No notes yet: write one, or add tags, in an incident’s details.'
          : `${count(notes.size, 'incident')} with a note or tags, kept in this browser.`}
      </p>
      {notKept && (
        <p className="message warning" role="note">
          {notKept}
        </p>
      )}
      <ViewsMessageLine message={message} />
      <div className="notes-panel-actions">
        <button type="button" disabled={notes.size === 0} onClick={exportNotes}>
          Export notes
        </button>
        <ImportJsonButton label="Import notes…" onFile={(file) => void importFile(file)} />
      </div>
    </section>
  );
}
