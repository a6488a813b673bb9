/**
 * What every import path says the same way: the dialog's reason for asking, the count of dates
 * that want a declared day order, and the notice of swapped coordinates.
 */
import { displayName } from '../display-text';
import type { Incident, LoadWarning } from '../incident';
import type { FieldReader } from '../parse-incidents';
import { mappingReason } from './mapping-words';
import { sentWarning } from './warning-words';

/** How many rows or features the mapping dialog shows. */
export const SAMPLE_ROWS = 5;

/** Why the column dialog opens for a file of no known layout: its English and its message. */
export const NEEDS_MAPPING = mappingReason('noLayout');

export function swapNotice(incidents: readonly Incident[]): LoadWarning {
  const located = incidents.filter((incident) => incident.lon !== null).length;
  return sentWarning('other', 'swappedAsked', { n: located });
}

/**
 * Wraps a reader to note the incidents whose numeric date could not be read for want of a
 * declared day order, so one warning can tell the user that declaring it would load them.
 */
export function countAmbiguousDates(reader: FieldReader) {
  const examples: string[] = [];
  let count = 0;
  const fields: FieldReader = {
    ...reader,
    date(properties) {
      const result = reader.date(properties);
      if (!result.ok && result.ambiguousOrder) {
        count++;
        if (examples.length < 3) examples.push(/"(.*)"/.exec(result.error)?.[1] ?? '');
      }
      return result;
    },
  };
  const ambiguous = (): LoadWarning[] =>
    count === 0
      ? []
      : [
          {
            code: 'ambiguous-date',
            message:
              `${count === 1 ? '1 date is' : `${count} dates are`} written with numbers in an ambiguous day/month order ` +
              `(${examples.map((e) => `"${e}"`).join(', ')}); declare day/month/year or ` +
              'month/day/year for the whole file to load them',
            facts: { count, examples: examples.map((example) => displayName(example)) },
          },
        ];
  return { fields, ambiguous };
}
