import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ChangeEvent, FocusEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypeDescriber } from '../../domain/type-describer';
import { ListOption } from './list-option';
import type { Page, PageCache } from './page-cache';
import { NO_PAGES, storePage } from './page-cache';
import {
  contentOffsetAt,
  offsetToReveal,
  scrollTopFor,
  spacerHeight,
  visibleRows,
} from './list-window';
import type { ListGeometry } from './list-window';
import './incident-list.css';

/** One incident as the list shows it, and the list's order: the engine's types, defined once. */
import type { ListRow, ListSort } from '../../workers/engine-protocol';
export type { ListRow, ListSort };

export interface IncidentListProps {
  /** How many incidents match (the list's length). */
  total: number;
  /**
   * Loads rows [offset, offset + limit) in the current sort. It may resolve after the list has
   * changed: pages requested under an older `version` are ignored.
   */
  loadRows: (offset: number, limit: number) => Promise<ListRow[]>;
  /** Changes whenever the matching set or sort changes; cached pages are dropped. */
  version: number;
  sort: ListSort;
  onSortChange: (sort: ListSort) => void;
  selectedRow: number | null;
  /** Position of the selected row in the current list, when known, to scroll it into view. */
  selectedPosition: number | null;
  onSelect: (row: number) => void;
  /** The label and colour of each type code of the loaded data. */
  describeType: TypeDescriber;
  /** Height of the scrolling viewport, px; measured from the layout when omitted. */
  height?: number;
  /** Why the list can be sorted by date only (a dataset package), when it can. */
  dateOrderOnly?: string | null;
}

/** Height of a row, px: two lines of text. */
export const ROW_HEIGHT = 56;
/** Rows asked of `loadRows` at a time. */
export const PAGE_SIZE = 200;
/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 5;
/** Viewport height used where the layout cannot be measured (jsdom has no layout). */
const FALLBACK_HEIGHT = 600;
/** Pages are requested once the viewport has rested this long, so that dragging the scrollbar
 * across a million rows does not request every page on the way. */
const LOAD_DELAY_MS = 40;

/**
 * A virtualised, keyboard-operable list of incidents: the map's text alternative. It knows
 * nothing of the store; rows arrive page by page through `loadRows`, and only the rows in view
 * (plus a few) are in the DOM. It fills its parent's height unless `height` is given.
 */
export function IncidentList({
  total,
  loadRows,
  version,
  sort,
  onSortChange,
  selectedRow,
  selectedPosition,
  onSelect,
  describeType,
  height,
  dateOrderOnly = null,
}: IncidentListProps) {
  const { t } = useTranslation('incidentList');
  const idPrefix = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measuredHeight, setMeasuredHeight] = useState(0);
  const [cache, setCache] = useState<PageCache>({ version, pages: NO_PAGES });
  // The active row (aria-activedescendant) is where the keyboard acts; it starts at, and follows,
  // the selection made elsewhere (the map).
  const [active, setActive] = useState(
    selectedPosition === null ? null : { version, position: selectedPosition },
  );
  const [followed, setFollowed] = useState({ version, selectedPosition });
  if (followed.version !== version || followed.selectedPosition !== selectedPosition) {
    setFollowed({ version, selectedPosition });
    if (selectedPosition !== null) setActive({ version, position: selectedPosition });
  }

  const empty = total === 0;
  const viewportHeight = height ?? (measuredHeight || FALLBACK_HEIGHT);
  const geometry: ListGeometry = { total, rowHeight: ROW_HEIGHT, viewportHeight };
  const offset = contentOffsetAt(scrollTop, geometry);
  const visible = visibleRows(offset, geometry);
  const pages = cache.version === version ? cache.pages : NO_PAGES;
  const activePosition =
    active !== null && active.version === version && active.position < total
      ? active.position
      : null;
  const first = visible ? Math.max(0, visible.first - OVERSCAN) : 0;
  const last = visible ? Math.min(total - 1, visible.last + OVERSCAN) : -1;
  const firstPage = Math.floor(first / PAGE_SIZE);
  const lastPage = Math.floor(last / PAGE_SIZE);

  // Measure the viewport unless the parent fixed it.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (height !== undefined || empty || !box) return;
    const measure = () => setMeasuredHeight(box.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [height, empty]);

  // The latest loader and version, for requests that settle later.
  const loadRowsRef = useRef(loadRows);
  const versionRef = useRef(version);
  useLayoutEffect(() => {
    loadRowsRef.current = loadRows;
    versionRef.current = version;
  });

  // Request the pages in view that are neither cached nor on their way.
  const inFlight = useRef({ version, pages: new Set<number>() });
  useEffect(() => {
    const missing: number[] = [];
    for (let page = firstPage; page <= lastPage; page++) if (!pages.has(page)) missing.push(page);
    if (missing.length === 0) return;
    const timer = setTimeout(() => {
      if (inFlight.current.version !== version) inFlight.current = { version, pages: new Set() };
      const batch = inFlight.current;
      for (const page of missing) {
        if (batch.pages.has(page)) continue;
        batch.pages.add(page);
        const start = page * PAGE_SIZE;
        const settle = (entry: Page) => {
          batch.pages.delete(page);
          // A page of an older list: its rows are not the rows at these positions now.
          if (versionRef.current !== version) return;
          setCache((previous) => storePage(previous, version, page, entry));
        };
        Promise.resolve()
          .then(() => loadRowsRef.current(start, Math.min(PAGE_SIZE, total - start)))
          .then(
            (rows) => settle({ status: 'loaded', rows }),
            () => settle({ status: 'failed' }),
          );
      }
    }, LOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [version, total, firstPage, lastPage, pages]);

  /** Scrolls so that the row at `position` is in view. */
  function reveal(position: number, mode: 'nearest' | 'centre-if-far') {
    const box = boxRef.current;
    if (!box) return;
    const current = contentOffsetAt(box.scrollTop, geometry);
    const target = offsetToReveal(position, current, geometry, mode);
    if (target === null) return;
    // Round towards the row: a compressed scroll position may fall between two pixels.
    const exact = scrollTopFor(target, geometry);
    box.scrollTop = target > current ? Math.ceil(exact) : Math.floor(exact);
    setScrollTop(box.scrollTop);
  }

  function moveTo(position: number) {
    const next = Math.min(Math.max(position, 0), total - 1);
    setActive({ version, position: next });
    reveal(next, 'nearest');
  }

  function rowAt(position: number): ListRow | undefined {
    const page = pages.get(Math.floor(position / PAGE_SIZE));
    return page?.status === 'loaded' ? page.rows[position % PAGE_SIZE] : undefined;
  }

  // A new list starts at its top, unless the selection below brings its row into view.
  const showTop = useEffectEvent(() => {
    const box = boxRef.current;
    if (!box) return;
    box.scrollTop = 0;
    setScrollTop(box.scrollTop);
  });
  useLayoutEffect(() => showTop(), [version]);

  // A selection made elsewhere (the map) is scrolled into view, centred when it is far.
  const revealSelection = useEffectEvent(() => {
    if (selectedPosition !== null && selectedPosition < total) {
      reveal(selectedPosition, 'centre-if-far');
    }
  });
  useLayoutEffect(() => revealSelection(), [selectedPosition, version]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!visible) return;
    const from = activePosition ?? visible.first;
    const screenful = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activePosition === null ? visible.first : from + 1);
        break;
      case 'ArrowUp':
        moveTo(activePosition === null ? visible.first : from - 1);
        break;
      case 'PageDown':
        moveTo(from + screenful);
        break;
      case 'PageUp':
        moveTo(from - screenful);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
      case ' ': {
        const row = activePosition === null ? undefined : rowAt(activePosition);
        if (row) onSelect(row.row);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  // Focus lands on the selected row when it is in view, else on the first row in view. It does
  // not scroll: a click that focuses the list must land on the row under the pointer.
  function onFocus(event: FocusEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || activePosition !== null || !visible) return;
    const inView =
      selectedPosition !== null &&
      selectedPosition >= visible.first &&
      selectedPosition <= visible.last;
    setActive({ version, position: inView ? selectedPosition : visible.first });
  }

  function onSortKeyChange(event: ChangeEvent<HTMLSelectElement>) {
    const key = event.target.value === 'fatalities' ? 'fatalities' : 'date';
    onSortChange({ key, direction: sort.direction });
  }

  const optionId = (position: number) => `${idPrefix}-option-${position}`;
  const clampedScrollTop = Math.min(
    Math.max(scrollTop, 0),
    Math.max(0, spacerHeight(geometry) - viewportHeight),
  );
  const options = [];
  for (let position = first; position <= last; position++) {
    const page = pages.get(Math.floor(position / PAGE_SIZE));
    const row = rowAt(position);
    options.push(
      <ListOption
        key={position}
        id={optionId(position)}
        position={position}
        total={total}
        row={row}
        placeholder={page === undefined ? t('loading') : t('failed')}
        selected={row ? row.row === selectedRow : position === selectedPosition}
        active={position === activePosition}
        describeType={describeType}
        top={position * ROW_HEIGHT - offset + clampedScrollTop}
        onClick={() => {
          setActive({ version, position });
          if (row) onSelect(row.row);
        }}
      />,
    );
  }
  const activeRendered =
    activePosition !== null && activePosition >= first && activePosition <= last;

  return (
    <div className="incident-list">
      <div className="incident-list-controls">
        <label>
          {t('sortBy')}{' '}
          <select value={sort.key} onChange={onSortKeyChange}>
            <option value="date">{t('sortKey.date')}</option>
            <option
              value="fatalities"
              disabled={dateOrderOnly !== null}
              title={dateOrderOnly ?? undefined}
            >
              {t('sortKey.fatalities')}
            </option>
          </select>
        </label>
        <button
          type="button"
          title={t(`show.${sort.key}.${sort.direction === 'asc' ? 'desc' : 'asc'}`)}
          onClick={() =>
            onSortChange({ key: sort.key, direction: sort.direction === 'asc' ? 'desc' : 'asc' })
          }
        >
          {t(`direction.${sort.key}.${sort.direction}`)}
        </button>
      </div>
      {empty ? (
        <p className="incident-list-empty" role="status">
          {t('empty')}
        </p>
      ) : (
        <div
          ref={boxRef}
          className="incident-list-box"
          role="listbox"
          aria-label={t('listbox')}
          tabIndex={0}
          aria-activedescendant={activeRendered ? optionId(activePosition) : undefined}
          style={height === undefined ? undefined : { height }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <div
            className="incident-list-spacer"
            role="none"
            style={{ height: spacerHeight(geometry) }}
          >
            {options}
          </div>
        </div>
      )}
    </div>
  );
}
