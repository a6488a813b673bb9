import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { captionDay } from '../filters/filter-phrases';
import type { TypeDescriber } from '../../domain/type-describer';
import { DataText } from '../data-text/data-text';
import type { ChooserItem } from './describe-hits';
import './map-controls.css';

/** How many incidents the chooser lists at once; "Next" and "Previous" page through the rest. */
export const CHOOSER_PAGE_SIZE = 20;

export interface IncidentChooserProps {
  /** How many incidents are under the click. */
  count: number;
  /** The incidents, once their dates are looked up; null meanwhile. */
  items: readonly ChooserItem[] | null;
  /** Where the click was, in pixels from the map's top left. */
  at: { x: number; y: number };
  /** The label and colour of each type code of the loaded data. */
  describeType: TypeDescriber;
  onChoose: (row: number) => void;
  onClose: () => void;
}

/**
 * A small list of the incidents under one click (often several placed on the same district
 * centre), so each stays reachable, CHOOSER_PAGE_SIZE at a time. Arrow keys move between them,
 * Escape closes.
 */
export function IncidentChooser({
  count,
  items,
  at,
  describeType,
  onChoose,
  onClose,
}: IncidentChooserProps) {
  const { t } = useTranslation('mapControls');
  const language = currentLanguage();
  const panel = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: at.x, top: at.y });
  // The page goes back to the first whenever other items come.
  const [paging, setPaging] = useState({ items, page: 0 });
  const page = paging.items === items ? paging.page : 0;
  const setPage = (next: number) => setPaging({ items, page: next });
  const pages = Math.max(1, Math.ceil((items?.length ?? 0) / CHOOSER_PAGE_SIZE));
  const first = Math.min(page, pages - 1) * CHOOSER_PAGE_SIZE;
  const shown = items?.slice(first, first + CHOOSER_PAGE_SIZE) ?? null;

  // Keep the panel inside the map, next to the click.
  useLayoutEffect(() => {
    const element = panel.current;
    const parent = element?.offsetParent as HTMLElement | null;
    if (!element || !parent) return;
    const margin = 8;
    const left = Math.min(at.x + margin, parent.clientWidth - element.offsetWidth - margin);
    const top = Math.min(at.y + margin, parent.clientHeight - element.offsetHeight - margin);
    setPosition({ left: Math.max(margin, left), top: Math.max(margin, top) });
  }, [at, items, page]);

  useEffect(() => {
    const button = panel.current?.querySelector<HTMLButtonElement>('li button');
    (button ?? panel.current)?.focus();
  }, [items, page]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(panel.current?.querySelectorAll<HTMLButtonElement>('li button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const next = buttons[(index + step + buttons.length) % buttons.length];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div
      ref={panel}
      className="incident-chooser"
      role="dialog"
      aria-label={t('chooser.dialog')}
      tabIndex={-1}
      style={position}
      onKeyDown={onKeyDown}
    >
      <header>
        <h2>{t('chooser.heading', { count })}</h2>
        <button type="button" className="close" aria-label={t('chooser.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {shown === null ? (
        <p className="muted small">{t('chooser.lookingUp')}</p>
      ) : (
        <ul>
          {shown.map((item) => {
            const type = describeType(item.type);
            return (
              <li key={item.row}>
                <button type="button" onClick={() => onChoose(item.row)}>
                  <svg className="swatch" viewBox="0 0 12 12" aria-hidden="true">
                    <circle cx="6" cy="6" r="5" fill={type.colour} stroke="#ffffff" />
                  </svg>
                  <DataText
                    className="chooser-day"
                    value={item.day ? captionDay(item.day, language) : t('chooser.dateUnknown')}
                    name
                  />
                  <DataText value={type.label} name />
                  {item.place && (
                    <DataText className="muted chooser-place" value={item.place} name />
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {items !== null && pages > 1 && (
        <nav className="chooser-pages" aria-label={t('chooser.pages')}>
          <button type="button" disabled={first === 0} onClick={() => setPage(page - 1)}>
            {t('chooser.previous')}
          </button>
          <span className="muted small" aria-live="polite">
            {t('chooser.page', {
              from: first + 1,
              to: first + (shown?.length ?? 0),
              total: items.length,
            })}
          </span>
          <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            {t('chooser.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
