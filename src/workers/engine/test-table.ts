/** Tables for the engine modules' tests, made through the real importer. */
import { importIncidents } from '../../domain/import/import-incidents';
import type { ImportOptions } from '../../domain/import/import-incidents';
import { makeCollection } from '../../domain/test-factories';
import type { LoadRequest } from '../engine-protocol';
import { summariseDataset } from './dataset-reply';
import type { Dataset, IncidentTable } from './incident-table';
import { buildIncidentTable } from './incident-table';

/** One dataset read from a file's text (GeoJSON features, or CSV text), as the engine loads it. */
export function makeDataset(
  content: unknown[] | string,
  name = 'test.geojson',
  options: ImportOptions = {},
): Dataset {
  const text = typeof content === 'string' ? content : JSON.stringify(makeCollection(content));
  const outcome = importIncidents(text, options);
  if (outcome.status !== 'loaded') throw new Error(`fixture did not load: ${outcome.status}`);
  const request: LoadRequest = {
    datasetId: name,
    source: { kind: 'text', text, name },
    mode: 'add',
    options: {},
  };
  return { summary: summariseDataset(outcome, request), set: outcome.set };
}

/** A table of these datasets. */
export function makeTable(...datasets: Dataset[]): IncidentTable {
  return buildIncidentTable(datasets);
}
