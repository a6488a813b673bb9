import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { IncidentList } from './incident-list';

/** The list of matching incidents, fed from the engine page by page: the map's text alternative. */
export function ListPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const total = useIncidentStore((state) => state.result?.count ?? 0, store);
  const version = useIncidentStore((state) => state.listVersion, store);
  const sort = useIncidentStore((state) => state.listSort, store);
  const selectedRow = useIncidentStore((state) => state.selectedRow, store);
  const selectedPosition = useIncidentStore((state) => state.selectedPosition, store);
  const { loadListRows, setListSort, select } = store.getState();
  return (
    <section className="list-panel" aria-labelledby="list-heading">
      <h2 id="list-heading">
        Incidents <span className="muted">{total}</span>
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
      />
    </section>
  );
}
