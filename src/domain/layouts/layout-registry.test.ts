import { describe, expect, it } from 'vitest';
import { shapefileName } from './property-readers';
import { findColumn, slugifyTypeCode } from './layout-adapter';
import { LAYOUT_ADAPTERS, LAYOUT_TYPE_LABELS, LAYOUTS } from './layout-registry';

/** Properties holding every name `names`, recording which of them a reader looks at. */
function recordingProperties(names: Iterable<string>) {
  const read = new Set<string>();
  const target = Object.fromEntries([...names].map((name) => [name, '1']));
  const properties = new Proxy(target, {
    getOwnPropertyDescriptor(object, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.getOwnPropertyDescriptor(object, key);
    },
    get(object, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(object, key);
    },
  });
  return { properties, read };
}

describe('The layout registry', () => {
  it('lists each layout once, the user’s mapping last', () => {
    const layouts = LAYOUT_ADAPTERS.map((adapter) => adapter.layout);
    expect(new Set(layouts).size).toBe(layouts.length);
    expect(layouts.at(-1)).toBe('custom');
    expect(LAYOUTS.map((layout) => layout.layout)).toEqual(layouts.slice(0, -1));
  });

  it('describes each known layout fully, its defining names among its columns', () => {
    for (const layout of LAYOUTS) {
      expect(layout.name, layout.layout).not.toBe('');
      for (const name of [...layout.detectedBy, layout.idField, layout.dateField, layout.typeField])
        expect(layout.columns, `${layout.layout}: ${name}`).toContain(name);
    }
  });

  it('has each known layout read only its own columns, whole or cut to 10 characters', () => {
    const everyName = LAYOUT_ADAPTERS.flatMap((adapter) =>
      'columns' in adapter ? adapter.columns : [],
    );
    const extra = ['place', 'actors', 'source_outlets', 'fatalities_max', 'sources', 'notes'];
    for (const layout of LAYOUTS.filter((adapter) => !adapter.fillsBlanks)) {
      const own = new Set(layout.columns.flatMap((column) => [column, shapefileName(column)]));
      const { properties, read } = recordingProperties([...everyName, ...extra]);
      layout.view(properties);
      layout.searchText(properties);
      expect(
        [...read].filter((name) => !own.has(name)),
        layout.layout,
      ).toEqual([]);
    }
  });

  it('names the type codes the layouts make that the taxonomy lacks', () => {
    expect(LAYOUT_TYPE_LABELS.get('state_based')).toBe('State-based conflict');
    expect(LAYOUT_TYPE_LABELS.get('chemical_weapon')).toBe('Chemical weapon');
    expect(LAYOUT_TYPE_LABELS.has('armed_clash')).toBe(false);
  });
});

describe('slugifyTypeCode', () => {
  it('lower-cases, drops accents and joins words with underscores', () => {
    expect(slugifyTypeCode('Peaceful protest')).toBe('peaceful_protest');
    expect(slugifyTypeCode('Remote explosive/landmine/IED')).toBe('remote_explosive_landmine_ied');
    expect(slugifyTypeCode('  Émeute — urbaine ')).toBe('emeute_urbaine');
  });

  it('keeps letters of any script', () => {
    expect(slugifyTypeCode('حمله هوایی')).toBe('حمله_هوایی');
  });

  it('leaves a code unchanged', () => {
    expect(slugifyTypeCode('cross_border_attack')).toBe('cross_border_attack');
  });
});

describe('findColumn', () => {
  it('finds the first name in order, ignoring case and surrounding spaces', () => {
    expect(findColumn(['X', ' Longitude '], ['longitude', 'x'])).toBe(' Longitude ');
    expect(findColumn(['a', 'b'], ['longitude'])).toBeUndefined();
  });
});
