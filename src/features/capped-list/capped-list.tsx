import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * How many items a long list (types, actors, sources, the legend's types) puts in the page; the
 * rest are found with its search box. A file may bring tens of thousands of names: listing them
 * all would freeze the page.
 */
export const SHOWN_ITEMS = 40;

/**
 * The items a capped list shows for a search: those whose name holds `query` (ignoring case) or
 * that `keep` keeps whatever the search (the ticked ones), the first `max` of them in the order
 * given, and how many more match.
 */
export function capItems<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  query: string,
  max: number = SHOWN_ITEMS,
  keep?: (item: T) => boolean,
): { shown: T[]; more: number } {
  const needle = query.trim().toLowerCase();
  const matching =
    needle === ''
      ? items
      : items.filter((item) => keep?.(item) || nameOf(item).toLowerCase().includes(needle));
  return { shown: matching.slice(0, max), more: Math.max(0, matching.length - max) };
}

/** The items, the most frequent first (a stable sort: equal counts keep their order). */
export function byCount<T extends { count: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.count - a.count);
}

/**
 * A list that shows at most `max` items, with a search box to find the others and a line saying
 * how many more match ("1,234 more: narrow with the search box."). The search box is there
 * always (`search="always"`) or only once the list is longer than `max`. `children` lays out the
 * items shown.
 */
export function CappedList<T>({
  items,
  nameOf,
  findLabel,
  max = SHOWN_ITEMS,
  search = 'when-capped',
  keep,
  children,
}: {
  items: readonly T[];
  /** The text the search box looks in. */
  nameOf: (item: T) => string;
  /** The search box's label ("Find a type"). */
  findLabel: string;
  max?: number;
  search?: 'always' | 'when-capped';
  /** Items shown whatever the search (the ticked ones). */
  keep?: (item: T) => boolean;
  children: (shown: T[]) => ReactNode;
}) {
  const { t } = useTranslation('cappedList');
  const [query, setQuery] = useState('');
  const searchable = search === 'always' || items.length > max;
  const { shown, more } = capItems(items, nameOf, searchable ? query : '', max, keep);
  return (
    <>
      {searchable && (
        <label className="field">
          {findLabel}
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
      )}
      {children(shown)}
      {more > 0 && <p className="muted small">{t('more', { count: more })}</p>}
    </>
  );
}
