/** The incident list: every row in a sort order, made once per order, and one row's text. */
import { clipText, displayName, displayText, MAX_TEXT_CHARS } from '../../domain/display-text';
import type { FacetColumns } from '../../domain/facet-columns';
import type { IncidentView } from '../../domain/layouts/incident-view';
import { setOwn } from '../../domain/parse-incidents';
import { formatFatalities } from '../../domain/layouts/incident-view';
import { buildListOrder } from '../../domain/list-order';
import type { BorderFields, FeatureReply, ListRow, ListSort } from '../engine-protocol';
import type { IncidentTable } from './incident-table';
import { rowView } from './row-views';

/** Of a summary, what a list row carries: the row shows one clipped line, the details the rest. */
const LIST_SUMMARY_CHARS = 300;

/**
 * Properties with names clipped as names and values as values. A string is clipped as it is; any
 * other value stays as it is when its JSON is short, else becomes that JSON clipped.
 */
function displayProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) {
    const value = properties[key];
    const name = displayName(key);
    if (Object.hasOwn(shown, name)) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const clipped = typeof text === 'string' && text.length > MAX_TEXT_CHARS;
    setOwn(shown, name, clipped ? clipText(text) : value);
  }
  return shown;
}

/** The view's texts and names clipped for the details. */
function displayView(view: IncidentView): IncidentView {
  const names = (list: readonly string[]) => list.map(displayName);
  return {
    ...view,
    place: displayText(view.place),
    district: displayName(view.district),
    province: displayName(view.province),
    countries: names(view.countries),
    actors: names(view.actors),
    sources: names(view.sources),
    links: view.links.map((link) => displayText(link)),
    summary: displayText(view.summary),
  };
}

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
    place: displayName([view.place, view.province].filter(Boolean).join(', ')),
    fatalities: formatFatalities(view.fatalities),
    summary: clipText(view.summary, LIST_SUMMARY_CHARS),
    dataset: displayName(table.datasets[table.datasetOf[row]!]!.summary.name),
  };
}

/**
 * One incident as the details show it: its feature's properties and what was read of it (its
 * view, by its layout), each name and value clipped as display-text.ts says (so a property name of
 * megabytes never crosses to the page whole), its dataset and border.
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
    feature: {
      type: 'Feature',
      ...(incident.feature.id === undefined ? {} : { id: incident.key }),
      geometry: incident.feature.geometry,
      properties: displayProperties(incident.feature.properties),
    },
    day: incident.day,
    ...(incident.datePrecision ? { datePrecision: incident.datePrecision } : {}),
    type: incident.type,
    key: incident.key,
    lon: incident.lon,
    lat: incident.lat,
    datasetId: dataset.summary.id,
    datasetName: displayName(dataset.summary.name),
    view: displayView(rowView(table, row)),
    border,
  };
}
