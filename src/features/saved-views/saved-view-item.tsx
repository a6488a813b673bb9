import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanViewName, MAX_VIEW_NAME } from '../../domain/saved-view';
import type { SavedView } from '../../storage/saved-views';
import { DataText } from '../data-text/data-text';
import { formatMoment } from '../saved-datasets/describe-saved';

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
  const { t } = useTranslation('savedViews');
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
            {t('newName')}
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
              {t('saveName')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('cancel')}
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
      <span className="muted small">{formatMoment(view.savedAt)}</span>
      <div className="saved-view-actions">
        <button type="button" aria-describedby={nameId} onClick={onOpen}>
          {t('open')}
        </button>
        <button
          ref={renameButton}
          type="button"
          aria-describedby={nameId}
          onClick={() => setDraft(view.name)}
        >
          {t('rename')}
        </button>
        <button type="button" aria-describedby={nameId} onClick={onDelete}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}
