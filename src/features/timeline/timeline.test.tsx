import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTypeDescriber } from '../../domain/type-describer';
import { chooseCalendar } from '../../i18n/calendar';
import { showLanguage } from '../../i18n/i18n';
import { day, makeHistogram } from './test-histogram';
import type { TimelineProps } from './timeline';
import { Timeline } from './timeline';
import { DRAG_REPORT_MS } from '../brush/drag-report';

const histogram = makeHistogram('2025-10-01', '2025-10-31', [
  ['airstrike', '2025-10-02', 2],
  ['shelling', '2025-10-07', 3],
  ['airstrike', '2025-10-08', 1],
  ['ied', '2025-10-30', 1],
]);
const extent = { fromDay: day('2025-10-01'), toDay: day('2025-10-31') };
const OPEN = { fromDay: null, toDay: null };

/** A range of October 2025, by day of the month. */
function october(from: number, to: number) {
  return { fromDay: extent.fromDay + from - 1, toDay: extent.fromDay + to - 1 };
}

/** Renders the timeline under a parent that keeps the range it reports, as the app does. */
function renderTimeline(props: Partial<TimelineProps> = {}) {
  const onRangeChange = vi.fn();
  function Parent() {
    const [range, setRange] = useState(props.range ?? OPEN);
    return (
      <Timeline
        histogram={props.histogram === undefined ? histogram : props.histogram}
        extent={props.extent === undefined ? extent : props.extent}
        range={range}
        describeType={createTypeDescriber(histogram.typeCodes)}
        onRangeChange={(fromDay, toDay) => {
          onRangeChange(fromDay, toDay);
          setRange({ fromDay, toDay });
        }}
      />
    );
  }
  const view = render(<Parent />);
  return { onRangeChange, ...view };
}

/** The arguments of the last onRangeChange call, as October days of the month. */
function lastRange(onRangeChange: ReturnType<typeof vi.fn>) {
  const [fromDay, toDay] = onRangeChange.mock.lastCall as [number | null, number | null];
  return [fromDay, toDay].map((d) => (d === null ? null : d - extent.fromDay + 1));
}

function startHandle() {
  return screen.getByRole('slider', { name: 'Range start' });
}

function endHandle() {
  return screen.getByRole('slider', { name: 'Range end' });
}

/** The track measures 310 px from x = 0, so each of October's days is 10 px wide. */
function track() {
  const element = screen.getByTestId('timeline-track');
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: 310, height: 64 }),
  );
  return element;
}

function preferReducedMotion() {
  vi.stubGlobal('matchMedia', (media: string) => ({
    media,
    matches: media === '(prefers-reduced-motion: reduce)',
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Timeline', () => {
  it('is a group named Timeline, described by a summary of the data', () => {
    renderTimeline();
    expect(screen.getByRole('group', { name: 'Timeline' })).toHaveAccessibleDescription(
      '7 incidents from 2025-10-01 to 2025-10-31; busiest week starting 2025-10-06 with 4 incidents.',
    );
  });

  it('shows the range on two sliders whose values read as dates', () => {
    renderTimeline({ range: october(10, 16) });
    expect(startHandle()).toHaveAttribute('aria-valuetext', '2025-10-10');
    expect(startHandle()).toHaveAttribute('aria-valuemin', String(extent.fromDay));
    expect(startHandle()).toHaveAttribute('aria-valuemax', String(october(10, 16).toDay));
    expect(endHandle()).toHaveAttribute('aria-valuetext', '2025-10-16');
    expect(endHandle()).toHaveAttribute('aria-valuemax', String(extent.toDay));
    expect(screen.getByText('2025-10-10 to 2025-10-16 (7 days)')).toBeInTheDocument();
  });

  it('puts the sliders at the ends of the data when the range is open', () => {
    renderTimeline();
    expect(startHandle()).toHaveAttribute('aria-valuetext', '2025-10-01');
    expect(endHandle()).toHaveAttribute('aria-valuetext', '2025-10-31');
    expect(screen.getByText('All dates')).toBeInTheDocument();
  });

  it('renders without data, with playback disabled', () => {
    renderTimeline({ histogram: null, extent: null });
    expect(screen.getByRole('group', { name: 'Timeline' })).toHaveAccessibleDescription(
      'No incidents to chart.',
    );
    expect(screen.getByRole('button', { name: 'Play' })).toBeDisabled();
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
  });

  it('draws nothing, without failing, where the canvas has no 2D context', () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly report: ResizeObserverCallback) {}
        observe() {
          const contentRect = DOMRect.fromRect({ width: 600, height: 64 });
          this.report([{ contentRect } as ResizeObserverEntry], this as unknown as ResizeObserver);
        }
        disconnect() {}
      },
    );
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    renderTimeline();
    expect(getContext).toHaveBeenCalledWith('2d');
    expect(screen.getByRole('group', { name: 'Timeline' })).toBeInTheDocument();
  });
});

describe('Keyboard on the range', () => {
  it('moves the whole range a day later with the right arrow', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.keyDown(startHandle(), { key: 'ArrowRight' });
    expect(lastRange(onRangeChange)).toEqual([11, 17]);
  });

  it('moves the whole range a day earlier with the left arrow, from either slider', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.keyDown(endHandle(), { key: 'ArrowLeft' });
    expect(lastRange(onRangeChange)).toEqual([9, 15]);
  });

  it('moves the whole range by a week with Page Up and Page Down', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.keyDown(startHandle(), { key: 'PageUp' });
    expect(lastRange(onRangeChange)).toEqual([17, 23]);
    fireEvent.keyDown(startHandle(), { key: 'PageDown' });
    fireEvent.keyDown(startHandle(), { key: 'PageDown' });
    expect(lastRange(onRangeChange)).toEqual([3, 9]);
  });

  it('moves only the focused end with Shift and an arrow', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.keyDown(startHandle(), { key: 'ArrowLeft', shiftKey: true });
    expect(lastRange(onRangeChange)).toEqual([9, 16]);
    fireEvent.keyDown(endHandle(), { key: 'ArrowLeft', shiftKey: true });
    expect(lastRange(onRangeChange)).toEqual([9, 15]);
  });

  it('never lets one end pass the other', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 11) });
    fireEvent.keyDown(startHandle(), { key: 'PageUp', shiftKey: true });
    expect(lastRange(onRangeChange)).toEqual([11, 11]);
  });

  it('jumps to the start of the data with Home and to its end with End', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.keyDown(startHandle(), { key: 'Home' });
    expect(lastRange(onRangeChange)).toEqual([1, 7]);
    fireEvent.keyDown(startHandle(), { key: 'End' });
    expect(lastRange(onRangeChange)).toEqual([25, 31]);
  });

  it('stretches the focused end to the end of the data with Shift and Home or End', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.keyDown(endHandle(), { key: 'End', shiftKey: true });
    expect(lastRange(onRangeChange)).toEqual([10, 31]);
    fireEvent.keyDown(startHandle(), { key: 'Home', shiftKey: true });
    expect(lastRange(onRangeChange)).toEqual([1, 31]);
  });

  it('stops at the ends of the data instead of reporting an unchanged range', () => {
    const { onRangeChange } = renderTimeline({ range: october(1, 7) });
    fireEvent.keyDown(startHandle(), { key: 'ArrowLeft' });
    fireEvent.keyDown(startHandle(), { key: 'Home' });
    expect(onRangeChange).not.toHaveBeenCalled();
  });

  it('narrows an open range from one end with Shift and an arrow', () => {
    const { onRangeChange } = renderTimeline();
    fireEvent.keyDown(startHandle(), { key: 'ArrowRight', shiftKey: true });
    expect(lastRange(onRangeChange)).toEqual([2, 31]);
  });
});

describe('Clearing the range', () => {
  it('reports an open range when Clear is pressed', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onRangeChange).toHaveBeenLastCalledWith(null, null);
    expect(screen.getByRole('button', { name: 'Clear' })).toBeDisabled();
  });

  it('reports an open range on a double-click on the track', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    fireEvent.doubleClick(track());
    expect(onRangeChange).toHaveBeenLastCalledWith(null, null);
  });

  it('offers no Clear while every date is shown', () => {
    renderTimeline();
    expect(screen.getByRole('button', { name: 'Clear' })).toBeDisabled();
  });
});

describe('Dragging on the track', () => {
  it('draws a new range, reporting it every DRAG_REPORT_MS and again on release', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 55 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 85 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 125 });
    expect(onRangeChange).not.toHaveBeenCalled();
    expect(screen.getByText('2025-10-06 to 2025-10-13 (8 days)')).toBeInTheDocument();

    advance(20);
    expect(onRangeChange).toHaveBeenCalledTimes(1);
    expect(lastRange(onRangeChange)).toEqual([6, 13]);

    // The brush follows the pointer at once; the range is reported once the interval is over.
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 155 });
    expect(screen.getByText('2025-10-06 to 2025-10-16 (11 days)')).toBeInTheDocument();
    advance(DRAG_REPORT_MS - 30);
    expect(onRangeChange).toHaveBeenCalledTimes(1);
    advance(30);
    expect(onRangeChange).toHaveBeenCalledTimes(2);
    expect(lastRange(onRangeChange)).toEqual([6, 16]);

    fireEvent.pointerUp(element, { pointerId: 1, clientX: 155 });
    expect(onRangeChange).toHaveBeenCalledTimes(3);
    expect(lastRange(onRangeChange)).toEqual([6, 16]);
  });

  it('draws a range leftwards from the press as well', () => {
    const { onRangeChange } = renderTimeline();
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 205 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 105 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 105 });
    expect(lastRange(onRangeChange)).toEqual([11, 21]);
  });

  it('leaves the range alone on a click without a drag', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 255 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 256 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 256 });
    expect(onRangeChange).not.toHaveBeenCalled();
  });

  it('moves the range when its body is dragged', () => {
    const { onRangeChange, container } = renderTimeline({ range: october(10, 16) });
    const element = track();
    const body = container.querySelector('[data-part="body"]')!;
    fireEvent.pointerDown(body, { pointerId: 1, button: 0, clientX: 125 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 155 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 155 });
    expect(lastRange(onRangeChange)).toEqual([13, 19]);
  });

  it('resizes the range when an edge is dragged', () => {
    const { onRangeChange } = renderTimeline({ range: october(10, 16) });
    const element = track();
    fireEvent.pointerDown(endHandle(), { pointerId: 1, button: 0, clientX: 160 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 205 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 205 });
    expect(lastRange(onRangeChange)).toEqual([10, 21]);
  });
});

describe('Playback', () => {
  it('plays a seven-day window from the start, a day every 100 ms', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(lastRange(onRangeChange)).toEqual([1, 7]);
    advance(100);
    expect(lastRange(onRangeChange)).toEqual([2, 8]);
    advance(200);
    expect(lastRange(onRangeChange)).toEqual([4, 10]);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('stops when the window reaches the end of the data', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    advance(100 * 24);
    expect(lastRange(onRangeChange)).toEqual([25, 31]);
    advance(100);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    const calls = onRangeChange.mock.calls.length;
    advance(1000);
    expect(onRangeChange).toHaveBeenCalledTimes(calls);
    expect(lastRange(onRangeChange)).toEqual([25, 31]);
  });

  it('starts over at the end with Loop', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Loop' }));
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    advance(100 * 24);
    expect(lastRange(onRangeChange)).toEqual([25, 31]);
    advance(100);
    expect(lastRange(onRangeChange)).toEqual([1, 7]);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('pauses on Pause', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    advance(100);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    advance(1000);
    expect(lastRange(onRangeChange)).toEqual([2, 8]);
  });

  it('resumes from the current range', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline({ range: october(20, 22) });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(lastRange(onRangeChange)).toEqual([20, 26]);
  });

  it('plays a window of the length typed in', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Window (days)' }), {
      target: { value: '3' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(lastRange(onRangeChange)).toEqual([1, 3]);
  });

  it('steps twice as often at 2×', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    advance(50);
    expect(lastRange(onRangeChange)).toEqual([2, 8]);
  });

  it('stops when the range is dragged or moved by a key', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    fireEvent.keyDown(startHandle(), { key: 'ArrowRight' });
    expect(lastRange(onRangeChange)).toEqual([2, 8]);
    advance(500);
    expect(lastRange(onRangeChange)).toEqual([2, 8]);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('steps by whole windows every 1.5 s when the user prefers reduced motion', () => {
    preferReducedMotion();
    vi.useFakeTimers();
    const { onRangeChange } = renderTimeline();
    const play = screen.getByRole('button', { name: 'Play' });
    expect(play).toHaveAttribute('title', expect.stringMatching(/reduced motion/i));
    fireEvent.click(play);
    expect(lastRange(onRangeChange)).toEqual([1, 7]);
    advance(1400);
    expect(lastRange(onRangeChange)).toEqual([1, 7]);
    advance(100);
    expect(lastRange(onRangeChange)).toEqual([8, 14]);
    advance(1500 * 2);
    expect(lastRange(onRangeChange)).toEqual([22, 28]);
    // The last window ends on the last day instead of running past it.
    advance(1500);
    expect(lastRange(onRangeChange)).toEqual([25, 31]);
    advance(1500);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });
});

describe('The timeline in Dari and Urdu', () => {
  afterEach(async () => {
    chooseCalendar('gregory');
    await act(() => showLanguage('en'));
  });

  it('names its controls in Urdu and counts the days of the range', async () => {
    renderTimeline({ range: october(2, 8) });
    await act(() => showLanguage('ur'));
    expect(screen.getByRole('group', { name: 'ٹائم لائن' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'چلائیں' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'حد کا آغاز' })).toBeInTheDocument();
    expect(document.querySelector('.timeline-range-text')).toHaveTextContent(/\(7 دن\)$/);
  });

  it('writes days in Dari digits, and in the Solar Hijri calendar when chosen', async () => {
    renderTimeline({ range: october(2, 8) });
    await act(() => showLanguage('fa-AF'));
    const start = screen.getByRole('slider', { name: 'آغاز بازه' });
    expect(start.getAttribute('aria-valuetext')).toMatch(/۲۰۲۵/);
    act(() => chooseCalendar('persian'));
    expect(start.getAttribute('aria-valuetext')).toMatch(/۱۴۰۴/);
    expect(screen.getByRole('group', { name: 'جدول زمانی' })).toHaveAccessibleDescription(/۱۴۰۴/);
  });
});
