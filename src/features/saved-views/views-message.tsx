import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../storage/saved-views';
import { NotesFileError } from '../../domain/notes/notes-file';
import { ViewsFileError } from '../../domain/saved-view';
import { t as say } from '../../i18n/i18n';
import { DataText } from '../data-text/data-text';

/** What the saved views panel last did, said in its status line. */
export interface ViewsMessage {
  /** The app's words, worded when shown so that they follow a change of language. */
  text: () => string;
  /** Why a file was refused, as the file reader words it (in English), after the text. */
  reason?: string;
  tone: 'done' | 'error';
  /**
   * What was dropped or changed (an import's bad values), one line each: in English, as the file
   * reader words each entry of a file, as rejected rows are.
   */
  details?: string[];
  /** The view just deleted, for Undo. */
  deleted?: SavedView;
}

/**
 * What a panel says of a file it could not read (a views or a notes file): the app's words, then
 * the file reader's reason, in English.
 */
export function fileProblem(file: File, error: unknown): ViewsMessage {
  const known = error instanceof ViewsFileError || error instanceof NotesFileError;
  return {
    text: () => {
      const problem = say('savedViews:fileProblem', { file: file.name });
      return known
        ? problem
        : `${problem} ${say('savedViews:couldNotRead', { error: String(error) })}`;
    },
    ...(known ? { reason: error.message } : {}),
    tone: 'error',
  };
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
  const { t } = useTranslation('savedViews');
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (message?.deleted) undoButton.current?.focus();
  }, [message]);
  const details = message?.details ?? [];
  return (
    <div role="status" className="saved-views-status">
      {message && (
        <div className={`message ${message.tone}`}>
          <DataText value={message.text()} />
          {message.reason && (
            <>
              {' '}
              <DataText value={message.reason} lang="en" />
            </>
          )}
          {message.deleted && (
            <>
              {' '}
              <button
                ref={undoButton}
                type="button"
                className="link-button"
                onClick={() => onUndo?.(message.deleted!)}
              >
                {t('undo')}
              </button>
            </>
          )}
          {details.length > 0 && (
            <ul>
              {details.slice(0, MAX_DETAILS).map((detail, index) => (
                <li key={index}>
                  <DataText value={detail} lang="en" />
                </li>
              ))}
              {details.length > MAX_DETAILS && (
                <li>{t('moreDetails', { count: details.length - MAX_DETAILS })}</li>
              )}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
