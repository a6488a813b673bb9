/**
 * The importer's warnings that the load report answers with a button, worded in the page's
 * language from their facts (domain/incident.ts, LoadWarning.facts). Other warnings are about
 * particular features and stay as the importer wrote them, in English.
 */
import type { LoadWarning } from '../../domain/incident';
import { ENCODING_NAMES } from '../../domain/import/decode-text';
import { currentLanguage, t } from '../../i18n/i18n';
import { readerNumber } from '../incident-list/reader-day';

/** The warning in the page's language, or null when only the importer's English says it. */
export function wordWarning(warning: LoadWarning): string | null {
  const { facts } = warning;
  if (!facts) return null;
  const n = (value: number) => readerNumber(value, currentLanguage());
  switch (warning.code) {
    case 'swapped-coordinates': {
      if (facts.count === undefined || facts.total === undefined || !facts.first) return null;
      const list = facts.first.map((index) => `#${n(index)}`).join(', ');
      const more = facts.count - facts.first.length;
      return t('import:warning.swapped', {
        n: n(facts.count),
        total: n(facts.total),
        first: more > 0 ? t('import:warning.firstMore', { list, n: n(more) }) : list,
      });
    }
    case 'ambiguous-date':
      if (facts.count === undefined || !facts.examples) return null;
      return t('import:warning.ambiguous', {
        count: facts.count,
        n: n(facts.count),
        examples: facts.examples.map((example) => `"${example}"`).join(', '),
      });
    case 'encoding': {
      const encoding = warning.encoding;
      if (!encoding) return null;
      if (facts.asked)
        return t('import:warning.encodingAsked', { encoding: ENCODING_NAMES[encoding] });
      return encoding === 'windows-1252' || encoding === 'windows-1256'
        ? t(`import:warning.encodingGuessed.${encoding}`)
        : null;
    }
    default:
      return null;
  }
}
