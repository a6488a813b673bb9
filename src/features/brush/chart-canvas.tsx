import type { CSSProperties, RefObject } from 'react';
import { useEffect } from 'react';

/** The drawing size of a chart's canvas, in CSS px, with the screen's pixel ratio. */
export interface ChartSize {
  width: number;
  height: number;
  devicePixelRatio: number;
}

/**
 * Sizes the canvas to its plot at the screen's pixel ratio and calls `draw` on it, or clears it
 * when `draw` is null. It runs only when `draw` (memoised by the caller on what it draws) or the
 * size changes, never while the brush moves.
 */
export function useChartCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  plotSize: { width: number; height: number },
  pixelRatio: number,
  draw: ((context: CanvasRenderingContext2D, size: ChartSize) => void) | null,
): void {
  const { width, height } = plotSize;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width <= 0 || height <= 0) return;
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
    const context = canvas.getContext('2d');
    if (!context) return;
    if (draw) draw(context, { width, height, devicePixelRatio: pixelRatio });
    else context.clearRect(0, 0, canvas.width, canvas.height);
  }, [canvasRef, draw, width, height, pixelRatio]);
}

/**
 * A chart axis's labels, each placed by `place` (a left or a top offset). Laid out left to right
 * in every language (dir="ltr"): a chart's axes keep their direction in a right-to-left page.
 */
export function AxisTicks({
  ticks,
  className,
  tickClassName,
  place,
}: {
  ticks: ReadonlyArray<{ day: number; label: string }>;
  className: string;
  tickClassName: string;
  place: (day: number) => CSSProperties;
}) {
  return (
    <div className={className} dir="ltr" aria-hidden="true">
      {ticks.map((tick) => (
        <span key={tick.day} className={tickClassName} style={place(tick.day)}>
          {/* eslint-disable-next-line no-restricted-syntax -- a tick's date, written by the app */}
          {tick.label}
        </span>
      ))}
    </div>
  );
}
