/**
 * What the list filters (actors, countries, sources: the name facets of the filter table), the
 * fatality and the precision filters read of each incident's view, as columns made once per
 * load. At a million incidents reading them takes seconds, so they can be made a slice at a time
 * (`FacetBuilder.step`), letting the engine answer other requests in between.
 */
import { clipText, MAX_NAME_CHARS } from './display-text';
import type { NameListKey } from './filters/filter-dimension';
import { NAME_FACETS } from './filters/filter-table';
import { PRECISIONS } from './incident-facets';
import type { IncidentView } from './layouts/incident-view';
import { highestFigure } from './layouts/incident-view';

/** The names of one facet, and each row's names as ids into them. */
export interface NameColumn {
  names: string[];
  /** Interned name ids per row. */
  ids: number[][];
}

export interface FacetColumns {
  /** One column per name facet, by its filter key. */
  names: Record<NameListKey, NameColumn>;
  /** Highest fatality figure per row, NaN when none. */
  fatalities: Float32Array;
  /** Position in PRECISIONS per row. */
  precision: Uint8Array;
}

/** Rows read between two looks at the clock. */
const ROWS_PER_CHECK = 2_000;

/**
 * A column that interns names, each distinct name getting the next id, and its adder. Names are
 * kept clipped to a name's length: they are listed, chosen and put in permalinks by that text.
 */
function nameColumn() {
  const ids = new Map<string, number>();
  const column: NameColumn = { names: [], ids: [] };
  const add = (names: string[]) =>
    column.ids.push(
      names.map((whole) => {
        const name = clipText(whole, MAX_NAME_CHARS);
        let id = ids.get(name);
        if (id === undefined) {
          id = column.names.length;
          ids.set(name, id);
          column.names.push(name);
        }
        return id;
      }),
    );
  return { column, add };
}

/**
 * Makes the facet columns of `size` rows from each row's view (`viewOf`, which knows the row's
 * layout), all at once (`finish`) or a slice at a time (`step`).
 */
export class FacetBuilder {
  private row = 0;
  private readonly builders = NAME_FACETS.map((facet) => ({ facet, ...nameColumn() }));
  private readonly columns: FacetColumns;

  constructor(
    private readonly size: number,
    private readonly viewOf: (row: number) => IncidentView,
  ) {
    this.columns = {
      names: Object.fromEntries(
        this.builders.map(({ facet, column }) => [facet.key, column]),
      ) as FacetColumns['names'],
      fatalities: new Float32Array(size),
      precision: new Uint8Array(size),
    };
  }

  /** Reads rows until `deadline` (performance.now()); the columns once every row is read. */
  step(deadline: number): FacetColumns | null {
    const { size, columns, builders } = this;
    while (this.row < size) {
      const end = Math.min(size, this.row + ROWS_PER_CHECK);
      for (let row = this.row; row < end; row++) {
        const view = this.viewOf(row);
        for (const { facet, add } of builders) add(facet.read(view));
        columns.fatalities[row] = highestFigure(view.fatalities) ?? NaN;
        columns.precision[row] = PRECISIONS.indexOf(view.precision);
      }
      this.row = end;
      if (performance.now() >= deadline) break;
    }
    return this.row >= size ? columns : null;
  }

  /** Reads every row left. */
  finish(): FacetColumns {
    return this.step(Infinity)!;
  }
}
