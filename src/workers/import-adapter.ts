import type { IncidentSet } from '../domain/incident';
import { parseIncidentText } from '../domain/parse-incidents';
import type { DatasetFormat, DatasetLayout, LoadOptions } from './engine-protocol';

export type ImportOutcome =
  | {
      status: 'loaded';
      format: DatasetFormat;
      layout: DatasetLayout;
      set: IncidentSet;
      columns?: string[];
    }
  | {
      status: 'needs-mapping';
      format: DatasetFormat;
      columns: string[];
      sample: Array<Record<string, unknown>>;
      reason: string;
    };

/** Reads a file's bytes or text into incidents. */
export function importInput(
  input: ArrayBuffer | string,
  _options: LoadOptions & { onProgress?: (fraction: number) => void },
): ImportOutcome {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return { status: 'loaded', format: 'geojson', layout: 'native', set: parseIncidentText(text) };
}
