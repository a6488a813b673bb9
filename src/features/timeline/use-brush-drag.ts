import type { PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DayRange } from './timeline-range';
import { moveRange, sameRange, spanDays } from './timeline-range';
import type { DayExtent } from './timeline-scale';
import { xToDay } from './timeline-scale';
import { scheduleDragReport } from './drag-report';

/** Pixels a press on empty track must travel before it draws a new range (a click does not). */
const CREATE_THRESHOLD_PX = 3;

type DragMode =
  /** A new range, or an edge being moved: spans from a fixed day to the pointer. */
  | { kind: 'span'; anchor: number; threshold: boolean }
  /** The whole range, keeping its length and the pointer's offset into it. */
  | { kind: 'move'; offset: number; length: number };

interface Drag {
  mode: DragMode;
  pointerId: number;
  /** The track's box at the press; the track does not move during a drag. */
  left: number;
  width: number;
  startX: number;
  /** The range the drag has reached; starts as the range shown at the press. */
  range: DayRange;
  changed: boolean;
}

export interface BrushDragOptions {
  extent: DayExtent | null;
  /** The range shown when no drag is under way. */
  range: DayRange | null;
  onRangeChange: (fromDay: number, toDay: number) => void;
  onDragStart: () => void;
}

/**
 * Pointer handling for the brush track. The element under the press says what a drag does: a
 * `data-part` of `from` or `to` moves that edge, `body` moves the range, anything else draws a
 * new range. While dragging, the range is reported at most every DRAG_REPORT_MS, and once
 * more on release; `draft` is the range to show meanwhile.
 */
export function useBrushDrag({ extent, range, onRangeChange, onDragStart }: BrushDragOptions) {
  const [draft, setDraft] = useState<DayRange | null>(null);
  const drag = useRef<Drag | null>(null);
  const pending = useRef<number | null>(null);
  const lastReportAt = useRef(-Infinity);
  const report = useRef(onRangeChange);
  useLayoutEffect(() => {
    report.current = onRangeChange;
  });
  useEffect(
    () => () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
    },
    [],
  );

  const reportSoon = () => {
    if (pending.current !== null) return;
    pending.current = scheduleDragReport(lastReportAt.current, () => {
      pending.current = null;
      lastReportAt.current = performance.now();
      const current = drag.current;
      if (current?.changed) report.current(current.range.fromDay, current.range.toDay);
    });
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (!extent || !range || event.button !== 0) return;
    const track = event.currentTarget;
    const box = track.getBoundingClientRect();
    const part = (event.target as Element).closest('[data-part]')?.getAttribute('data-part');
    const day = xToDay(event.clientX - box.left, extent, box.width);
    const mode: DragMode =
      part === 'from'
        ? { kind: 'span', anchor: range.toDay, threshold: false }
        : part === 'to'
          ? { kind: 'span', anchor: range.fromDay, threshold: false }
          : part === 'body'
            ? { kind: 'move', offset: day - range.fromDay, length: range.toDay - range.fromDay }
            : { kind: 'span', anchor: day, threshold: true };
    drag.current = {
      mode,
      pointerId: event.pointerId,
      left: box.left,
      width: box.width,
      startX: event.clientX,
      range,
      changed: false,
    };
    // Capture keeps the drag going when the pointer leaves the track (not in jsdom).
    if (typeof track.setPointerCapture === 'function') track.setPointerCapture(event.pointerId);
    onDragStart();
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId || !extent) return;
    const { mode } = current;
    if (mode.kind === 'span' && mode.threshold) {
      if (Math.abs(event.clientX - current.startX) < CREATE_THRESHOLD_PX) return;
      mode.threshold = false;
    }
    const day = xToDay(event.clientX - current.left, extent, current.width);
    const next =
      mode.kind === 'move'
        ? moveRange(
            { fromDay: day - mode.offset, toDay: day - mode.offset + mode.length },
            0,
            extent,
          )
        : spanDays(mode.anchor, day);
    if (sameRange(next, current.range)) return;
    current.range = next;
    current.changed = true;
    setDraft(next);
    reportSoon();
  };

  const onPointerEnd = (event: ReactPointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
    setDraft(null);
    if (current.changed) report.current(current.range.fromDay, current.range.toDay);
  };

  return {
    draft,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: onPointerEnd,
      onPointerCancel: onPointerEnd,
      onLostPointerCapture: onPointerEnd,
    },
  };
}
