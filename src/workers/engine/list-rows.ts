/** The incident list: every row in a sort order, made once per order, and one row's text. */
import type { FacetColumns } from '../../domain/facet-columns';
import { formatFatalities } from '../../domain/layouts/incident-view';
import { buildListOrder } from '../../domain/list-order';
import type { BorderFields, FeatureReply, ListRow, ListSort } from '../engine-protocol';
import type { IncidentTable } from './incident-table';
import { rowView } from './row-views';

/** Every row in a list order, made once per table and order. */
export function listOrder(
  table: IncidentTable,
  sort: ListSort,
  facets: () => FacetColumns,
): Uint32Array {
  const orders = (table.listOrders ??= new Map());
  const key = `${sort.key}:${sort.direction}`;
  let order = orders.get(key);
  if (!order) {
    const { day, minDay, maxDay } = table.index;
    const fatalities = sort.key === 'fatalities' ? facets().fatalities : new Float32Array(0);
    order = buildListOrder(sort.key, sort.direction, { day, minDay, maxDay, fatalities });
    orders.set(key, order);
  }
  return order;
}

/** One row of the list: day, type, place, fatalities, summary and dataset, from its view. */
export function listRow(table: IncidentTable, row: number): ListRow {
  const incident = table.incidents[row]!;
  const view = rowView(table, row);
  return {
    row,
    day: incident.day,
    type: incident.type,
    place: [view.place, view.province].filter(Boolean).join(', '),
    fatalities: formatFatalities(view.fatalities),
    summary: view.summary.slice(0, 300),
    dataset: table.datasets[table.datasetOf[row]!]!.summary.name,
  };
}

/**
 * One incident in full: its feature as loaded, what was read of it (its view, by its layout),
 * its dataset and border.
 */
export function featureReply(
  table: IncidentTable,
  row: number,
  border: BorderFields | null,
): FeatureReply | null {
  const incident = table.incidents[row];
  if (!incident) return null;
  const dataset = table.datasets[table.datasetOf[row]!]!;
  return {
    row,
    feature: incident.feature,
    day: incident.day,
    ...(incident.datePrecision ? { datePrecision: incident.datePrecision } : {}),
    type: incident.type,
    key: incident.key,
    lon: incident.lon,
    lat: incident.lat,
    datasetId: dataset.summary.id,
    datasetName: dataset.summary.name,
    view: rowView(table, row),
    border,
  };
}
