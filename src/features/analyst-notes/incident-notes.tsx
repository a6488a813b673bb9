import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteTarget } from '../../domain/notes/analyst-note';
import {
  cleanNote,
  cleanTag,
  countTags,
  MAX_NOTE_CHARS,
  MAX_TAG_CHARS,
  noteKey,
} from '../../domain/notes/analyst-note';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { t as say } from '../../i18n/i18n';
import { DataText } from '../data-text/data-text';
import { MessageText } from '../data-text/message-text';
import './analyst-notes.css';

/** The last thing done, worded when shown so that it follows a change of language. */
type Message = { text: () => string; tone: 'done' | 'error' } | null;

/**
 * The analyst's own note and tags on the incident shown in the details, kept in this browser.
 * The note is plain text; the tags already used on other incidents are offered while typing.
 * Changes made in another tab appear here; a note edited there meanwhile is never written over
 * without the analyst seeing it first.
 */
export function IncidentNotes({
  target,
  store = incidentStore,
}: {
  target: NoteTarget;
  store?: IncidentStore;
}) {
  const { t } = useTranslation('analystNotes');
  const id = useId();
  const stored = useIncidentStore((state) => state.notes.get(noteKey(target)) ?? null, store);
  const notes = useIncidentStore((state) => state.notes, store);
  const notKept = useIncidentStore((state) => state.notesNotKept, store);
  const storedText = stored?.note ?? '';
  const tags = useMemo(() => stored?.tags ?? [], [stored]);

  // The text being edited and the stored text it started from.
  const [draft, setDraft] = useState(storedText);
  const [base, setBase] = useState(storedText);
  const [tag, setTag] = useState('');
  const [message, setMessage] = useState<Message>(null);
  // Untouched, the box follows the stored note (changed in another tab).
  if (draft === base && base !== storedText) {
    setDraft(storedText);
    setBase(storedText);
  }
  const otherTags = useMemo(
    () => countTags(notes.values()).filter(({ name }) => !tags.includes(name)),
    [notes, tags],
  );

  const saveNote = async () => {
    const text = cleanNote(draft);
    const { conflict } = await store.getState().changeNote(target, { kind: 'note', text, base });
    if (conflict) {
      // Saving again replaces what the other tab wrote: the analyst has now seen it.
      setBase(conflict.note);
      const note = conflict.note;
      setMessage({ text: () => say('analystNotes:conflict', { note }), tone: 'error' });
      return;
    }
    setDraft(text);
    setBase(text);
    const done = text === '' ? 'analystNotes:removed' : 'analystNotes:saved';
    setMessage({ text: () => say(done), tone: 'done' });
  };

  const addTag = async () => {
    const cleaned = cleanTag(tag);
    if (cleaned === '') return;
    await store.getState().changeNote(target, { kind: 'tag', tag: cleaned, on: true });
    setTag('');
    setMessage({ text: () => say('analystNotes:tagged', { name: cleaned }), tone: 'done' });
  };

  const removeTag = async (name: string) => {
    await store.getState().changeNote(target, { kind: 'tag', tag: name, on: false });
    setMessage({ text: () => say('analystNotes:untagged', { name }), tone: 'done' });
  };

  return (
    <section className="incident-notes" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('myNoteAndTags')}</h3>
      <label className="field" htmlFor={`${id}-note`}>
        {t('note')}
      </label>
      <textarea
        id={`${id}-note`}
        value={draft}
        rows={3}
        maxLength={MAX_NOTE_CHARS}
        onChange={(event) => setDraft(event.target.value)}
      />
      <div className="incident-notes-actions">
        <button
          type="button"
          onClick={() => void saveNote()}
          disabled={cleanNote(draft) === storedText && base === storedText}
        >
          {t('saveNote')}
        </button>
      </div>
      {tags.length > 0 && (
        <ul className="note-tags" aria-label={t('tags')}>
          {tags.map((name) => (
            <li key={name}>
              <DataText value={name} />
              <button
                type="button"
                aria-label={t('removeTagNamed', { name })}
                title={t('removeTag')}
                onClick={() => void removeTag(name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="note-tag-form"
        onSubmit={(event) => {
          event.preventDefault();
          void addTag();
        }}
      >
        <label htmlFor={`${id}-tag`}>{t('addATag')}</label>
        <input
          id={`${id}-tag`}
          type="text"
          list={`${id}-used`}
          value={tag}
          maxLength={MAX_TAG_CHARS}
          autoComplete="off"
          onChange={(event) => setTag(event.target.value)}
        />
        <datalist id={`${id}-used`}>
          {otherTags.map(({ name }) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <button type="submit" disabled={cleanTag(tag) === ''}>
          {t('addTag')}
        </button>
      </form>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className="muted small">
          <DataText value={message.text()} />
        </p>
      )}
      <p className="muted small">{notKept ? <MessageText message={notKept} /> : t('keptHere')}</p>
    </section>
  );
}
