import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef } from 'react';
import type { TypeDescriber } from '../../domain/type-describer';
import { axisTicks } from '../timeline/timeline-scale';
import { useDevicePixelRatio } from '../timeline/use-device-pixel-ratio';
import { useElementSize } from '../timeline/use-element-size';
import type { StripPoints } from './strip-marks';
import { drawMarks, findNearestMark } from './strip-marks';
import type { KmRange, StretchEdge } from './strip-range';
import { clampStretch, moveStretch, resizeStretch, sameStretch, wholeLine } from './strip-range';
import type { BorderSegment } from './strip-scale';
import {
  dayToY,
  describeKm,
  describePlaces,
  formatKm,
  kmTicks,
  kmToX,
  orderSegments,
} from './strip-scale';
import { describeBorderStrip, findBusiestStretch } from './strip-summary';
import { useStretchDrag } from './use-stretch-drag';
import './border-strip.css';

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

/** Keys that move the stretch (or, with Shift, one end of it), in km. */
const KEY_STEPS: Record<string, number> = {
  ArrowLeft: -10,
  ArrowDown: -10,
  ArrowRight: 10,
  ArrowUp: 10,
  PageDown: -100,
  PageUp: 100,
  Home: -Infinity,
  End: Infinity,
};

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

  const line = wholeLine(length);
  const shown = range ? clampStretch(range, length) : null;
  const { draft, handlers } = useStretchDrag({
    lengthKm: length,
    range: shown ?? line,
    onRangeChange,
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
  const brush = draft ?? shown ?? line;
  const selecting = draft !== null || shown !== null;

  const width = plotSize.width > 0 ? plotSize.width : FALLBACK_SIZE.width;
  const height = plotSize.height > 0 ? plotSize.height : FALLBACK_SIZE.height;
  // A label that would run past the right edge is left out rather than cut.
  const kms = useMemo(
    () =>
      kmTicks(length, width).filter(
        (km) => kmToX(km, length, width) + `${formatKm(km)} km`.length * LABEL_CHAR_PX <= width,
      ),
    [length, width],
  );
  const dates = useMemo(
    () => (axis ? axisTicks(axis, height, TIME_TICK_SPACING_PX) : []),
    [axis, height],
  );
  const busiest = useMemo(
    () => (points ? findBusiestStretch(points, length, axis) : null),
    [points, length, axis],
  );
  const summary = describeBorderStrip(busiest, ordered, axis);

  // The canvas is redrawn only when the marks, the axes or its size change, never while brushing.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || plotSize.width <= 0 || plotSize.height <= 0) return;
    canvas.width = Math.round(plotSize.width * pixelRatio);
    canvas.height = Math.round(plotSize.height * pixelRatio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (axis && length > 0) {
      drawMarks(
        ctx,
        points,
        {
          width: plotSize.width,
          height: plotSize.height,
          devicePixelRatio: pixelRatio,
          lengthKm: length,
          extent: axis,
        },
        describeType,
      );
    } else {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    }
  }, [points, axis, length, plotSize.width, plotSize.height, pixelRatio, describeType]);

  const clear = () => {
    if (range) onRangeChange(null);
  };

  const onHandleKeyDown = (edge: StretchEdge) => (event: ReactKeyboardEvent<HTMLElement>) => {
    const delta = KEY_STEPS[event.key];
    if (delta === undefined || length <= 0) return;
    event.preventDefault();
    const from = shown ?? line;
    const next = event.shiftKey
      ? resizeStretch(from, edge, delta, length)
      : moveStretch(from, delta, length);
    if (!sameStretch(next, from)) onRangeChange(next);
  };

  const x = (km: number) => `${kmToX(km, length, 100)}%`;
  const y = (day: number) => (axis ? `${dayToY(day, axis, 100)}%` : '0%');
  const places = describePlaces(brush.fromKm, brush.toKm, ordered);

  return (
    <div
      className="border-strip"
      role="group"
      aria-label="Border strip chart"
      aria-describedby={summaryId}
    >
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
      <p id={keysId} className="visually-hidden">
        Arrow keys move the stretch by 10 km, Page Up and Page Down by 100 km, Home and End to the
        ends of the line; with Shift they move this end only.
      </p>
      <div className="border-strip-controls">
        <button type="button" onClick={clear} disabled={!range}>
          Clear
        </button>
        <span className="border-strip-range-text muted small">
          {selecting
            ? `${formatKm(brush.fromKm)}–${formatKm(brush.toKm)} km${places ? ` (${places})` : ''}`
            : 'Whole line'}
        </span>
      </div>
      <span className="border-strip-time-title muted" aria-hidden="true">
        Date ↓
      </span>
      <div className="border-strip-time-axis" aria-hidden="true">
        {dates.map((tick) => (
          <span key={tick.day} className="border-strip-time-tick" style={{ top: y(tick.day) }}>
            {tick.label}
          </span>
        ))}
      </div>
      <div className="border-strip-plot" ref={plotRef}>
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
          <div
            className="border-strip-track"
            data-testid="border-strip-track"
            {...handlers}
            onDoubleClick={clear}
          >
            {selecting && (
              <>
                <div className="border-strip-shade" style={{ left: 0, width: x(brush.fromKm) }} />
                <div className="border-strip-shade" style={{ left: x(brush.toKm), right: 0 }} />
                <div
                  className="border-strip-brush"
                  data-part="body"
                  style={{ left: x(brush.fromKm), width: x(brush.toKm - brush.fromKm) }}
                />
              </>
            )}
            {(['from', 'to'] as const).map((edge) => {
              const km = edge === 'from' ? brush.fromKm : brush.toKm;
              return (
                <div
                  key={edge}
                  className={`border-strip-handle border-strip-handle-${edge}`}
                  data-part={edge}
                  role="slider"
                  tabIndex={0}
                  aria-label={edge === 'from' ? 'Stretch start' : 'Stretch end'}
                  aria-describedby={keysId}
                  aria-orientation="horizontal"
                  aria-valuemin={edge === 'from' ? 0 : round(brush.fromKm)}
                  aria-valuemax={edge === 'from' ? round(brush.toKm) : round(length)}
                  aria-valuenow={round(km)}
                  aria-valuetext={describeKm(km, ordered)}
                  style={{ left: x(km) }}
                  onKeyDown={onHandleKeyDown(edge)}
                />
              );
            })}
          </div>
        )}
      </div>
      <div className="border-strip-segments" aria-hidden="true">
        {ordered.map((segment) => (
          <span
            key={`${segment.name}-${segment.fromKm}`}
            className="border-strip-segment"
            title={segment.name}
            style={{ left: x(segment.fromKm), width: x(segment.toKm - segment.fromKm) }}
          >
            {segment.name}
          </span>
        ))}
      </div>
      <div className="border-strip-km-axis" aria-hidden="true">
        {kms.map((km) => (
          <span key={km} className="border-strip-km-tick" style={{ left: x(km) }}>
            {formatKm(km)} km
          </span>
        ))}
      </div>
      <div className="border-strip-ends muted small" aria-hidden="true">
        <span>← Iran tripoint</span>
        <span>China tripoint →</span>
      </div>
      <p className="border-strip-note muted small">
        km along the Natural Earth 1:10m line from the Iran tripoint; generalised, so distances are
        approximate. Time runs downward, earliest at the top.
      </p>
    </div>
  );
}

/** A chainage for aria-valuenow: to 0.1 km, without floating-point noise. */
function round(km: number): number {
  return Math.round(km * 10) / 10;
}
