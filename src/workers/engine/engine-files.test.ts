// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { EMPTY_ENGINE_FILTER } from '../engine-protocol';
import { exportRows, rejectedFile } from './engine-files';
import { makeDataset, makeTable } from './test-table';

const CSV = ['id,date,type,longitude,latitude', 'a,2025-10-12,ied,70,34', 'b,soon,ied,70,34'].join(
  '\n',
);

describe('Files the engine hands back', () => {
  it('exports the rows of one table with its own columns', async () => {
    const table = makeTable(makeDataset(CSV, 'rows.csv'));
    const file = exportRows(table, Uint32Array.of(0), {
      filter: EMPTY_ENGINE_FILTER,
      format: 'csv',
      extras: {},
      incidentOf: (row) => table.incidents[row]!,
    });
    expect(file.fileName).toBe('incidents-2025-10-12-2025-10-12.csv');
    expect(await file.blob.text()).toBe(
      'id,date,type,longitude,latitude\r\na,2025-10-12,ied,70,34\r\n',
    );
  });

  it('hands back a table’s rejected rows as CSV under its header, a workbook’s too', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const dataset = makeDataset(CSV, `rows.${format}`);
      dataset.summary.format = format;
      const file = rejectedFile(dataset);
      expect(file.fileName).toBe('rows-rejected.csv');
      expect(await file.blob.text()).toBe(
        'id,date,type,longitude,latitude\r\nb,soon,ied,70,34\r\n',
      );
    }
  });

  it('hands back rejected features as a FeatureCollection of them as written', async () => {
    const dataset = makeDataset([makeFeature({ id: 'a' }), makeFeature({ id: 'b', date: 'x' })]);
    const text = await rejectedFile(dataset).blob.text();
    expect(
      JSON.parse(text).features.map((f: { properties: { id: string } }) => f.properties.id),
    ).toEqual(['b']);
  });
});
