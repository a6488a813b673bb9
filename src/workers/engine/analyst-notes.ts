/**
 * The analyst's notes as the engine holds them: by dataset name and incident id, as the page
 * sends them (the notes themselves are kept by the page, in IndexedDB). They are matched to
 * rows once per table, on first need, for the tags filter and for exports with notes.
 */
import type { RowNote } from '../../domain/filters/filter-dimension';
import type { Incident } from '../../domain/incident';
import type { AnalystNote } from '../../domain/notes/analyst-note';
import type { IncidentTable } from './incident-table';

/** The notes by dataset name, then incident id; the rows they fall on, per table. */
export class NoteIndex {
  private readonly byDataset = new Map<string, Map<string, RowNote>>();
  private readonly rowsOf = new WeakMap<IncidentTable, ReadonlyMap<number, RowNote>>();

  constructor(notes: readonly AnalystNote[] = []) {
    for (const { dataset, incident, note, tags } of notes) {
      let ofDataset = this.byDataset.get(dataset);
      if (!ofDataset) this.byDataset.set(dataset, (ofDataset = new Map()));
      ofDataset.set(incident, { note, tags });
    }
  }

  /** How many notes it holds. */
  get size(): number {
    let size = 0;
    for (const notes of this.byDataset.values()) size += notes.size;
    return size;
  }

  /** The note of each row of `table` that has one: one pass over the rows of noted datasets. */
  rows(table: IncidentTable): ReadonlyMap<number, RowNote> {
    const known = this.rowsOf.get(table);
    if (known) return known;
    const rows = new Map<number, RowNote>();
    const ofDataset = table.datasets.map((d) => this.byDataset.get(d.summary.name) ?? null);
    if (ofDataset.some((notes) => notes !== null)) {
      const { incidents, datasetOf } = table;
      for (let row = 0; row < incidents.length; row++) {
        const note = ofDataset[datasetOf[row]!]?.get(incidents[row]!.key);
        if (note) rows.set(row, note);
      }
    }
    this.rowsOf.set(table, rows);
    return rows;
  }
}

/** A copy of the incident whose feature also carries the analyst's note and tags. */
export function withNoteFields(incident: Incident, note: RowNote | undefined): Incident {
  const fields = { analyst_note: note?.note || null, analyst_tags: [...(note?.tags ?? [])] };
  // Spread copies own keys as data, so a `__proto__` property stays a property.
  const feature = {
    ...incident.feature,
    properties: { ...incident.feature.properties, ...fields },
  };
  return { ...incident, feature };
}
