import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Edge, Interval, KeySteps } from './brush-range';
import { keyInterval, moveInterval, sameInterval, spanInterval } from './brush-range';
import { scheduleDragReport } from './drag-report';

/** Pixels a press must travel before it draws a new interval (a click does not). */
const CLICK_SLOP_PX = 3;

type DragMode =
  /** A new interval, or an edge being moved: spans from a fixed value to the pointer. */
  | { kind: 'span'; anchor: number; threshold: boolean }
  /** The whole interval, keeping its length and the pointer's offset into it. */
  | { kind: 'move'; offset: number; length: number };

interface Drag {
  mode: DragMode;
  /** A press on empty track or the brush body, which is a click when it does not drag. */
  clickable: boolean;
  pointerId: number;
  /** The track's box at the press; the track does not move during a drag. */
  box: { left: number; top: number; width: number; height: number };
  startX: number;
  startY: number;
  /** The interval the drag has reached; starts as the one shown at the press. */
  range: Interval;
  changed: boolean;
}

export interface BrushOptions {
  /** The ends of the axis; null while there is nothing to brush. */
  bounds: Interval | null;
  /** The interval shown when no drag is under way; null while there is nothing to brush. */
  range: Interval | null;
  /** The value under `x` px into a track `width` px wide, snapped as the axis wants. */
  valueAt: (x: number, width: number, bounds: Interval) => number;
  /** How far the keys on a handle move the interval. */
  keySteps: KeySteps;
  /** The shortest interval a drag draws or Shift and a key leave; 0 lets both ends meet. */
  minLength?: number;
  /** The interval reached: while a drag goes on at most every DRAG_REPORT_MS, then on release. */
  onRangeChange: (range: Interval) => void;
  /** A press on the track or a brush key on a handle, before anything moves. */
  onStart?: () => void;
  /** A press and release that did not drag, at (x, y) in the track's CSS pixels. */
  onClick?: (x: number, y: number, width: number, height: number) => void;
}

/**
 * A 1-D brush's pointer and keyboard handling; `trackHandlers` go on the track, `onHandleKeyDown`
 * on each handle. The element under the press says what a drag does: a `data-part` of `from` or
 * `to` moves that edge, `body` moves the interval, anything else draws a new one. While dragging,
 * the interval is reported at most every DRAG_REPORT_MS (drag-report.ts), and once more on
 * release; `draft` is the interval to show meanwhile. Keys move the whole interval, or with Shift
 * the handle's end; a key that changes nothing reports nothing.
 */
export function useBrush(options: BrushOptions) {
  const { bounds, range, valueAt, keySteps, minLength = 0 } = options;
  const [draft, setDraft] = useState<Interval | null>(null);
  const drag = useRef<Drag | null>(null);
  const pending = useRef<number | null>(null);
  const lastReportAt = useRef(-Infinity);
  // The timer and the drag outlive a render: they call whatever the latest props hold.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
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
      if (current?.changed) latest.current.onRangeChange(current.range);
    });
  };

  const valueUnder = (clientX: number, box: Drag['box'], bounds: Interval) =>
    valueAt(clientX - box.left, box.width, bounds);

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (!bounds || !range || event.button !== 0) return;
    const track = event.currentTarget;
    const rect = track.getBoundingClientRect();
    const box = { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    const part = (event.target as Element).closest('[data-part]')?.getAttribute('data-part');
    const value = valueUnder(event.clientX, box, bounds);
    const mode: DragMode =
      part === 'from'
        ? { kind: 'span', anchor: range.to, threshold: false }
        : part === 'to'
          ? { kind: 'span', anchor: range.from, threshold: false }
          : part === 'body'
            ? { kind: 'move', offset: value - range.from, length: range.to - range.from }
            : { kind: 'span', anchor: value, threshold: true };
    drag.current = {
      mode,
      clickable: part !== 'from' && part !== 'to',
      pointerId: event.pointerId,
      box,
      startX: event.clientX,
      startY: event.clientY,
      range,
      changed: false,
    };
    // Capture keeps the drag going when the pointer leaves the track (not in jsdom).
    if (typeof track.setPointerCapture === 'function') track.setPointerCapture(event.pointerId);
    latest.current.onStart?.();
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId || !bounds) return;
    const { mode } = current;
    const moved = Math.abs(event.clientX - current.startX) >= CLICK_SLOP_PX;
    if (moved) current.clickable = false;
    if (mode.kind === 'span' && mode.threshold) {
      if (!moved) return;
      mode.threshold = false;
    }
    const value = valueUnder(event.clientX, current.box, bounds);
    const next =
      mode.kind === 'move'
        ? moveInterval(
            { from: value - mode.offset, to: value - mode.offset + mode.length },
            0,
            bounds,
          )
        : spanInterval(mode.anchor, value, bounds, minLength);
    if (sameInterval(next, current.range)) return;
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
    if (current.changed) {
      latest.current.onRangeChange(current.range);
    } else if (
      current.clickable &&
      event.type === 'pointerup' &&
      Math.abs(event.clientY - current.startY) < CLICK_SLOP_PX
    ) {
      const { box } = current;
      latest.current.onClick?.(
        event.clientX - box.left,
        event.clientY - box.top,
        box.width,
        box.height,
      );
    }
  };

  const onHandleKeyDown = (edge: Edge) => (event: ReactKeyboardEvent<HTMLElement>) => {
    if (!bounds || !range) return;
    const next = keyInterval(range, edge, event, keySteps, bounds, minLength);
    if (!next) return;
    event.preventDefault();
    latest.current.onStart?.();
    if (!sameInterval(next, range)) latest.current.onRangeChange(next);
  };

  return {
    draft,
    onHandleKeyDown,
    trackHandlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: onPointerEnd,
      onPointerCancel: onPointerEnd,
      onLostPointerCapture: onPointerEnd,
    },
  };
}

/** What `useBrush` gives: the draft interval and the handlers for the track and its handles. */
export type Brush = ReturnType<typeof useBrush>;
