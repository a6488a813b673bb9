import { useId, useMemo, useState } from 'react';
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
import { DataText } from '../data-text/data-text';
import './analyst-notes.css';

type Message = { text: string; tone: 'done' | 'error' } | null;

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
      setMessage({
        text: `This note was changed in another tab meanwhile; it now reads: “${conflict.note}”. Your text is still in the box: Save note again to replace it.`,
        tone: 'error',
      });
      return;
    }
    setDraft(text);
    setBase(text);
    setMessage({ text: text === '' ? 'Note removed.' : 'Note saved.', tone: 'done' });
  };

  const addTag = async () => {
    const cleaned = cleanTag(tag);
    if (cleaned === '') return;
    await store.getState().changeNote(target, { kind: 'tag', tag: cleaned, on: true });
    setTag('');
    setMessage({ text: `Tagged “${cleaned}”.`, tone: 'done' });
  };

  const removeTag = async (name: string) => {
    await store.getState().changeNote(target, { kind: 'tag', tag: name, on: false });
    setMessage({ text: `Removed the tag “${name}”.`, tone: 'done' });
  };

  return (
    <section className="incident-notes" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>My note and tags</h3>
      <label className="field" htmlFor={`${id}-note`}>
        Note
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
          Save note
        </button>
      </div>
      {tags.length > 0 && (
        <ul className="note-tags" aria-label="Tags">
          {tags.map((name) => (
            <li key={name}>
              <DataText value={name} />
              <button
                type="button"
                aria-label={`Remove tag ${name}`}
                title="Remove tag"
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
        <label htmlFor={`${id}-tag`}>Add a tag</label>
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
          Add tag
        </button>
      </form>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className="muted small">
          <DataText value={message.text} />
        </p>
      )}
      <p className="muted small">
        {notKept ??
          'Kept in this browser only, never in the data; exported with “Include my notes”.'}
      </p>
    </section>
  );
}
