import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import type { IncidentStore } from '../../state/incident-store';
import {
  incidentStore,
  selectDescribeType,
  useIncidentStore,
  useIncidentStoreShallow,
} from '../../state/incident-store';
import { IncidentList } from './incident-list';
import { useThrottled } from './use-throttled';

/** Least time between two redrawings of the list's rows, ms. */
const LIST_FOLLOW_MS = 250;

/** The list of matching incidents, fed from the engine page by page: the map's text alternative. */
export function ListPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('incidentList');
  const { t: tPackage } = useTranslation('packageAnswers');
  const current = useIncidentStoreShallow(
    (state) => ({ total: state.result?.count ?? 0, version: state.listVersion }),
    store,
  );
  // While the filter changes on every frame (a drag), the rows follow a few times a second.
  const { total, version } = useThrottled(current, LIST_FOLLOW_MS);
  const sort = useIncidentStore((state) => state.listSort, store);
  const selectedRow = useIncidentStore((state) => state.selectedRow, store);
  const selectedPosition = useIncidentStore((state) => state.selectedPosition, store);
  const describeType = useIncidentStore(selectDescribeType, store);
  const isPackage = useIncidentStore((state) => state.summary?.package !== undefined, store);
  const { loadListRows, setListSort, select } = store.getState();
  return (
    <section className="list-panel" aria-labelledby="list-heading">
      <h2 id="list-heading">
        {t('heading')} <span className="muted">{formatNumber(total, currentLanguage())}</span>
      </h2>
      <IncidentList
        total={total}
        loadRows={loadListRows}
        version={version}
        sort={sort}
        onSortChange={setListSort}
        selectedRow={selectedRow}
        selectedPosition={selectedPosition}
        onSelect={(row) => void select(row, 'list')}
        describeType={describeType}
        dateOrderOnly={isPackage ? tPackage('dateOrderOnly') : null}
      />
    </section>
  );
}
