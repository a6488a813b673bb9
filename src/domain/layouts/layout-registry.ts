/**
 * Every layout the app reads, listed once. A layout is added as one adapter file in this folder
 * (see layout-adapter.ts) and one entry in KNOWN_LAYOUTS; the importer, the filters, the list,
 * the map and the detail panel reach it through the functions here.
 */
import type { FieldReader, JsonObject } from '../parse-incidents';
import { INCIDENT_TYPES } from '../taxonomy';
import { acledLayout } from './acled-layout';
import type { IncidentView, ViewReaders } from './incident-view';
import { anyOfReaders, fillBlankParts, viewWith } from './incident-view';
import type { FieldReaderOptions, KnownLayoutAdapter, LayoutAdapter } from './layout-adapter';
import { mappedLayout } from './mapped-layout';
import { nativeLayout } from './native-layout';
import { ucdpLayout } from './ucdp-layout';

/** The layouts recognised by their names, checked in this order (this app's own first). */
const KNOWN_LAYOUTS = [nativeLayout, acledLayout, ucdpLayout] as const;

/** Every layout: the known ones, then the user's column mapping. */
export const LAYOUT_ADAPTERS = [...KNOWN_LAYOUTS, mappedLayout] as const;

/** A layout's name, as datasets and imports carry it. */
export type Layout = (typeof LAYOUT_ADAPTERS)[number]['layout'];

/** The name of a layout recognised by its columns. */
export type KnownLayout = (typeof KNOWN_LAYOUTS)[number]['layout'];

/** The known layouts, in the order they are recognised; the README's layout table. */
export const LAYOUTS: readonly KnownLayoutAdapter<KnownLayout>[] = KNOWN_LAYOUTS;

const BY_LAYOUT: ReadonlyMap<string, LayoutAdapter> = new Map(
  LAYOUT_ADAPTERS.map((adapter) => [adapter.layout, adapter]),
);

/** The adapter of a layout. */
export function layoutAdapter(layout: Layout): LayoutAdapter {
  const adapter = BY_LAYOUT.get(layout);
  if (!adapter) throw new Error(`no adapter for the layout "${layout}"`);
  return adapter;
}

/** How to read id, date and type for a layout, with the file's options. */
export function fieldReaderFor(layout: Layout, options: FieldReaderOptions): FieldReader {
  return layoutAdapter(layout).fields(options);
}

/**
 * The labels of the type codes the layouts make that the taxonomy does not have: UCDP's own
 * names, and ACLED's sub-event types as ACLED writes them.
 */
export const LAYOUT_TYPE_LABELS: ReadonlyMap<string, string> = new Map(
  LAYOUT_ADAPTERS.flatMap((adapter) => adapter.types ?? [])
    .filter((row) => !INCIDENT_TYPES.some((type) => type.code === row.code))
    .map((row) => [row.code, row.label ?? row.value]),
);

/** What the app reads of an incident of one layout, blanks filled where the layout asks for it. */
export interface IncidentReader {
  /** Each part of the view alone (the map reads only the precision of every row). */
  read: ViewReaders;
  view(properties: JsonObject): IncidentView;
  searchText(properties: JsonObject): string;
}

/** Every layout's names at once: what a layout that fills its blanks falls back on. */
const ANY_LAYOUT = anyOfReaders(LAYOUT_ADAPTERS.map((adapter) => adapter.read));

function readerOf(adapter: LayoutAdapter): IncidentReader {
  if (!adapter.fillsBlanks) return adapter;
  const read = fillBlankParts(adapter.read, ANY_LAYOUT);
  return {
    read,
    view: viewWith(read),
    searchText: (properties) =>
      LAYOUT_ADAPTERS.map((other) => other.searchText(properties))
        .filter(Boolean)
        .join(' \u0000 '),
  };
}

const READERS: ReadonlyMap<string, IncidentReader> = new Map(
  LAYOUT_ADAPTERS.map((adapter) => [adapter.layout, readerOf(adapter)]),
);

/** How to read incidents of a layout. */
export function incidentReader(layout: Layout): IncidentReader {
  const reader = READERS.get(layout);
  if (!reader) throw new Error(`no adapter for the layout "${layout}"`);
  return reader;
}

/** The normalised view of an incident of this layout. */
export function viewOf(layout: Layout, properties: JsonObject): IncidentView {
  return incidentReader(layout).view(properties);
}
