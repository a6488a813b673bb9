import type { IncidentStore } from '../../state/incident-store';
import type { MapHit } from '../../map/incident-map';

/** An incident under a click, as the chooser lists it. */
export interface ChooserItem {
  row: number;
  type: string;
  /** `YYYY-MM-DD`, or null when it could not be looked up. */
  day: string | null;
  place: string;
}

/** Beyond this many matching incidents the lookup below would cost too much: types only. */
const LOOKUP_LIMIT = 5_000;

/**
 * Dates and places of the incidents under a click, newest first. The store offers no lookup by
 * row yet, so this reads the matching incidents through the list's pages and picks the hits;
 * a direct lookup (`describeRows(rows)`) would replace it.
 */
export async function describeHits(
  store: IncidentStore,
  hits: readonly MapHit[],
): Promise<ChooserItem[]> {
  const { result, loadListRows } = store.getState();
  const count = result?.count ?? 0;
  const wanted = new Set(hits.map((hit) => hit.row));
  const found = new Map<number, { day: string; place: string }>();
  if (count > 0 && count <= LOOKUP_LIMIT) {
    for (const row of await loadListRows(0, count)) {
      if (wanted.has(row.row)) found.set(row.row, { day: row.day, place: row.place });
    }
  }
  return hits
    .map((hit) => ({
      row: hit.row,
      type: hit.type,
      day: found.get(hit.row)?.day ?? null,
      place: found.get(hit.row)?.place ?? '',
    }))
    .sort((a, b) => (b.day ?? '').localeCompare(a.day ?? '') || a.row - b.row);
}
