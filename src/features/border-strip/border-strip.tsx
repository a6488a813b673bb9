import { useCallback, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypeDescriber } from '../../domain/type-describer';
import type { Interval, KeySteps } from '../brush/brush-range';
import { clampInterval } from '../brush/brush-range';
import { BrushTrack } from '../brush/brush-track';
import type { ChartSize } from '../brush/chart-canvas';
import { AxisTicks, useChartCanvas } from '../brush/chart-canvas';
import { useBrush } from '../brush/use-brush';
import { axisTicks } from '../timeline/timeline-scale';
import { useAxisCalendar } from '../timeline/use-axis-calendar';
import { useDevicePixelRatio } from '../timeline/use-device-pixel-ratio';
import { useElementSize } from '../timeline/use-element-size';
import type { StripPoints } from './strip-marks';
import { drawMarks, findNearestMark } from './strip-marks';
import type { BorderSegment } from './strip-scale';
import {
  dayToY,
  describeKm,
  describePlaces,
  describeStretch,
  formatKm,
  kmTicks,
  kmToX,
  orderSegments,
  snapKm,
  xToKm,
} from './strip-scale';
import { describeBorderStrip, findBusiestStretch } from './strip-summary';
import './border-strip.css';
import { displayName } from '../../domain/display-text';
import { DataText } from '../data-text/data-text';

/** A stretch of the line, in km from the Iran tripoint. */
export interface KmRange {
  fromKm: number;
  toKm: number;
}

export interface BorderStripProps {
  /**
   * One mark per located incident near the border: chainage (km from the Iran tripoint along
   * the Durand Line), day number, type position. Columns aligned by index.
   */
  points: StripPoints | null;
  /** Total line length (km), e.g. 2244.8 (Natural Earth 1:10m). */
  lengthKm: number;
  /** Named stretches to mark on the km axis, such as the provinces along the line. */
  segments: readonly BorderSegment[];
  /** Day extent (day numbers) of the time axis. */
  extent: { fromDay: number; toDay: number } | null;
  /** The current chainage brush (km), null = none. */
  range: KmRange | null;
  onRangeChange: (range: KmRange | null) => void;
  /** The label and colour of each type code of the loaded data. */
  describeType: TypeDescriber;
  /** Optional: clicking a mark selects that incident (row id). */
  onSelect?: (row: number) => void;
}

/** Plot size assumed before the element is measured (and in jsdom). */
const FALLBACK_SIZE = { width: 600, height: 240 };
/** A generous width of one character of an axis label, with its padding spread over it. */
const LABEL_CHAR_PX = 8;
/** Fewest pixels between two date labels down the time axis. */
const TIME_TICK_SPACING_PX = 32;
/** How near a click must fall to a mark to select it. */
const SELECT_RADIUS_PX = 6;

/** Keys move the stretch (or, with Shift, one end of it) by 10 km, Page Up and Down by 100 km. */
const KEY_STEPS: KeySteps = { step: 10, page: 100 };
/** The shortest stretch the brush makes, so that it always selects some of the line. */
const MIN_STRETCH_KM = 1;

/**
 * A space-time chart of the border: km along the Durand Line across (Iran tripoint on the left,
 * China tripoint on the right), time down (earliest at the top), one mark per incident coloured
 * by type, with a brush that selects a stretch of the line. Presentational: the stretch comes in
 * through props and leaves through `onRangeChange`.
 */
export function BorderStrip({
  points,
  lengthKm,
  segments,
  extent,
  range,
  onRangeChange,
  describeType,
  onSelect,
}: BorderStripProps) {
  const { t } = useTranslation('borderStrip');
  const { language, calendar } = useAxisCalendar();
  const summaryId = useId();
  const keysId = useId();
  const [plotRef, plotSize] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pixelRatio = useDevicePixelRatio();

  const length = Number.isFinite(lengthKm) && lengthKm > 0 ? lengthKm : 0;
  // A fresh object per render would redraw on every parent render; the bounds are what count.
  const fromDay = extent?.fromDay ?? null;
  const toDay = extent?.toDay ?? null;
  const axis = useMemo(
    () => (fromDay === null || toDay === null || toDay < fromDay ? null : { fromDay, toDay }),
    [fromDay, toDay],
  );
  const ordered = useMemo(() => orderSegments(segments, length), [segments, length]);

  const line: Interval = { from: 0, to: length };
  const shown = range ? clampInterval({ from: range.fromKm, to: range.toKm }, line) : null;
  const brushControls = useBrush({
    bounds: length > 0 ? line : null,
    range: shown ?? line,
    valueAt: (x, plotWidth, bounds) => snapKm(xToKm(x, bounds.to, plotWidth), bounds.to),
    keySteps: KEY_STEPS,
    minLength: MIN_STRETCH_KM,
    onRangeChange: (next) => onRangeChange({ fromKm: next.from, toKm: next.to }),
    onClick: (x, y, width, height) => {
      if (!onSelect || !points || !axis) return;
      const i = findNearestMark(
        points,
        { width, height, lengthKm: length, extent: axis },
        x,
        y,
        SELECT_RADIUS_PX,
      );
      if (i >= 0) onSelect(points.rows[i]!);
    },
  });
  const { draft } = brushControls;
  const brush = draft ?? shown ?? line;
  const selecting = draft !== null || shown !== null;

  const width = plotSize.width > 0 ? plotSize.width : FALLBACK_SIZE.width;
  const height = plotSize.height > 0 ? plotSize.height : FALLBACK_SIZE.height;
  // A label that would run past the right edge is left out rather than cut.
  const kms = useMemo(
    () =>
      kmTicks(length, width).filter(
        (km) =>
          kmToX(km, length, width) +
            t('km', { km: formatKm(km, language) }).length * LABEL_CHAR_PX <=
          width,
      ),
    [length, width, t, language],
  );
  const dates = useMemo(
    () => (axis ? axisTicks(axis, height, TIME_TICK_SPACING_PX, calendar) : []),
    [axis, height, calendar],
  );
  const busiest = useMemo(
    () => (points ? findBusiestStretch(points, length, axis) : null),
    [points, length, axis],
  );
  const summary = describeBorderStrip(busiest, ordered, axis, language);

  // The canvas is redrawn only when the marks, the axes or its size change, never while brushing.
  const draw = useCallback(
    (context: CanvasRenderingContext2D, size: ChartSize) => {
      if (axis && length > 0)
        drawMarks(context, points, { ...size, lengthKm: length, extent: axis }, describeType);
    },
    [points, axis, length, describeType],
  );
  useChartCanvas(canvasRef, plotSize, pixelRatio, axis && length > 0 ? draw : null);

  const clear = () => {
    if (range) onRangeChange(null);
  };

  const x = (km: number) => `${kmToX(km, length, 100)}%`;
  const y = (day: number) => (axis ? `${dayToY(day, axis, 100)}%` : '0%');
  const places = describePlaces(brush.from, brush.to, ordered, language);

  return (
    <div className="border-strip" role="group" aria-label={t('chart')} aria-describedby={summaryId}>
      <p id={summaryId} className="visually-hidden">
        <DataText value={summary} />
      </p>
      <p id={keysId} className="visually-hidden">
        {t('keys')}
      </p>
      <div className="chart-controls border-strip-controls">
        <button type="button" onClick={clear} disabled={!range}>
          {t('clear')}
        </button>
        <span className="border-strip-range-text muted small">
          {selecting ? (
            <DataText value={describeStretch(brush.from, brush.to, places, language)} />
          ) : (
            t('wholeLine')
          )}
        </span>
      </div>
      <span className="border-strip-time-title muted" aria-hidden="true">
        {t('dateAxis')}
      </span>
      <AxisTicks
        ticks={dates}
        className="border-strip-time-axis"
        tickClassName="border-strip-time-tick"
        place={(day) => ({ top: y(day) })}
      />
      <div className="border-strip-plot" dir="ltr" ref={plotRef}>
        <div className="border-strip-backdrop" aria-hidden="true">
          {ordered.map((segment, i) => (
            <div
              key={`${segment.name}-${segment.fromKm}`}
              className={`border-strip-band${i % 2 === 1 ? ' border-strip-band-alt' : ''}`}
              style={{ left: x(segment.fromKm), width: x(segment.toKm - segment.fromKm) }}
            />
          ))}
          {dates.map((tick) => (
            <div key={tick.day} className="border-strip-gridline" style={{ top: y(tick.day) }} />
          ))}
        </div>
        <canvas ref={canvasRef} className="border-strip-canvas" aria-hidden="true" />
        {length > 0 && (
          <BrushTrack
            name="border-strip"
            startPercent={kmToX(brush.from, length, 100)}
            endPercent={kmToX(brush.to, length, 100)}
            selecting={selecting}
            handles={{
              from: {
                label: t('stretchStart'),
                min: 0,
                max: round(brush.to),
                now: round(brush.from),
                text: describeKm(brush.from, ordered, language),
              },
              to: {
                label: t('stretchEnd'),
                min: round(brush.from),
                max: round(length),
                now: round(brush.to),
                text: describeKm(brush.to, ordered, language),
              },
            }}
            keysId={keysId}
            brush={brushControls}
            onDoubleClick={clear}
          />
        )}
      </div>
      <div className="border-strip-segments" dir="ltr" aria-hidden="true">
        {ordered.map((segment) => (
          <span
            key={`${segment.name}-${segment.fromKm}`}
            className="border-strip-segment"
            title={displayName(segment.name)}
            style={{ left: x(segment.fromKm), width: x(segment.toKm - segment.fromKm) }}
          >
            <DataText value={segment.name} name />
          </span>
        ))}
      </div>
      <div className="border-strip-km-axis" dir="ltr" aria-hidden="true">
        {kms.map((km) => (
          <span key={km} className="border-strip-km-tick" style={{ left: x(km) }}>
            {t('km', { km: formatKm(km, language) })}
          </span>
        ))}
      </div>
      <div className="border-strip-ends muted small" dir="ltr" aria-hidden="true">
        <span>{t('iranEnd')}</span>
        <span>{t('chinaEnd')}</span>
      </div>
      <p className="border-strip-note muted small">{t('note')}</p>
    </div>
  );
}

/** A chainage for aria-valuenow: to 0.1 km, without floating-point noise. */
function round(km: number): number {
  return Math.round(km * 10) / 10;
}
