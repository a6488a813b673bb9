import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { TypeDescriber } from '../../domain/type-describer';
import type { ChooserItem } from './describe-hits';
import './map-controls.css';

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
 * centre), so each stays reachable. Arrow keys move between them, Escape closes.
 */
export function IncidentChooser({
  count,
  items,
  at,
  describeType,
  onChoose,
  onClose,
}: IncidentChooserProps) {
  const panel = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: at.x, top: at.y });

  // Keep the panel inside the map, next to the click.
  useLayoutEffect(() => {
    const element = panel.current;
    const parent = element?.offsetParent as HTMLElement | null;
    if (!element || !parent) return;
    const margin = 8;
    const left = Math.min(at.x + margin, parent.clientWidth - element.offsetWidth - margin);
    const top = Math.min(at.y + margin, parent.clientHeight - element.offsetHeight - margin);
    setPosition({ left: Math.max(margin, left), top: Math.max(margin, top) });
  }, [at, items]);

  useEffect(() => {
    const first = panel.current?.querySelector<HTMLButtonElement>('li button');
    (first ?? panel.current)?.focus();
  }, [items]);

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
      aria-label="Incidents at this spot"
      tabIndex={-1}
      style={position}
      onKeyDown={onKeyDown}
    >
      <header>
        <h2>{count} incidents here</h2>
        <button type="button" className="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {items === null ? (
        <p className="muted small">Looking them up…</p>
      ) : (
        <ul>
          {items.map((item) => {
            const type = describeType(item.type);
            return (
              <li key={item.row}>
                <button type="button" onClick={() => onChoose(item.row)}>
                  <svg className="swatch" viewBox="0 0 12 12" aria-hidden="true">
                    <circle cx="6" cy="6" r="5" fill={type.colour} stroke="#ffffff" />
                  </svg>
                  <span className="chooser-day">{item.day ?? 'Date unknown'}</span>
                  <span>{type.label}</span>
                  {item.place && <span className="muted chooser-place">{item.place}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
