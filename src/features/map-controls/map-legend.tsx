import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import type { ReactNode } from 'react';
import { OPEN_KM } from '../../domain/filters/border-dimensions';
import { COLOUR_SCHEMES } from '../../map/colour-scheme';
import { shouldCluster } from '../../map/incident-layers';
import type { SchemeSwatchColours } from '../../map/legend-colours';
import { LEGEND_COLOURS } from '../../map/legend-colours';
import type { IncidentStore } from '../../state/incident-store';
import {
  incidentStore,
  selectDescribeType,
  selectTypeCounts,
  useIncidentStore,
  useIncidentStoreShallow,
} from '../../state/incident-store';
import { byCount, CappedList, SHOWN_ITEMS } from '../capped-list/capped-list';
import { DataText } from '../data-text/data-text';
import { describeBand } from './describe-band';
import './map-controls.css';

/** The legend starts open only over a map this large (CSS pixels), so it hides little of it. */
const OPEN_ON_MAPS_FROM = { width: 800, height: 560 };

/** Whether the map the legend sits on has room for it open. */
function mapHasRoom(legend: HTMLElement | null): boolean {
  const area = legend?.closest<HTMLElement>('.map-area') ?? legend?.parentElement ?? null;
  if (!area || area.clientWidth === 0) return true;
  return (
    area.clientWidth >= OPEN_ON_MAPS_FROM.width && area.clientHeight >= OPEN_ON_MAPS_FROM.height
  );
}

const INCIDENTS = LEGEND_COLOURS.incidents;

function Dot({ colour = 'currentColor' }: { colour?: string }) {
  return (
    <svg className="symbol" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="5.5" fill={colour} stroke={INCIDENTS.rim} strokeWidth="1.5" />
    </svg>
  );
}

function Ring() {
  return (
    <svg className="symbol" viewBox="0 0 20 20" aria-hidden="true">
      <circle
        cx="10"
        cy="10"
        r="7.5"
        fill="currentColor"
        fillOpacity="0.12"
        stroke="currentColor"
        strokeWidth="2"
      />
    </svg>
  );
}

/** A colour ramp as a row of squares, low to high. */
function RampSquares({ colours }: { colours: readonly string[] }) {
  return colours.map((colour, i) => (
    <rect key={colour} x={i * 10} y="0" width="10" height="10" fill={colour} />
  ));
}

/**
 * A symbol of the basemap or border layers, drawn once per colour scheme in the colours the map
 * uses in it; the stylesheet shows the current scheme's.
 */
function SchemeSymbol({
  ramp = false,
  draw,
}: {
  ramp?: boolean;
  draw: (colours: SchemeSwatchColours) => ReactNode;
}) {
  return COLOUR_SCHEMES.map((scheme) => (
    <svg
      key={scheme}
      className={`symbol${ramp ? ' ramp' : ''} scheme-${scheme}`}
      viewBox={ramp ? '0 0 50 10' : '0 0 20 20'}
      aria-hidden="true"
    >
      {draw(LEGEND_COLOURS.schemes[scheme])}
    </svg>
  ));
}

/** Incidents per province, and how many of the matching ones no province counts. */
function ProvinceLegend({ store }: { store: IncidentStore }) {
  const { t } = useTranslation('mapControls');
  const language = currentLanguage();
  const { max, uncounted, ready } = useIncidentStoreShallow((state) => {
    const counts = state.result?.provinceCounts ?? [];
    const counted = counts.reduce((sum, p) => sum + p.count, 0);
    return {
      ready: counts.length > 0,
      max: Math.max(0, ...counts.map((p) => p.count)),
      uncounted: (state.result?.count ?? 0) - counted,
    };
  }, store);
  if (!ready) return null;
  return (
    <div className="legend-provinces">
      {max > 0 ? (
        <>
          <p className="legend-note">{t('perProvince')}</p>
          <div className="legend-ramp">
            <span>{formatNumber(1, language)}</span>
            <SchemeSymbol ramp draw={(c) => <RampSquares colours={c.provinceRamp} />} />
            <span>{formatNumber(max, language)}</span>
          </div>
          <p className="legend-note">{t('outlined')}</p>
        </>
      ) : (
        <p className="legend-note">{t('noProvince')}</p>
      )}
      {uncounted > 0 && <p className="legend-note">{t('uncounted', { count: uncounted })}</p>}
    </div>
  );
}

/**
 * What the map's symbols mean: precision (dot or ring), the Durand Line, crossings, the distance
 * band, clusters or the heatmap when shown, the province counts, the type colours drawn, and how
 * many incidents have no place on it. Folded at first over a small map.
 */
export function MapLegend({
  store = incidentStore,
  heatmap = false,
  provinces = false,
}: {
  store?: IncidentStore;
  heatmap?: boolean;
  /** Whether the province choropleth is shown. */
  provinces?: boolean;
}) {
  const { t } = useTranslation('mapControls');
  const language = currentLanguage();
  const section = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(true);
  useLayoutEffect(() => setOpen(mapHasRoom(section.current)), []);
  const { unlocated, clustered, band, side } = useIncidentStoreShallow(
    (state) => ({
      band: state.filter.borderKm,
      side: state.filter.side,
      unlocated: state.result?.unlocated ?? 0,
      clustered: shouldCluster((state.result?.count ?? 0) - (state.result?.unlocated ?? 0)),
    }),
    store,
  );
  const types = useIncidentStore(selectTypeCounts, store).filter(
    (type) => type.selected && type.count > 0,
  );
  const describeType = useIncidentStore(selectDescribeType, store);
  return (
    <section ref={section} className="map-legend" role="region" aria-label={t('legendRegion')}>
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        aria-controls="map-legend-body"
        onClick={() => setOpen(!open)}
      >
        {t('legend')}
      </button>
      {open && (
        <div id="map-legend-body" className="legend-body">
          <ul className="legend-symbols">
            <li>
              <Dot />
              {t('exactPlace')}
            </li>
            <li>
              <Ring />
              {t('approximate')}
            </li>
            {clustered && !heatmap && (
              <li>
                <svg className="symbol" viewBox="0 0 20 20" aria-hidden="true">
                  <circle
                    cx="10"
                    cy="10"
                    r="8.5"
                    fill={INCIDENTS.cluster}
                    stroke={INCIDENTS.clusterRim}
                    strokeWidth="1.5"
                  />
                </svg>
                {t('cluster')}
              </li>
            )}
            {heatmap && (
              <li>
                <svg className="symbol ramp" viewBox="0 0 50 10" aria-hidden="true">
                  <RampSquares colours={INCIDENTS.heatmapRamp} />
                </svg>
                {t('density')}
              </li>
            )}
            <li>
              <SchemeSymbol
                draw={(c) => (
                  <>
                    <line x1="1" y1="10" x2="19" y2="10" stroke={c.durandCasing} strokeWidth="5" />
                    <line
                      x1="1"
                      y1="10"
                      x2="19"
                      y2="10"
                      stroke={c.durand}
                      strokeWidth="2.5"
                      strokeDasharray="5 2.5"
                    />
                  </>
                )}
              />
              {t('durandLine')}
            </li>
            <li>
              <SchemeSymbol
                draw={(c) => (
                  <polygon
                    points="10,4 16,10 10,16 4,10"
                    className="crossing-swatch"
                    fill={c.crossing}
                    stroke={c.crossingRim}
                  />
                )}
              />
              {t('crossing')}
            </li>
            {band && !(band[0] <= 0 && band[1] >= OPEN_KM) && (
              <li>
                <SchemeSymbol
                  draw={(c) => (
                    <rect
                      x="2"
                      y="5"
                      width="16"
                      height="10"
                      className={band[1] >= OPEN_KM ? 'band-swatch beyond' : 'band-swatch'}
                      fill={c.band}
                      fillOpacity={c.bandFillOpacity}
                      stroke={c.band}
                    />
                  )}
                />
                {describeBand(band, side, language)}
              </li>
            )}
          </ul>
          {provinces && <ProvinceLegend store={store} />}
          {types.length > 0 && (
            <>
              <p className="legend-note">{t('typeColour')}</p>
              <CappedList
                items={types.length > SHOWN_ITEMS ? byCount(types) : types}
                nameOf={({ code }) => describeType(code).label}
                findLabel={t('findType')}
              >
                {(shown) => (
                  <ul className="legend-types">
                    {shown.map(({ code, count }) => {
                      const type = describeType(code);
                      return (
                        <li key={code}>
                          <Dot colour={type.colour} />
                          <DataText value={type.label} name />
                          <span className="muted count">
                            {formatNumber(count, language, { useGrouping: false })}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </CappedList>
            </>
          )}
          {unlocated > 0 && <p className="legend-note">{t('unlocated', { count: unlocated })}</p>}
        </div>
      )}
    </section>
  );
}
