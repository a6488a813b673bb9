import Papa from 'papaparse';
import type { Incident } from '../domain/incident';

/**
 * CSV of the incidents: a CSV file's own columns in their order, or, for GeoJSON input, every
 * property (nested values as JSON text) followed by lon and lat.
 */
export function exportCsvText(incidents: readonly Incident[], columns: string[] | null): string {
  const text = (value: unknown) =>
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const own = (object: Record<string, unknown>, key: string) =>
    Object.hasOwn(object, key) ? object[key] : undefined;
  if (columns) {
    const rows = incidents.map((i) =>
      columns.map((column) => text(own(i.feature.properties, column))),
    );
    return Papa.unparse({ fields: columns, data: rows }, { newline: '\n' }) + '\n';
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const incident of incidents) {
    for (const key of Object.keys(incident.feature.properties)) {
      if (!seen.has(key)) keys.push(key);
      seen.add(key);
    }
  }
  const fields = [...keys, 'lon', 'lat'];
  const rows = incidents.map((i) => [
    ...keys.map((key) => text(own(i.feature.properties, key))),
    i.lon === null ? '' : String(i.lon),
    i.lat === null ? '' : String(i.lat),
  ]);
  return Papa.unparse({ fields, data: rows }, { newline: '\n' }) + '\n';
}
