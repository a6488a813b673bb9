/**
 * What the actor, country, fatality and precision filters read of each incident, as columns made
 * once per load. At a million incidents reading them takes seconds, so they can be made a slice
 * at a time (`FacetBuilder.step`), letting the engine answer other requests in between.
 */
import type { Incident } from './incident';
import {
  PRECISIONS,
  readActors,
  readCountries,
  readFatalities,
  readPrecision,
} from './incident-facets';

export interface FacetColumns {
  actorNames: string[];
  /** Interned actor ids per row. */
  actors: number[][];
  countryNames: string[];
  countries: number[][];
  /** Highest fatality figure per row, NaN when none. */
  fatalities: Float32Array;
  fatalitiesMin: Float32Array;
  /** Position in PRECISIONS per row. */
  precision: Uint8Array;
}

/** Rows read between two looks at the clock. */
const ROWS_PER_CHECK = 2_000;

/** Interns names: each distinct name gets the next id. */
function interner() {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  return { names, idOf };
}

/** Makes the facet columns of `incidents`, all at once (`finish`) or a slice at a time (`step`). */
export class FacetBuilder {
  private row = 0;
  private readonly actors = interner();
  private readonly countries = interner();
  private readonly columns: FacetColumns;

  constructor(private readonly incidents: readonly Incident[]) {
    const size = incidents.length;
    this.columns = {
      actorNames: this.actors.names,
      actors: [],
      countryNames: this.countries.names,
      countries: [],
      fatalities: new Float32Array(size),
      fatalitiesMin: new Float32Array(size),
      precision: new Uint8Array(size),
    };
  }

  /** Reads rows until `deadline` (performance.now()); the columns once every row is read. */
  step(deadline: number): FacetColumns | null {
    const { incidents, columns } = this;
    while (this.row < incidents.length) {
      const end = Math.min(incidents.length, this.row + ROWS_PER_CHECK);
      for (let row = this.row; row < end; row++) {
        const properties = incidents[row]!.feature.properties;
        columns.actors.push(readActors(properties).map(this.actors.idOf));
        columns.countries.push(readCountries(properties).map(this.countries.idOf));
        const highest = readFatalities(properties) ?? NaN;
        columns.fatalities[row] = highest;
        const min = properties.fatalities_min;
        columns.fatalitiesMin[row] =
          typeof min === 'number' && Number.isFinite(min) ? min : highest;
        columns.precision[row] = PRECISIONS.indexOf(readPrecision(properties));
      }
      this.row = end;
      if (performance.now() >= deadline) break;
    }
    return this.row >= incidents.length ? columns : null;
  }

  /** Reads every row left. */
  finish(): FacetColumns {
    return this.step(Infinity)!;
  }
}
