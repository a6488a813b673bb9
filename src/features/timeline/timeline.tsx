import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { captionDay } from '../filters/filter-phrases';
import { useAxisCalendar } from './use-axis-calendar';
import { formatDayNumber } from '../../domain/incident-date';
import type { TypeDescriber } from '../../domain/type-describer';
import type { KeySteps } from '../brush/brush-range';
import { BrushTrack } from '../brush/brush-track';
import type { ChartSize } from '../brush/chart-canvas';
import { AxisTicks, useChartCanvas } from '../brush/chart-canvas';
import { useBrush } from '../brush/use-brush';
import { drawBars } from './timeline-bars';
import type { OpenRange } from './timeline-range';
import { isOpen, resolveRange } from './timeline-range';
import type { DayExtent, DayHistogram } from './timeline-scale';
import {
  axisTicks,
  binHistogram,
  chooseBinDays,
  dayToX,
  extentDays,
  xToDay,
} from './timeline-scale';
import { describeTimeline } from './timeline-summary';
import { useDevicePixelRatio } from './use-device-pixel-ratio';
import { useElementSize } from './use-element-size';
import { usePlayback, WINDOW_STEP_MS } from './use-playback';
import { useReducedMotion } from './use-reduced-motion';
import './timeline.css';
import { DataText } from '../data-text/data-text';

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

/** Keys move the range (or, with Shift, one end of it) by a day, Page Up and Down by a week. */
const KEY_STEPS: KeySteps = { step: 1, page: 7 };

/**
 * Incidents per day (or week) stacked by type, with a brush that selects a date range and a
 * player that moves a window of days across the data. Presentational: the range comes in
 * through props and leaves through `onRangeChange`.
 */
export function Timeline({ histogram, extent, range, describeType, onRangeChange }: TimelineProps) {
  const { t } = useTranslation('timeline');
  const { language, calendar } = useAxisCalendar();
  const dayText = (day: number) => captionDay(formatDayNumber(day), language);
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
  const brushControls = useBrush({
    bounds: axis && { from: axis.fromDay, to: axis.toDay },
    range: shown,
    valueAt: (x, plotWidth, bounds) =>
      xToDay(x, { fromDay: bounds.from, toDay: bounds.to }, plotWidth),
    keySteps: KEY_STEPS,
    onRangeChange: (next) => onRangeChange(next.from, next.to),
    // Whoever takes the range in hand takes it from the player.
    onStart: playback.pause,
  });
  const { draft } = brushControls;
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
        ? axisTicks(axis, width, undefined, calendar).filter(
            (tick) => dayToX(tick.day, axis, width) + tick.label.length * LABEL_CHAR_PX <= width,
          )
        : [],
    [axis, width, calendar],
  );
  const summary = useMemo(
    () => describeTimeline(histogram, axis, language, calendar),
    [histogram, axis, language, calendar],
  );

  // The canvas is redrawn only when the bars or its size change, never while brushing.
  const draw = useCallback(
    (context: CanvasRenderingContext2D, size: ChartSize) => {
      if (bins && axis) drawBars(context, bins, { ...size, extent: axis }, describeType);
    },
    [bins, axis, describeType],
  );
  useChartCanvas(canvasRef, plotSize, pixelRatio, bins && axis ? draw : null);

  const clear = () => {
    playback.pause();
    if (!isOpen(range)) onRangeChange(null, null);
  };

  const percent = (day: number) => (axis ? `${dayToX(day, axis, 100)}%` : '0%');
  const windowMax = axis ? extentDays(axis) : undefined;

  return (
    <div className="timeline" role="group" aria-label={t('chart')} aria-describedby={summaryId}>
      <p id={summaryId} className="visually-hidden">
        <DataText value={summary} />
      </p>
      <p id={keysId} className="visually-hidden">
        {t('keys')}
      </p>
      <div className="chart-controls timeline-controls">
        <button
          type="button"
          disabled={!axis}
          onClick={playback.playing ? playback.pause : playback.play}
          title={
            reducedMotion ? t('playHintReduced', { seconds: WINDOW_STEP_MS / 1000 }) : t('playHint')
          }
        >
          {playback.playing ? t('pause') : t('play')}
        </button>
        <label>
          {t('window')}
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
          {t('speed')}
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {formatNumber(s, language)}×
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
          {t('loop')}
        </label>
        <button type="button" onClick={clear} disabled={!selecting}>
          {t('clear')}
        </button>
        <span className="timeline-range-text muted small">
          {!brush || !selecting
            ? t('allDates')
            : t('range', {
                from: dayText(brush.from),
                to: dayText(brush.to),
                days: t('days', { count: brush.to - brush.from + 1 }),
              })}
        </span>
      </div>
      <div className="timeline-plot" dir="ltr" ref={plotRef}>
        <canvas ref={canvasRef} className="timeline-canvas" aria-hidden="true" />
        {axis && brush && (
          // A day's handle stands at its edge: the range ends where its last day ends.
          <BrushTrack
            name="timeline"
            startPercent={dayToX(brush.from, axis, 100)}
            endPercent={dayToX(brush.to + 1, axis, 100)}
            selecting={selecting}
            handles={{
              from: {
                label: t('rangeStart'),
                min: axis.fromDay,
                max: brush.to,
                now: brush.from,
                text: dayText(brush.from),
              },
              to: {
                label: t('rangeEnd'),
                min: brush.from,
                max: axis.toDay,
                now: brush.to,
                text: dayText(brush.to),
              },
            }}
            keysId={keysId}
            brush={brushControls}
            onDoubleClick={clear}
          />
        )}
      </div>
      <AxisTicks
        ticks={ticks}
        className="timeline-axis"
        tickClassName="timeline-tick"
        place={(day) => ({ left: percent(day) })}
      />
    </div>
  );
}
