import type { ListRow } from '../../workers/engine-protocol';

/** Pages kept in memory; those farthest from the page just loaded go first. */
const MAX_CACHED_PAGES = 25;

/** A page of the list: its rows, or a failure to show in their place. */
export type Page = { status: 'loaded'; rows: readonly ListRow[] } | { status: 'failed' };

/** The pages loaded for one version of the list (a matching set and sort). */
export interface PageCache {
  version: number;
  pages: ReadonlyMap<number, Page>;
}

export const NO_PAGES: ReadonlyMap<number, Page> = new Map();

/** The cache with one more page, for `version`, trimmed to MAX_CACHED_PAGES. */
export function storePage(cache: PageCache, version: number, page: number, entry: Page): PageCache {
  const pages = new Map(cache.version === version ? cache.pages : NO_PAGES);
  pages.set(page, entry);
  const excess = pages.size - MAX_CACHED_PAGES;
  if (excess > 0) {
    const farthestFirst = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const key of farthestFirst.slice(0, excess)) pages.delete(key);
  }
  return { version, pages };
}
