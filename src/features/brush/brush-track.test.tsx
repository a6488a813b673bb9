import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Interval } from './brush-range';
import { BrushTrack } from './brush-track';
import { useBrush } from './use-brush';

/** An axis of 0–100 units on a track of 100 px: a unit a pixel, snapped to whole units. */
const BOUNDS = { from: 0, to: 100 };

interface TestBrushProps {
  initial: Interval | null;
  minLength?: number;
  onRangeChange?: (range: Interval) => void;
  onClick?: (x: number, y: number) => void;
}

/** A brush over the test axis, under a parent that keeps the interval it reports. */
function TestBrush({ initial, minLength, onRangeChange, onClick }: TestBrushProps) {
  const [range, setRange] = useState(initial);
  const brush = useBrush({
    bounds: BOUNDS,
    range: range ?? BOUNDS,
    valueAt: (x, width, bounds) => Math.round((x / width) * (bounds.to - bounds.from)),
    keySteps: { step: 1, page: 10 },
    minLength,
    onRangeChange: (next) => {
      onRangeChange?.(next);
      setRange(next);
    },
    onClick,
  });
  const shown = brush.draft ?? range ?? BOUNDS;
  return (
    <BrushTrack
      name="test"
      startPercent={shown.from}
      endPercent={shown.to}
      selecting={brush.draft !== null || range !== null}
      handles={{
        from: { label: 'Start', min: 0, max: shown.to, now: shown.from, text: `${shown.from}` },
        to: { label: 'End', min: shown.from, max: 100, now: shown.to, text: `${shown.to}` },
      }}
      keysId="keys"
      brush={brush}
      onDoubleClick={() => setRange(null)}
    />
  );
}

/** The track, measuring 100 px from x = 0. */
function track() {
  const element = screen.getByTestId('test-track');
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: 100, height: 40 }),
  );
  return element;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('A brush track', () => {
  it('names its track, shades, body and handles after the feature', () => {
    const { container } = render(<TestBrush initial={{ from: 20, to: 40 }} />);
    expect(track()).toHaveClass('brush-track', 'test-track');
    expect(container.querySelectorAll('.test-shade')).toHaveLength(2);
    expect(container.querySelector('[data-part="body"]')).toHaveClass('test-brush');
    expect(screen.getByRole('slider', { name: 'Start' })).toHaveClass('test-handle-from');
    expect(screen.getByRole('slider', { name: 'End' })).toHaveClass('test-handle-to');
  });

  it('shows only its handles while nothing is chosen', () => {
    const { container } = render(<TestBrush initial={null} />);
    expect(container.querySelector('.test-shade')).not.toBeInTheDocument();
    expect(screen.getAllByRole('slider')).toHaveLength(2);
  });

  it('describes each handle by the text that explains the keys', () => {
    render(<TestBrush initial={null} />);
    expect(screen.getByRole('slider', { name: 'Start' })).toHaveAttribute(
      'aria-describedby',
      'keys',
    );
  });
});

describe('Drawing with a shortest length', () => {
  it('draws at least the shortest length, away from the press', () => {
    const onRangeChange = vi.fn();
    render(<TestBrush initial={null} minLength={5} onRangeChange={onRangeChange} />);
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 50 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 53 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 53 });
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: 50, to: 55 });
  });

  it('keeps the shortest length between the ends with Shift and a key', () => {
    const onRangeChange = vi.fn();
    render(
      <TestBrush initial={{ from: 50, to: 60 }} minLength={5} onRangeChange={onRangeChange} />,
    );
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Start' }), {
      key: 'PageUp',
      shiftKey: true,
    });
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: 55, to: 60 });
  });
});

describe('Clicking on the track', () => {
  it('reports a click that does not drag, where it fell', () => {
    const onClick = vi.fn();
    render(<TestBrush initial={null} onClick={onClick} />);
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 30, clientY: 12 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 31, clientY: 13 });
    expect(onClick).toHaveBeenCalledWith(31, 13, 100, 40);
  });

  it('reports no click for a press on a handle', () => {
    const onClick = vi.fn();
    render(<TestBrush initial={{ from: 20, to: 40 }} onClick={onClick} />);
    const element = track();
    fireEvent.pointerDown(screen.getByRole('slider', { name: 'End' }), {
      pointerId: 1,
      button: 0,
      clientX: 40,
    });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 40 });
    expect(onClick).not.toHaveBeenCalled();
  });

  it('ignores a press with any button but the main one', () => {
    const onRangeChange = vi.fn();
    render(<TestBrush initial={null} onRangeChange={onRangeChange} />);
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 2, clientX: 10 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 60 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 60 });
    expect(onRangeChange).not.toHaveBeenCalled();
  });
});
