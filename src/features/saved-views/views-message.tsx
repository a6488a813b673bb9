import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../storage/saved-views';
import type { AppFileProblem } from '../../domain/app-file';
import type { MessageLine } from '../../domain/message-line';
import { AppFileError } from '../../domain/app-file';
import { currentLanguage, t as say } from '../../i18n/i18n';
import { readerDigits, readerNumber } from '../incident-list/reader-day';
import { DataText } from '../data-text/data-text';
import { MessageText } from '../data-text/message-text';

/** What the saved views panel last did, said in its status line. */
export interface ViewsMessage {
  /** The app's words, worded when shown so that they follow a change of language. */
  text: () => string;
  tone: 'done' | 'error';
  /** What was dropped or changed (an import's bad values), one line each, worded when shown. */
  details?: readonly MessageLine[];
  /** The view just deleted, for Undo. */
  deleted?: SavedView;
}

/**
 * What a panel says of a file it could not read (a views or a notes file), in the page's
 * language: the file reader's reason is worded from its problem (domain/app-file.ts).
 */
export function fileProblem(file: File, error: unknown): ViewsMessage {
  return {
    text: () => {
      const problem = say('savedViews:fileProblem', { file: file.name });
      const reason =
        error instanceof AppFileError
          ? wordFileError(error.problem)
          : say('savedViews:couldNotRead', { error: String(error) });
      return `${problem} ${reason}`;
    },
    tone: 'error',
  };
}

/** Why a file is not a views or notes file, in the page's language. */
function wordFileError(problem: AppFileProblem): string {
  const language = currentLanguage();
  const number = (value: number) => readerNumber(value, language);
  const kind = problem.listKey === 'notes' ? 'notes' : 'views';
  const noun = say(`savedViews:fileKind.${kind}.noun`);
  const notThisKind = say('savedViews:fileError.notThisKind', {
    noun,
    madeBy: say(`savedViews:fileKind.${kind}.madeBy`),
  });
  switch (problem.code) {
    case 'not-json':
      return say('savedViews:fileError.not-json', { notThisKind, detail: problem.detail });
    case 'no-format':
      return say('savedViews:fileError.no-format', { notThisKind, format: problem.format });
    case 'bad-version':
      return say('savedViews:fileError.bad-version', { notThisKind });
    case 'newer':
      return say('savedViews:fileError.newer', {
        noun,
        version: number(problem.version),
        readable: number(problem.readable),
      });
    case 'no-list':
      return say('savedViews:fileError.no-list', { notThisKind, listKey: problem.listKey });
    case 'too-large':
      return say('savedViews:fileError.too-large', {
        notThisKind,
        noun,
        megabytes: readerDigits(problem.megabytes, language),
        maxEntries: number(problem.maxEntries),
        entries: say(`savedViews:fileKind.${kind}.entries`),
        maxMegabytes: number(problem.maxMegabytes),
      });
  }
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
                  <MessageText message={detail} />
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
