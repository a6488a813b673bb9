import { useTranslation } from 'react-i18next';
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
const PRESETS: ReadonlyArray<readonly [number, number]> = [
  [0, 5],
  [5, 20],
  [20, 50],
  [50, OPEN_KM],
];

/** The surveyed length of the border, as usually quoted, beside the generalised line's. */
const SURVEYED_KM = 2600;

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
  const { t } = useTranslation('border');
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
      <legend>{t('heading')}</legend>
      <div role="radiogroup" aria-label={t('sideGroup')} className="side-choice">
        {([null, 'AF', 'PK'] as const).map((value) => (
          <label key={value ?? 'both'}>
            <input
              type="radio"
              name="border-side"
              checked={filter.side === value}
              onChange={() => setFilter({ side: value })}
            />
            {t(`sides.${value ?? 'both'}`)}
          </label>
        ))}
      </div>

      <PackageGate dimensions={['distance']} store={store}>
        <p className="small field-label">{t('distanceHeading')}</p>
        <div className="presets" role="group" aria-label={t('presetsGroup')}>
          {PRESETS.map((range) => (
            <button
              key={range[0]}
              type="button"
              aria-pressed={band !== null && band[0] === range[0] && band[1] === range[1]}
              onClick={() => setFilter({ borderKm: range })}
            >
              {range[1] >= OPEN_KM
                ? t('kmAbove', { from: range[0] })
                : t('kmRange', { from: range[0], to: range[1] })}
            </button>
          ))}
        </div>
        <KmSlider
          caption={t('fromKm', { km: min })}
          label={t('minDistance')}
          value={min}
          onChange={(km) => setBand(Math.min(km, max), max)}
        />
        <KmSlider
          caption={max >= SLIDER_MAX_KM ? t('toAny') : t('toKm', { km: max })}
          label={t('maxDistance')}
          value={max}
          onChange={(km) => setBand(min, Math.max(km, min))}
        />
        {band !== null && (
          <button
            type="button"
            className="link-button"
            onClick={() => setFilter({ borderKm: null })}
          >
            {t('anyDistance')}
          </button>
        )}
      </PackageGate>

      <PackageGate dimensions={['crossing']} store={store}>
        <label className="range-field">
          {t('nearCrossing')}
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
            <option value="">{t('anyPlace')}</option>
            {geography.crossings.map((crossing) => (
              <option key={crossing.id} value={crossing.id}>
                {displayName(crossing.name)}
              </option>
            ))}
          </select>
        </label>
        {filter.crossing && (
          <label className="range-field">
            {t('withinKm')}
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
          {t('province')}{' '}
          <strong>
            <DataText value={province.name} name />
          </strong>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setFilter({ province: null })}
          >
            {t('anyProvince')}
          </button>
        </p>
      )}
      <p className="muted small">
        {t('measured', { km: Math.round(geography.lengthKm), surveyed: SURVEYED_KM })}
      </p>
    </fieldset>
  );
}

/** One end of the distance band: a slider of whole km up to SLIDER_MAX_KM, captioned. */
function KmSlider({
  caption,
  label,
  value,
  onChange,
}: {
  caption: string;
  label: string;
  value: number;
  onChange: (km: number) => void;
}) {
  return (
    <label className="range-field">
      {caption}
      <input
        type="range"
        min={0}
        max={SLIDER_MAX_KM}
        step={1}
        value={value}
        aria-label={label}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </label>
  );
}
