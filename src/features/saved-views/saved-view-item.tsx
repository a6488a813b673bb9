import { useEffect, useId, useRef, useState } from 'react';
import { cleanViewName, MAX_VIEW_NAME } from '../../domain/saved-view';
import type { SavedView } from '../../storage/saved-views';
import { DataText } from '../data-text/data-text';

/**
 * One saved view in the list: its name (as text) and when it was saved, with Open, Rename and
 * Delete; Rename edits the name in place (Enter keeps it, Escape leaves it as it was).
 */
export function SavedViewItem({
  view,
  onOpen,
  onRename,
  onDelete,
}: {
  view: SavedView;
  onOpen: () => void;
  onRename: (name: string) => void;
  onDelete: () => void;
}) {
  const nameId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back from editing, the keyboard is where it was: on Rename.
  useEffect(() => {
    if (draft === null && wasEditing.current) renameButton.current?.focus();
    wasEditing.current = draft !== null;
  }, [draft]);

  if (draft !== null) {
    const name = cleanViewName(draft);
    return (
      <li className="saved-view">
        <form
          className="saved-view-rename"
          onSubmit={(event) => {
            event.preventDefault();
            if (name === '') return;
            if (name !== view.name) onRename(name);
            setDraft(null);
          }}
        >
          <label>
            New name
            <input
              type="text"
              value={draft}
              maxLength={MAX_VIEW_NAME}
              required
              autoFocus
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setDraft(null);
              }}
            />
          </label>
          <div className="saved-view-actions">
            <button type="submit" disabled={name === ''}>
              Save name
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="saved-view">
      <span id={nameId} className="saved-view-name">
        <DataText value={view.name} name />
      </span>{' '}
      <span className="muted small">{formatSavedAt(view.savedAt)}</span>
      <div className="saved-view-actions">
        <button type="button" aria-describedby={nameId} onClick={onOpen}>
          Open
        </button>
        <button
          ref={renameButton}
          type="button"
          aria-describedby={nameId}
          onClick={() => setDraft(view.name)}
        >
          Rename
        </button>
        <button type="button" aria-describedby={nameId} onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}

const SAVED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatSavedAt(savedAt: string): string {
  return SAVED_AT.format(new Date(savedAt));
}
