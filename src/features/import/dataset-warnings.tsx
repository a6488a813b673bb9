import { Trans, useTranslation } from 'react-i18next';
import type { TextEncodingName } from '../../domain/import/decode-text';
import { ENCODING_NAMES } from '../../domain/import/decode-text';
import type { LoadOptions } from '../../workers/engine-protocol';
import type { DatasetSummary } from '../../workers/engine-protocol';
import { displayName } from '../../domain/display-text';
import { DataText } from '../data-text/data-text';
import type { LoadWarning } from '../../domain/incident';
import { wordWarning } from './word-warning';
import { MessageText } from '../data-text/message-text';

/** Warnings about single features (ids used twice…) listed; the rest are counted. */
export const SHOWN_WARNINGS = 200;

/** The encodings a file read by guess or by choice can be read again in. */
const REREAD_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'windows-1252', 'windows-1256'];

/**
 * A file's warnings, each with the choices that answer it: swap the coordinates, declare the day
 * order, read the text in another encoding, read another sheet. `reload` loads the file again
 * with the choice, in place of what it gave.
 */
export function DatasetWarnings({
  dataset,
  reload,
}: {
  dataset: DatasetSummary;
  reload: (options: LoadOptions) => Promise<boolean>;
}) {
  const { t } = useTranslation('import');
  const { name, warnings } = dataset;
  const swap = warnings.find((w) => w.code === 'swapped-coordinates');
  const ambiguous = warnings.find((w) => w.code === 'ambiguous-date');
  const encoding = warnings.find((w) => w.code === 'encoding');
  const sheets = warnings.find((w) => w.code === 'sheets');
  const others = warnings.filter(
    (w) => w !== swap && w !== ambiguous && w !== encoding && w !== sheets,
  );
  // Those the engine left out of the report (it carries the first ones) count as others.
  const answered = [swap, ambiguous, encoding, sheets].filter(Boolean).length;
  const otherCount = Math.max(others.length, dataset.warningCount - answered);
  const swapped = dataset.options.swapCoordinates === true;
  const shownSheet = dataset.options.sheet ?? sheets?.sheets?.[0];
  if (others.length === 0 && !swap && !ambiguous && !encoding && !sheets && !swapped) return null;
  return (
    <div
      role="status"
      className="message warning"
      aria-label={t('warningsFor', { name: displayName(name) })}
    >
      {otherCount > SHOWN_WARNINGS && (
        <p>{t('manyWarnings', { count: otherCount, shown: SHOWN_WARNINGS })}</p>
      )}
      {others.length > 0 && (
        <ul>
          {others.slice(0, SHOWN_WARNINGS).map((warning, i) => (
            <li key={i}>
              <MessageText message={warning.sent ?? warning.message} />
            </li>
          ))}
        </ul>
      )}
      {otherCount > SHOWN_WARNINGS && <p>{t('more', { count: otherCount - SHOWN_WARNINGS })}</p>}
      {sheets && (
        <p>
          <Trans
            t={t}
            i18nKey="sheets"
            count={sheets.sheets?.length ?? 0}
            components={{ sheet: <DataText value={shownSheet ?? ''} name /> }}
          />
          {sheets.sheets
            ?.filter((sheet) => sheet !== shownSheet)
            .map((sheet) => (
              <span key={sheet}>
                {' '}
                <button type="button" onClick={() => void reload({ sheet })}>
                  <Trans
                    t={t}
                    i18nKey="readSheet"
                    components={{ sheet: <DataText value={sheet} name /> }}
                  />
                </button>
              </span>
            ))}
        </p>
      )}
      {(swap || swapped) && (
        <p>
          {swap ? (
            <WarningText warning={swap} />
          ) : (
            <DataText value={t('swappedAll', { name: displayName(name) })} />
          )}{' '}
          <button type="button" onClick={() => void reload({ swapCoordinates: !swapped })}>
            {swapped ? t('undoSwap') : t('swapAll')}
          </button>
        </p>
      )}
      {ambiguous && (
        <p>
          <WarningText warning={ambiguous} />{' '}
          <button type="button" onClick={() => void reload({ dayOrder: 'dmy' })}>
            {t('dayFirst')}
          </button>{' '}
          <button type="button" onClick={() => void reload({ dayOrder: 'mdy' })}>
            {t('monthFirst')}
          </button>
        </p>
      )}
      {encoding && (
        <p>
          <WarningText warning={encoding} />
          {REREAD_ENCODINGS.filter((other) => other !== encoding.encoding).map((other) => (
            <span key={other}>
              {' '}
              <button type="button" onClick={() => void reload({ encoding: other })}>
                {t(other === 'utf-8' ? 'readAsReplacing' : 'readAs', {
                  encoding: ENCODING_NAMES[other],
                })}
              </button>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** A warning in the page's language where it can be worded, else the importer's English. */
function WarningText({ warning }: { warning: LoadWarning }) {
  const worded = wordWarning(warning);
  return worded === null ? (
    <DataText value={warning.message} lang="en" />
  ) : (
    <DataText value={worded} />
  );
}
