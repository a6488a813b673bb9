import type { Edge } from './brush-range';
import type { Brush } from './use-brush';
import './brush.css';

/** What a handle says to assistive technology: a slider's name and values. */
export interface BrushHandle {
  label: string;
  min: number;
  max: number;
  now: number;
  text: string;
}

export interface BrushTrackProps {
  /**
   * The feature's name, which prefixes its class names and test id: `timeline` gives
   * `timeline-track`, `timeline-shade`, `timeline-brush` and `timeline-handle-from`.
   */
  name: string;
  /** Where the interval starts and ends, in % of the track's width. */
  startPercent: number;
  endPercent: number;
  /** Whether an interval is chosen (or being drawn): then the rest is shaded and the body shown. */
  selecting: boolean;
  handles: Record<Edge, BrushHandle>;
  /** The id of the text that explains the keys, which describes each handle. */
  keysId: string;
  brush: Pick<Brush, 'trackHandlers' | 'onHandleKeyDown'>;
  onDoubleClick: () => void;
}

const EDGES: readonly Edge[] = ['from', 'to'];

/**
 * The track of a 1-D brush over a chart: shades outside the interval, a body to drag and a
 * slider handle at each end. It lays over the chart and draws nothing of it, so brushing never
 * redraws the chart's canvas.
 */
export function BrushTrack({
  name,
  startPercent,
  endPercent,
  selecting,
  handles,
  keysId,
  brush,
  onDoubleClick,
}: BrushTrackProps) {
  return (
    <div
      className={`brush-track ${name}-track`}
      data-testid={`${name}-track`}
      {...brush.trackHandlers}
      onDoubleClick={onDoubleClick}
    >
      {selecting && (
        <>
          <div
            className={`brush-shade ${name}-shade`}
            style={{ left: 0, width: `${startPercent}%` }}
          />
          <div
            className={`brush-shade ${name}-shade`}
            style={{ left: `${endPercent}%`, right: 0 }}
          />
          <div
            className={`brush-body ${name}-brush`}
            data-part="body"
            style={{ left: `${startPercent}%`, width: `${endPercent - startPercent}%` }}
          />
        </>
      )}
      {EDGES.map((edge) => {
        const handle = handles[edge];
        return (
          <div
            key={edge}
            className={`brush-handle ${name}-handle ${name}-handle-${edge}`}
            data-part={edge}
            role="slider"
            tabIndex={0}
            // eslint-disable-next-line no-restricted-syntax -- the handle's name, the app's own
            aria-label={handle.label}
            aria-describedby={keysId}
            aria-orientation="horizontal"
            aria-valuemin={handle.min}
            aria-valuemax={handle.max}
            aria-valuenow={handle.now}
            aria-valuetext={handle.text}
            style={{ left: `${edge === 'from' ? startPercent : endPercent}%` }}
            onKeyDown={brush.onHandleKeyDown(edge)}
          />
        );
      })}
    </div>
  );
}
