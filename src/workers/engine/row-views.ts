/**
 * Each row of the table read through its own dataset's layout: rows of an ACLED file by the
 * ACLED adapter, rows of this app's files by this app's, whatever else is loaded beside them.
 */
import { FacetBuilder } from '../../domain/facet-columns';
import type { Precision } from '../../domain/incident-facets';
import type { IncidentView } from '../../domain/layouts/incident-view';
import type { IncidentReader } from '../../domain/layouts/layout-registry';
import { incidentReader } from '../../domain/layouts/layout-registry';
import type { IncidentTable } from './incident-table';

/** The reader of each row's layout. */
function readerOfRow(table: IncidentTable): (row: number) => IncidentReader {
  const readers = table.datasets.map((dataset) => incidentReader(dataset.summary.layout));
  return (row) => readers[table.datasetOf[row]!]!;
}

/** A reader of rows' views. */
export function rowViews(table: IncidentTable): (row: number) => IncidentView {
  const readerOf = readerOfRow(table);
  return (row) => readerOf(row).view(table.incidents[row]!.feature.properties);
}

/** One row's view. */
export function rowView(table: IncidentTable, row: number): IncidentView {
  return rowViews(table)(row);
}

/** A reader of rows' location precision alone (the view's, without the rest of it). */
export function rowPrecisions(table: IncidentTable): (row: number) => Precision {
  const readerOf = readerOfRow(table);
  return (row) => readerOf(row).read.precision(table.incidents[row]!.feature.properties);
}

/** A reader of rows' searchable text, for the text filter. */
export function rowSearchTexts(table: IncidentTable): (row: number) => string {
  const readerOf = readerOfRow(table);
  return (row) => readerOf(row).searchText(table.incidents[row]!.feature.properties);
}

/** A builder of the table's facet columns, reading each row's view. */
export function facetBuilderFor(table: IncidentTable): FacetBuilder {
  return new FacetBuilder(table.incidents.length, rowViews(table));
}
