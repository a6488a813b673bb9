import { useId } from 'react';
import './map-controls.css';

export interface HeatmapToggleProps {
  on: boolean;
  onChange: (on: boolean) => void;
  /** Why the heatmap cannot be shown now; null when it can. */
  unavailable: string | null;
}

/** Switches the map between incident symbols and a heatmap of their density. */
export function HeatmapToggle({ on, onChange, unavailable }: HeatmapToggleProps) {
  const why = useId();
  return (
    <>
      <label className="map-toggle" title={unavailable ?? undefined}>
        <input
          type="checkbox"
          checked={on && unavailable === null}
          disabled={unavailable !== null}
          aria-describedby={unavailable ? why : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        Heatmap
      </label>
      {unavailable && (
        <span id={why} className="visually-hidden">
          {unavailable}
        </span>
      )}
    </>
  );
}
