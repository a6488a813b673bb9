import { useTranslation } from 'react-i18next';
import { activeDimensions, filterWords } from '../../domain/filters/filter-table';
import { currentLanguage } from '../../i18n/i18n';
import { DataText } from '../data-text/data-text';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, selectDescribeType, useIncidentStore } from '../../state/incident-store';
import { wordFilterPhrases } from './filter-phrases';

/**
 * The filters in force, in words, as the PNG caption writes them (the filter table's phrases):
 * "Active: 2025-10-01 to 2025-10-31 · Afghan side · citing: Dawn". Nothing when none is set.
 */
export function ActiveFilters({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('filters');
  const filter = useIncidentStore((state) => state.filter, store);
  const dayExtent = useIncidentStore((state) => state.summary?.dayExtent ?? null, store);
  const geography = useIncidentStore((state) => state.geography, store);
  const describeType = useIncidentStore(selectDescribeType, store);
  const words = filterWords(dayExtent, (code) => describeType(code).label, geography);
  const phrases = wordFilterPhrases(
    activeDimensions(filter).flatMap((d) => d.describe(filter, words)),
    t,
    currentLanguage(),
  );
  if (phrases.length === 0) return null;
  return (
    <p className="muted small active-filters" data-testid="active-filters">
      {t('active')}{' '}
      {phrases.map((phrase, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          <DataText value={phrase} />
        </span>
      ))}
    </p>
  );
}
