import { describe, expect, it } from 'vitest';
import { FacetBuilder } from './facet-columns';
import { viewOf } from './layouts/layout-registry';
import { loadIncidents, makeFeature } from './test-factories';

const incidents = loadIncidents(
  Array.from({ length: 4_500 }, (_, i) =>
    makeFeature({
      id: `f${i}`,
      actors: [`actor ${i % 3}`],
      country: i % 2 ? ['AF'] : ['PK'],
      fatalities_min: i % 5,
      fatalities_max: (i % 5) + 2,
      geo_precision: i % 4 ? 'place' : 'district',
    }),
  ),
);
const views = (row: number) => viewOf('native', incidents[row]!.feature.properties);

describe('Facet columns', () => {
  it('are made a slice at a time, to the same columns as all at once', () => {
    const sliced = new FacetBuilder(incidents.length, views);
    let slices = 1;
    // A deadline already passed: one slice of rows per call.
    let columns = sliced.step(0);
    while (!columns) {
      slices++;
      columns = sliced.step(0);
    }
    expect(slices).toBeGreaterThan(1);
    expect(columns).toEqual(new FacetBuilder(incidents.length, views).finish());
  });

  it('read actors, countries, fatalities and precision of each row', () => {
    const columns = new FacetBuilder(incidents.length, views).finish();
    expect(columns.names.actors.names).toEqual(['actor 0', 'actor 1', 'actor 2']);
    expect(columns.names.actors.ids[4]).toEqual([1]);
    expect(columns.names.countries.names).toEqual(['PK', 'AF']);
    expect(columns.fatalities[7]).toBe(4);
    expect([columns.precision[0], columns.precision[1]]).toEqual([1, 0]);
  });
});
