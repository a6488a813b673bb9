import { useEffect, useRef } from 'react';
import type { SavedView } from '../../storage/saved-views';
import { DataText } from '../data-text/data-text';

/** What the saved views panel last did, said in its status line. */
export interface ViewsMessage {
  text: string;
  tone: 'done' | 'error';
  /** What was dropped or changed (an import's bad values), one line each. */
  details?: string[];
  /** The view just deleted, for Undo. */
  deleted?: SavedView;
}

/** Most lines of an import's details shown; the rest are counted. */
const MAX_DETAILS = 20;

/**
 * The panel's status line: the last message, its details as a list, and Undo after a delete
 * (which takes the keyboard, since the deleted view's buttons are gone).
 */
export function ViewsMessageLine({
  message,
  onUndo,
}: {
  message: ViewsMessage | null;
  onUndo?: (view: SavedView) => void;
}) {
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (message?.deleted) undoButton.current?.focus();
  }, [message]);
  const details = message?.details ?? [];
  return (
    <div role="status" className="saved-views-status">
      {message && (
        <div className={`message ${message.tone}`}>
          <DataText value={message.text} />
          {message.deleted && (
            <>
              {' '}
              <button
                ref={undoButton}
                type="button"
                className="link-button"
                onClick={() => onUndo?.(message.deleted!)}
              >
                Undo
              </button>
            </>
          )}
          {details.length > 0 && (
            <ul>
              {details.slice(0, MAX_DETAILS).map((detail, index) => (
                <li key={index}>
                  <DataText value={detail} />
                </li>
              ))}
              {details.length > MAX_DETAILS && <li>and {details.length - MAX_DETAILS} more</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
