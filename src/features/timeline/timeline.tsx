import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatDayNumber } from '../../domain/incident-date';
import type { TypeDescriber } from '../../domain/type-describer';
import { drawBars } from './timeline-bars';
import type { OpenRange, RangeEdge } from './timeline-range';
import { isOpen, moveRange, resizeRange, resolveRange, sameRange } from './timeline-range';
import type { DayExtent, DayHistogram } from './timeline-scale';
import { axisTicks, binHistogram, chooseBinDays, dayToX, extentDays } from './timeline-scale';
import { describeTimeline } from './timeline-summary';
import { useBrushDrag } from './use-brush-drag';
import { useDevicePixelRatio } from './use-device-pixel-ratio';
import { useElementSize } from './use-element-size';
import { usePlayback, WINDOW_STEP_MS } from './use-playback';
import { useReducedMotion } from './use-reduced-motion';
import './timeline.css';

export interface TimelineProps {
  /** Incidents per day from startDay, stacked by type: byType[t * days + d]. */
  histogram: DayHistogram | null;
  /** The full day extent of the data (day numbers), which the axis spans. */
  extent: DayExtent | null;
  /** The current inclusive range (day numbers); null bounds are open. */
  range: OpenRange;
  /** The label and colour of each type code of the loaded data. */
  describeType: TypeDescriber;
  onRangeChange: (fromDay: number | null, toDay: number | null) => void;
}

const SPEEDS = [0.5, 1, 2, 4];
const DEFAULT_WINDOW_DAYS = 7;
/** Axis width assumed before the element is measured (and in jsdom). */
const FALLBACK_WIDTH_PX = 600;
/** A generous width of one character of an axis label, with its padding spread over it. */
const LABEL_CHAR_PX = 8;

/** Keys that move the range (or, with Shift, one end of it), in days. */
const KEY_STEPS: Record<string, number> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageDown: -7,
  PageUp: 7,
  Home: -Infinity,
  End: Infinity,
};

/**
 * Incidents per day (or week) stacked by type, with a brush that selects a date range and a
 * player that moves a window of days across the data. Presentational: the range comes in
 * through props and leaves through `onRangeChange`.
 */
export function Timeline({ histogram, extent, range, describeType, onRangeChange }: TimelineProps) {
  const summaryId = useId();
  const keysId = useId();
  const [plotRef, plotSize] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pixelRatio = useDevicePixelRatio();
  const reducedMotion = useReducedMotion();

  const [windowText, setWindowText] = useState(String(DEFAULT_WINDOW_DAYS));
  const [windowDays, setWindowDays] = useState(DEFAULT_WINDOW_DAYS);
  const [speed, setSpeed] = useState(1);
  const [loop, setLoop] = useState(false);

  // A fresh object per render would redraw on every parent render; the bounds are what count.
  const fromDay = extent?.fromDay ?? null;
  const toDay = extent?.toDay ?? null;
  const axis = useMemo(
    () => (fromDay === null || toDay === null ? null : { fromDay, toDay }),
    [fromDay, toDay],
  );
  const shown = axis ? resolveRange(range, axis) : null;

  const playback = usePlayback({
    extent: axis,
    range,
    windowDays,
    speed,
    loop,
    reducedMotion,
    onRangeChange,
  });
  const { draft, handlers } = useBrushDrag({
    extent: axis,
    range: shown,
    onRangeChange,
    onDragStart: playback.pause,
  });
  const brush = draft ?? shown;
  const selecting = draft !== null || !isOpen(range);

  const width = plotSize.width > 0 ? plotSize.width : FALLBACK_WIDTH_PX;
  const bins = useMemo(
    () =>
      histogram && axis ? binHistogram(histogram, chooseBinDays(extentDays(axis), width)) : null,
    [histogram, axis, width],
  );
  // A label that would run past the right edge is left out rather than cut.
  const ticks = useMemo(
    () =>
      axis
        ? axisTicks(axis, width).filter(
            (tick) => dayToX(tick.day, axis, width) + tick.label.length * LABEL_CHAR_PX <= width,
          )
        : [],
    [axis, width],
  );
  const summary = useMemo(() => describeTimeline(histogram, axis), [histogram, axis]);

  // The canvas is redrawn only when the bars or its size change, never while brushing.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || plotSize.width <= 0 || plotSize.height <= 0) return;
    canvas.width = Math.round(plotSize.width * pixelRatio);
    canvas.height = Math.round(plotSize.height * pixelRatio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (bins && axis) {
      drawBars(
        ctx,
        bins,
        {
          width: plotSize.width,
          height: plotSize.height,
          devicePixelRatio: pixelRatio,
          extent: axis,
        },
        describeType,
      );
    } else {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    }
  }, [bins, axis, plotSize.width, plotSize.height, pixelRatio, describeType]);

  const clear = () => {
    playback.pause();
    if (!isOpen(range)) onRangeChange(null, null);
  };

  const onHandleKeyDown = (edge: RangeEdge) => (event: ReactKeyboardEvent<HTMLElement>) => {
    const delta = KEY_STEPS[event.key];
    if (delta === undefined || !axis || !shown) return;
    event.preventDefault();
    playback.pause();
    const next = event.shiftKey
      ? resizeRange(shown, edge, delta, axis)
      : moveRange(shown, delta, axis);
    if (!sameRange(next, shown)) onRangeChange(next.fromDay, next.toDay);
  };

  const percent = (day: number) => (axis ? `${dayToX(day, axis, 100)}%` : '0%');
  const windowMax = axis ? extentDays(axis) : undefined;

  return (
    <div className="timeline" role="group" aria-label="Timeline" aria-describedby={summaryId}>
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
      <p id={keysId} className="visually-hidden">
        Arrow keys move the range by a day, Page Up and Page Down by a week, Home and End to the
        ends of the data; with Shift they move this end only.
      </p>
      <div className="timeline-controls">
        <button
          type="button"
          disabled={!axis}
          onClick={playback.playing ? playback.pause : playback.play}
          title={
            reducedMotion
              ? `Reduced motion: steps a whole window every ${WINDOW_STEP_MS / 1000} s at 1×`
              : 'Moves the window one day at a time'
          }
        >
          {playback.playing ? 'Pause' : 'Play'}
        </button>
        <label>
          Window (days)
          <input
            type="number"
            min={1}
            max={windowMax}
            step={1}
            value={windowText}
            onChange={(event) => {
              setWindowText(event.target.value);
              const days = Number(event.target.value);
              if (Number.isInteger(days) && days >= 1) setWindowDays(days);
            }}
          />
        </label>
        <label>
          Speed
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={loop}
            onChange={(event) => setLoop(event.target.checked)}
          />{' '}
          Loop
        </label>
        <button type="button" onClick={clear} disabled={!selecting}>
          Clear
        </button>
        <span className="timeline-range-text muted small">
          {!brush || !selecting
            ? 'All dates'
            : `${formatDayNumber(brush.fromDay)} to ${formatDayNumber(brush.toDay)} (${
                brush.toDay - brush.fromDay + 1
              } ${brush.toDay === brush.fromDay ? 'day' : 'days'})`}
        </span>
      </div>
      <div className="timeline-plot" ref={plotRef}>
        <canvas ref={canvasRef} className="timeline-canvas" aria-hidden="true" />
        {axis && brush && (
          <div
            className="timeline-track"
            data-testid="timeline-track"
            {...handlers}
            onDoubleClick={clear}
          >
            {selecting && (
              <>
                <div
                  className="timeline-shade"
                  style={{ left: 0, width: percent(brush.fromDay) }}
                />
                <div
                  className="timeline-shade"
                  style={{ left: percent(brush.toDay + 1), right: 0 }}
                />
                <div
                  className="timeline-brush"
                  data-part="body"
                  style={{
                    left: percent(brush.fromDay),
                    width: `${dayToX(brush.toDay + 1, axis, 100) - dayToX(brush.fromDay, axis, 100)}%`,
                  }}
                />
              </>
            )}
            {(['from', 'to'] as const).map((edge) => {
              const day = edge === 'from' ? brush.fromDay : brush.toDay;
              return (
                <div
                  key={edge}
                  className={`timeline-handle timeline-handle-${edge}`}
                  data-part={edge}
                  role="slider"
                  tabIndex={0}
                  aria-label={edge === 'from' ? 'Range start' : 'Range end'}
                  aria-describedby={keysId}
                  aria-orientation="horizontal"
                  aria-valuemin={edge === 'from' ? axis.fromDay : brush.fromDay}
                  aria-valuemax={edge === 'from' ? brush.toDay : axis.toDay}
                  aria-valuenow={day}
                  aria-valuetext={formatDayNumber(day)}
                  style={{ left: percent(edge === 'from' ? day : day + 1) }}
                  onKeyDown={onHandleKeyDown(edge)}
                />
              );
            })}
          </div>
        )}
      </div>
      <div className="timeline-axis" aria-hidden="true">
        {ticks.map((tick) => (
          <span key={tick.day} className="timeline-tick" style={{ left: percent(tick.day) }}>
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}
