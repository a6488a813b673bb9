import { displayName } from '../../domain/display-text';
import type { IncidentStore } from '../../state/incident-store';
import {
  incidentStore,
  useIncidentStore,
  useIncidentStoreShallow,
} from '../../state/incident-store';
import { OPEN_KM } from '../../domain/filters/border-dimensions';
import { DataText } from '../data-text/data-text';
import { PackageGate } from '../filters/package-gate';

/** The distance bands analysts ask for most. */
const PRESETS: ReadonlyArray<{ label: string; range: [number, number] }> = [
  { label: '0–5 km', range: [0, 5] },
  { label: '5–20 km', range: [5, 20] },
  { label: '20–50 km', range: [20, 50] },
  { label: '> 50 km', range: [50, OPEN_KM] },
];

/** Largest distance the range inputs offer; beyond it the band is open-ended. */
const SLIDER_MAX_KM = 200;

/** Side of the line, distance band, nearness to a crossing, and the province picked on the map. */
export function BorderFilters({ store = incidentStore }: { store?: IncidentStore }) {
  // Only its own filters: the dates change on every step of a timeline drag.
  const filter = useIncidentStoreShallow(
    ({ filter: { borderKm, side, province, crossing } }) => ({
      borderKm,
      side,
      province,
      crossing,
    }),
    store,
  );
  const geography = useIncidentStore((state) => state.geography, store);
  const setFilter = useIncidentStore((state) => state.setFilter, store);
  if (!geography) return null;

  const band = filter.borderKm;
  const min = band?.[0] ?? 0;
  const max = band === null || band[1] >= OPEN_KM ? SLIDER_MAX_KM : band[1];
  const setBand = (from: number, to: number) =>
    setFilter({
      borderKm:
        from <= 0 && to >= SLIDER_MAX_KM ? null : [from, to >= SLIDER_MAX_KM ? OPEN_KM : to],
    });
  const province = geography.provinces.find((p) => p.id === filter.province);

  return (
    <fieldset className="type-filter border-filters">
      <legend>Border</legend>
      <div role="radiogroup" aria-label="Side of the Durand Line" className="side-choice">
        {(
          [
            [null, 'Both sides'],
            ['AF', 'Afghan side'],
            ['PK', 'Pakistani side'],
          ] as const
        ).map(([value, label]) => (
          <label key={label}>
            <input
              type="radio"
              name="border-side"
              checked={filter.side === value}
              onChange={() => setFilter({ side: value })}
            />
            {label}
          </label>
        ))}
      </div>

      <PackageGate dimensions={['distance']} store={store}>
        <p className="small field-label">Distance from the line</p>
        <div className="presets" role="group" aria-label="Distance presets">
          {PRESETS.map(({ label, range }) => (
            <button
              key={label}
              type="button"
              aria-pressed={band !== null && band[0] === range[0] && band[1] === range[1]}
              onClick={() => setFilter({ borderKm: range })}
            >
              {label}
            </button>
          ))}
        </div>
        <label className="range-field">
          From {min} km
          <input
            type="range"
            min={0}
            max={SLIDER_MAX_KM}
            step={1}
            value={min}
            aria-label="Minimum distance from the line (km)"
            onChange={(event) => setBand(Math.min(Number(event.target.value), max), max)}
          />
        </label>
        <label className="range-field">
          To {max >= SLIDER_MAX_KM ? 'any' : `${max} km`}
          <input
            type="range"
            min={0}
            max={SLIDER_MAX_KM}
            step={1}
            value={max}
            aria-label="Maximum distance from the line (km)"
            onChange={(event) => setBand(min, Math.max(Number(event.target.value), min))}
          />
        </label>
        {band !== null && (
          <button
            type="button"
            className="link-button"
            onClick={() => setFilter({ borderKm: null })}
          >
            Any distance
          </button>
        )}
      </PackageGate>

      <PackageGate dimensions={['crossing']} store={store}>
        <label className="range-field">
          Near a crossing
          <select
            value={filter.crossing?.id ?? ''}
            onChange={(event) =>
              setFilter({
                crossing: event.target.value
                  ? { id: event.target.value, km: filter.crossing?.km ?? 10 }
                  : null,
              })
            }
          >
            <option value="">Any place</option>
            {geography.crossings.map((crossing) => (
              <option key={crossing.id} value={crossing.id}>
                {displayName(crossing.name)}
              </option>
            ))}
          </select>
        </label>
        {filter.crossing && (
          <label className="range-field">
            Within km of it
            <input
              type="number"
              min={1}
              max={500}
              value={filter.crossing.km}
              onChange={(event) => {
                const km = Number(event.target.value);
                if (Number.isFinite(km) && km > 0)
                  setFilter({ crossing: { id: filter.crossing!.id, km } });
              }}
            />
          </label>
        )}
      </PackageGate>

      {province && (
        <p className="small">
          Province:{' '}
          <strong>
            <DataText value={province.name} name />
          </strong>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setFilter({ province: null })}
          >
            Any province
          </button>
        </p>
      )}
      <p className="muted small">
        Measured against the Natural Earth 1:10m line (
        {Math.round(geography.lengthKm).toLocaleString('en')} km; the surveyed border is ~2,600 km):
        distances inherit its generalisation.
      </p>
    </fieldset>
  );
}
