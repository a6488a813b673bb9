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

/** Dates and places of the incidents under a click, newest first. */
export async function describeHits(
  store: IncidentStore,
  hits: readonly MapHit[],
): Promise<ChooserItem[]> {
  const described = await store.getState().describeRows(hits.map((hit) => hit.row));
  const found = new Map(described.map((row) => [row.row, row]));
  return hits
    .map((hit) => ({
      row: hit.row,
      type: hit.type,
      day: found.get(hit.row)?.day ?? null,
      place: found.get(hit.row)?.place ?? '',
    }))
    .sort((a, b) => (b.day ?? '').localeCompare(a.day ?? '') || a.row - b.row);
}
