import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';

/**
 * How many incidents a filter's choice holds, beside it, in the reader's digits (ungrouped, as
 * the counts have always been written: "Airstrike 1234").
 */
export function ChoiceCount({ count }: { count: number }) {
  useTranslation();
  return (
    <span className="type-count">
      {formatNumber(count, currentLanguage(), { useGrouping: false })}
    </span>
  );
}
