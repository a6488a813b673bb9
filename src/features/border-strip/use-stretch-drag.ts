import type { PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KmRange } from './strip-range';
import { moveStretch, sameStretch, spanStretch } from './strip-range';
import { snapKm, xToKm } from './strip-scale';
import { scheduleDragReport } from '../brush/drag-report';

/** Pixels a press must travel before it draws a new stretch (a click does not). */
const CLICK_SLOP_PX = 3;

type DragMode =
  /** A new stretch, or an edge being moved: spans from a fixed chainage to the pointer. */
  | { kind: 'span'; anchor: number; threshold: boolean }
  /** The whole stretch, keeping its length and the pointer's offset into it. */
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
  /** The stretch the drag has reached; starts as the one shown at the press. */
  range: KmRange;
  changed: boolean;
}

export interface StretchDragOptions {
  /** Length of the line (km); 0 while there is no line to brush. */
  lengthKm: number;
  /** The stretch shown when no drag is under way (the whole line when none is chosen). */
  range: KmRange;
  onRangeChange: (range: KmRange) => void;
  /** A press and release that did not drag, at (x, y) in the track's CSS pixels. */
  onClick?: (x: number, y: number, width: number, height: number) => void;
}

/**
 * Pointer handling for the km brush, as the timeline's brush does it for days. The element under
 * the press says what a drag does: a `data-part` of `from` or `to` moves that edge, `body` moves
 * the stretch, anything else draws a new one. Chainages snap to whole km. While dragging, the
 * stretch is reported at most every DRAG_REPORT_MS (drag-report.ts), and once more on release; `draft` is
 * the stretch to show meanwhile.
 */
export function useStretchDrag({ lengthKm, range, onRangeChange, onClick }: StretchDragOptions) {
  const [draft, setDraft] = useState<KmRange | null>(null);
  const drag = useRef<Drag | null>(null);
  const pending = useRef<number | null>(null);
  const lastReportAt = useRef(-Infinity);
  const callbacks = useRef({ onRangeChange, onClick });
  useLayoutEffect(() => {
    callbacks.current = { onRangeChange, onClick };
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
      if (current?.changed) callbacks.current.onRangeChange(current.range);
    });
  };

  const kmAt = (clientX: number, current: Pick<Drag, 'box'>) =>
    snapKm(xToKm(clientX - current.box.left, lengthKm, current.box.width), lengthKm);

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (!(lengthKm > 0) || event.button !== 0) return;
    const track = event.currentTarget;
    const rect = track.getBoundingClientRect();
    const box = { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    const part = (event.target as Element).closest('[data-part]')?.getAttribute('data-part');
    const km = kmAt(event.clientX, { box });
    const mode: DragMode =
      part === 'from'
        ? { kind: 'span', anchor: range.toKm, threshold: false }
        : part === 'to'
          ? { kind: 'span', anchor: range.fromKm, threshold: false }
          : part === 'body'
            ? { kind: 'move', offset: km - range.fromKm, length: range.toKm - range.fromKm }
            : { kind: 'span', anchor: km, threshold: true };
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
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const { mode } = current;
    const moved = Math.abs(event.clientX - current.startX) >= CLICK_SLOP_PX;
    if (moved) current.clickable = false;
    if (mode.kind === 'span' && mode.threshold) {
      if (!moved) return;
      mode.threshold = false;
    }
    const km = kmAt(event.clientX, current);
    const next =
      mode.kind === 'move'
        ? moveStretch(
            { fromKm: km - mode.offset, toKm: km - mode.offset + mode.length },
            0,
            lengthKm,
          )
        : spanStretch(mode.anchor, km, lengthKm);
    if (sameStretch(next, current.range)) return;
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
      callbacks.current.onRangeChange(current.range);
    } else if (
      current.clickable &&
      event.type === 'pointerup' &&
      Math.abs(event.clientY - current.startY) < CLICK_SLOP_PX
    ) {
      const { box } = current;
      callbacks.current.onClick?.(
        event.clientX - box.left,
        event.clientY - box.top,
        box.width,
        box.height,
      );
    }
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
