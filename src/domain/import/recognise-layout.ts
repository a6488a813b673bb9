/**
 * Recognising a known layout by the columns a file still has. Real copies of ACLED and UCDP
 * files lose columns: analysts keep the ones they need, and a trip through a shapefile cuts every
 * name to 10 characters (`source_article` → `source_art`). Such a file is still that layout: its
 * fields are read under the names it has, and the report says which expected columns are missing.
 */
import type { LoadWarning } from '../incident';
import { sentWarning } from './warning-words';
import { shapefileName } from '../layouts/property-readers';
import type { LayoutDescription } from '../layouts/layout-adapter';
import type { KnownLayout } from '../layouts/layout-registry';
import { LAYOUTS } from '../layouts/layout-registry';

/**
 * How many of a layout's columns, its date column among them, a file must have to be recognised
 * when the layout's defining pair (`detectedBy`) is not complete. Generic names (`id`, `year`,
 * `country`, `latitude`…) count too, so three keeps a stray `date_start` from making a file UCDP.
 */
const MIN_COLUMNS = 4;

export interface RecognisedLayout {
  layout: LayoutDescription<KnownLayout>;
  /** The file's own name for each of the layout's columns that it has. */
  names: ReadonlyMap<string, string>;
  /** The layout's columns that the file does not have, in the layout's order. */
  missing: readonly string[];
  /** Columns found under a shortened name: [the file's name, the layout's name]. */
  shortened: ReadonlyArray<readonly [string, string]>;
}

/** Whether `name` (a file's column) is the layout's `column`, whole or cut as a shapefile cuts it. */
function isColumn(name: string, column: string): boolean {
  const lower = name.trim().toLowerCase();
  return lower === column || lower === shapefileName(column);
}

/** Matches a file's names to a layout's columns; each name stands for one column at most. */
function matchColumns(
  layout: LayoutDescription<KnownLayout>,
  names: readonly string[],
): RecognisedLayout {
  const found = new Map<string, string>();
  const taken = new Set<string>();
  // Exact names first, so `date_start` is never taken by a shortened match of another column.
  for (const exact of [true, false]) {
    for (const column of layout.columns) {
      if (found.has(column)) continue;
      const name = names.find(
        (n) => !taken.has(n) && (exact ? n.trim().toLowerCase() === column : isColumn(n, column)),
      );
      if (name !== undefined) {
        found.set(column, name);
        taken.add(name);
      }
    }
  }
  return {
    layout,
    names: found,
    missing: layout.columns.filter((column) => !found.has(column)),
    shortened: [...found]
      .filter(([column, name]) => name.trim().toLowerCase() !== column)
      .map(([column, name]) => [name, column] as const),
  };
}

/**
 * The known layout of a file with these column (or property) names, or null. This app's schema
 * needs `date` and `type`; ACLED and UCDP are recognised by their defining pair, or, when a file
 * lost some columns, by their date column and at least MIN_COLUMNS of their columns. When both
 * qualify, the one with more columns present wins.
 */
export function recogniseLayout(names: Iterable<string>): RecognisedLayout | null {
  const list = [...names];
  let best: RecognisedLayout | null = null;
  for (const layout of LAYOUTS) {
    const match = matchColumns(layout, list);
    const complete = layout.detectedBy.every((column) => match.names.has(column));
    if (layout.layout === 'native') {
      // This app's own names are exact, and win over any other layout.
      if (layout.detectedBy.every((column) => list.includes(column))) return match;
      continue;
    }
    const enough = match.names.has(layout.dateField) && match.names.size >= MIN_COLUMNS;
    if ((complete || enough) && (!best || match.names.size > best.names.size)) best = match;
  }
  return best;
}

/**
 * What the report says of a recognised file that lacks some of its layout's columns: which are
 * missing, what that costs, and which shortened names were read for which column.
 */
export function describeMissingColumns(recognised: RecognisedLayout): LoadWarning[] {
  const { layout, missing, shortened, names } = recognised;
  if (layout.layout === 'native') return [];
  const warnings: LoadWarning[] = [];
  if (missing.length > 0) {
    // What the missing columns cost: each a sentence of its own words, so none is pieced.
    const noType = !names.has(layout.typeField);
    const noId = !names.has(layout.idField);
    const key = noType
      ? noId
        ? 'missingColumnsTypeId'
        : 'missingColumnsType'
      : noId
        ? 'missingColumnsId'
        : 'missingColumns';
    warnings.push(
      sentWarning('missing-columns', key, {
        layout: layout.name,
        n: names.size,
        total: layout.columns.length,
        missing: missing.join(', '),
        ...(noType ? { typeField: layout.typeField } : {}),
        ...(noId ? { idField: layout.idField } : {}),
      }),
    );
  }
  if (shortened.length > 0) {
    const pairs = shortened.map(([name, column]) => `${name} = ${column}`).join(', ');
    warnings.push(sentWarning('missing-columns', 'shortenedNames', { pairs }));
  }
  return warnings;
}
