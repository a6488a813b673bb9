import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNotesFileSize, readNotesFile, writeNotesFile } from '../../domain/notes/notes-file';
import { t as say } from '../../i18n/i18n';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { downloadBlob } from '../export/download-file';
import type { ViewsMessage } from '../saved-views/views-message';
import { ImportJsonButton } from '../saved-views/import-json-button';
import { fileProblem, ViewsMessageLine } from '../saved-views/views-message';
import { MessageText } from '../data-text/message-text';

const countNotes = (count: number) => say('analystNotes:notes', { count });

/**
 * My notes: how many notes and tags this browser keeps, Export notes (every note, as JSON) and
 * Import notes… (merged with those kept: tags of both, the text changed last).
 */
export function NotesPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('analystNotes');
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
    const exported = notes.size;
    setMessage({
      text: () => say('analystNotes:exported', { notes: countNotes(exported) }),
      tone: 'done',
    });
  };

  const importFile = async (file: File) => {
    let read: ReturnType<typeof readNotesFile>;
    try {
      checkNotesFileSize(file.size);
      read = readNotesFile(await file.text(), new Date());
    } catch (error) {
      setMessage(fileProblem(file, error));
      return;
    }
    const { added, merged, unchanged } = await store.getState().importNotes(read.notes);
    setMessage({
      text: () =>
        say('analystNotes:imported', {
          notes: say('analystNotes:newNotes', { count: added }),
          file: file.name,
        }) +
        (merged > 0 ? say('analystNotes:merged', { notes: countNotes(merged) }) : '') +
        (unchanged > 0 ? say('analystNotes:unchanged', { notes: countNotes(unchanged) }) : '') +
        say('analystNotes:end'),
      tone: read.notes.length === 0 ? 'error' : 'done',
      details: read.problems,
    });
  };

  return (
    <section className="notes-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('heading')}</h2>
      <p className="muted small">
        {notes.size === 0 ? t('none') : t('kept', { count: notes.size })}
      </p>
      {notKept && (
        <p className="message warning" role="note">
          <MessageText message={notKept} />
        </p>
      )}
      <ViewsMessageLine message={message} />
      <div className="notes-panel-actions">
        <button type="button" disabled={notes.size === 0} onClick={exportNotes}>
          {t('exportNotes')}
        </button>
        <ImportJsonButton label={t('importNotes')} onFile={(file) => void importFile(file)} />
      </div>
    </section>
  );
}
