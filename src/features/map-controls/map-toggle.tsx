import { useId } from 'react';
import './map-controls.css';

export interface MapToggleProps {
  /** The switch's name, e.g. "Heatmap". */
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  /** Why the layer cannot be shown now; null when it can. */
  unavailable: string | null;
}

/** A switch over the map for one way of drawing it (heatmap, province choropleth). */
export function MapToggle({ label, on, onChange, unavailable }: MapToggleProps) {
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
        {label}
      </label>
      {unavailable && (
        <span id={why} className="visually-hidden">
          {unavailable}
        </span>
      )}
    </>
  );
}
