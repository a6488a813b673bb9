// @vitest-environment node
/**
 * A CSV export from a package writes the source's header, as the tab does, even where the
 * first row exported cannot tell it (a header naming one column twice).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_ENGINE_FILTER } from '../engine-protocol';
import type { IncidentEngine } from '../incident-engine';
import type { ServedPackage } from './test-package';
import { loadBoth, servePackageOf } from './test-package';

/** A table whose header names `note` twice: the tab keys the second `note (2)`. */
const CSV = [
  'id,date,type,side,province,note,fatalities,note,lon,lat\r\n',
  'H-1,2024-03-04,armed_clash,PK,Khyber Pakhtunkhwa,first,2,second,71.05,34.1\r\n',
  'H-2,2024-03-05,airstrike,AF,Nangarhar,,0,,70.9,34.3\r\n',
  'H-3,2024-04-01,shelling,AF,Kunar,"a ""quoted"" note",1,,71.1,35.0\r\n',
].join('');

let served: ServedPackage;
let inTab: IncidentEngine;
let packaged: IncidentEngine;

beforeAll(async () => {
  served = await servePackageOf(CSV, 'repeated-header.csv');
  ({ inTab, packaged } = await loadBoth(served));
}, 120_000);

afterAll(() => served?.close());

describe('A CSV export from a package', () => {
  it('writes the header of the source, byte for byte as the tab does', async () => {
    for (const computedFields of [false, true]) {
      const expected = await inTab
        .export(EMPTY_ENGINE_FILTER, 'csv', { computedFields })
        .blob.text();
      const actual = await (
        await packaged.source.export(EMPTY_ENGINE_FILTER, 'csv', { computedFields })
      ).blob.text();
      expect(expected.split('\r\n')[0]).toContain('note,fatalities,note');
      expect(actual).toBe(expected);
    }
  });
});
