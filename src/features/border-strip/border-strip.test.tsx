import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTypeDescriber } from '../../domain/type-describer';
import { showLanguage } from '../../i18n/i18n';
import { day } from '../timeline/test-histogram';
import type { BorderStripProps, KmRange } from './border-strip';
import { BorderStrip } from './border-strip';
import { makePoints } from './test-points';

/** A 2,000 km line, so that on the 1,000 px track of these tests a pixel is 2 km. */
const LINE_KM = 2000;
const segments = [
  { name: 'Helmand', fromKm: 0, toKm: 400 },
  { name: 'Kurram', fromKm: 400, toKm: 700 },
  { name: 'Khyber', fromKm: 700, toKm: 1000 },
  { name: 'Wakhan', fromKm: 1000, toKm: LINE_KM },
];
const extent = { fromDay: day('2025-10-01'), toDay: day('2025-10-31') };
const points = makePoints([
  { km: 120, date: '2025-10-02', type: 'airstrike', row: 11 },
  { km: 610, date: '2025-10-05', type: 'shelling', row: 12 },
  { km: 650, date: '2025-10-06', type: 'shelling', row: 13 },
  { km: 690, date: '2025-10-20', type: 'ied', row: 14 },
]);

/** Renders the strip under a parent that keeps the stretch it reports, as the app does. */
function renderStrip(props: Partial<BorderStripProps> = {}) {
  const onRangeChange = vi.fn<(range: KmRange | null) => void>();
  const onSelect = vi.fn<(row: number) => void>();
  function Parent() {
    const [range, setRange] = useState<KmRange | null>(props.range ?? null);
    return (
      <BorderStrip
        points={props.points === undefined ? points : props.points}
        lengthKm={props.lengthKm ?? LINE_KM}
        segments={props.segments ?? segments}
        extent={props.extent === undefined ? extent : props.extent}
        range={range}
        onRangeChange={(next) => {
          onRangeChange(next);
          setRange(next);
        }}
        describeType={createTypeDescriber(points.typeCodes)}
        onSelect={onSelect}
      />
    );
  }
  const view = render(<Parent />);
  return { onRangeChange, onSelect, ...view };
}

function stretch(fromKm: number, toKm: number): KmRange {
  return { fromKm, toKm };
}

function startHandle() {
  return screen.getByRole('slider', { name: 'Stretch start' });
}

function endHandle() {
  return screen.getByRole('slider', { name: 'Stretch end' });
}

/** The track measures 1,000 × 310 px from (0, 0): 2 km a pixel, 10 px a day of October. */
function track() {
  const element = screen.getByTestId('border-strip-track');
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: 1000, height: 310 }),
  );
  return element;
}

/** A ResizeObserver that reports the plot as `width × height` as soon as it observes it. */
function measurePlotAs(width: number, height: number) {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe() {
        const contentRect = DOMRect.fromRect({ width, height });
        this.report([{ contentRect } as ResizeObserverEntry], this as unknown as ResizeObserver);
      }
      disconnect() {}
    },
  );
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Border strip', () => {
  it('is a group named Border strip chart, described by the busiest stretch', () => {
    renderStrip();
    expect(screen.getByRole('group', { name: 'Border strip chart' })).toHaveAccessibleDescription(
      '4 incidents along the border from 2025-10-01 to 2025-10-31; the busiest 100 km stretch is 600–700 km (Kurram) with 3 incidents.',
    );
  });

  it('labels the segments along the km axis, on alternating bands', () => {
    const { container } = renderStrip();
    for (const { name } of segments) expect(screen.getByText(name)).toBeInTheDocument();
    const bands = container.querySelectorAll('.border-strip-band');
    expect(bands).toHaveLength(4);
    expect(bands[1]).toHaveClass('border-strip-band-alt');
    expect(bands[2]).not.toHaveClass('border-strip-band-alt');
  });

  it('marks km along the axis and explains where they are measured from', () => {
    renderStrip();
    expect(screen.getByText('0 km')).toBeInTheDocument();
    expect(screen.getByText('500 km')).toBeInTheDocument();
    expect(
      screen.getByText(/km along the Natural Earth 1:10m line from the Iran tripoint/),
    ).toBeInTheDocument();
  });

  it('shows the stretch on two sliders whose values read as km and place', () => {
    renderStrip({ range: stretch(512, 720) });
    expect(startHandle()).toHaveAttribute('aria-valuetext', '512 km (Kurram)');
    expect(startHandle()).toHaveAttribute('aria-valuemin', '0');
    expect(startHandle()).toHaveAttribute('aria-valuemax', '720');
    expect(endHandle()).toHaveAttribute('aria-valuetext', '720 km (Khyber)');
    expect(endHandle()).toHaveAttribute('aria-valuemax', String(LINE_KM));
    expect(screen.getByText('512–720 km (Kurram to Khyber)')).toBeInTheDocument();
  });

  it('puts the sliders at the ends of the line when no stretch is chosen', () => {
    renderStrip();
    expect(startHandle()).toHaveAttribute('aria-valuetext', '0 km (Helmand)');
    expect(endHandle()).toHaveAttribute('aria-valuetext', '2,000 km (Wakhan)');
    expect(screen.getByText('Whole line')).toBeInTheDocument();
  });

  it('renders without data, still offering the km brush', () => {
    renderStrip({ points: null, extent: null });
    expect(screen.getByRole('group', { name: 'Border strip chart' })).toHaveAccessibleDescription(
      'No incidents to chart.',
    );
    expect(startHandle()).toBeInTheDocument();
  });

  it('draws nothing, without failing, where the canvas has no 2D context', () => {
    measurePlotAs(1000, 240);
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    renderStrip();
    expect(getContext).toHaveBeenCalledWith('2d');
    expect(screen.getByRole('group', { name: 'Border strip chart' })).toBeInTheDocument();
  });

  it('draws the marks once at the device pixel ratio, and dims by overlay when brushing', () => {
    measurePlotAs(500, 200);
    vi.stubGlobal('devicePixelRatio', 2);
    const putImageData = vi.fn();
    const ctx = {
      setTransform: vi.fn(),
      clearRect: vi.fn(),
      createImageData: (width: number, height: number) => ({
        width,
        height,
        data: new Uint8ClampedArray(width * height * 4),
      }),
      putImageData,
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      ctx as unknown as CanvasRenderingContext2D,
    );
    const { container } = renderStrip({ range: stretch(500, 600) });
    expect(putImageData).toHaveBeenCalledTimes(1);
    expect(container.querySelector('canvas')).toHaveAttribute('width', '1000');

    fireEvent.keyDown(startHandle(), { key: 'PageUp' });
    expect(putImageData).toHaveBeenCalledTimes(1);
    expect(container.querySelectorAll('.border-strip-shade')).toHaveLength(2);
  });
});

describe('Keyboard on the stretch', () => {
  it('moves the whole stretch 10 km towards China with the right arrow', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.keyDown(startHandle(), { key: 'ArrowRight' });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(510, 610));
  });

  it('moves the whole stretch 10 km towards Iran with the left arrow, from either slider', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.keyDown(endHandle(), { key: 'ArrowLeft' });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(490, 590));
  });

  it('moves the whole stretch by 100 km with Page Up and Page Down', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.keyDown(startHandle(), { key: 'PageUp' });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(600, 700));
    fireEvent.keyDown(startHandle(), { key: 'PageDown' });
    fireEvent.keyDown(startHandle(), { key: 'PageDown' });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(400, 500));
  });

  it('resizes from the focused end only with Shift', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.keyDown(startHandle(), { key: 'ArrowLeft', shiftKey: true });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(490, 600));
    fireEvent.keyDown(endHandle(), { key: 'PageUp', shiftKey: true });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(490, 700));
  });

  it('never lets one end reach the other', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 505) });
    fireEvent.keyDown(startHandle(), { key: 'PageUp', shiftKey: true });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(504, 505));
  });

  it('jumps to the Iran end with Home and to the China end with End', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.keyDown(startHandle(), { key: 'Home' });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(0, 100));
    fireEvent.keyDown(startHandle(), { key: 'End' });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(1900, 2000));
  });

  it('stretches the focused end to the end of the line with Shift and Home or End', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.keyDown(endHandle(), { key: 'End', shiftKey: true });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(500, 2000));
    fireEvent.keyDown(startHandle(), { key: 'Home', shiftKey: true });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(0, 2000));
  });

  it('stops at the ends of the line instead of reporting an unchanged stretch', () => {
    const { onRangeChange } = renderStrip({ range: stretch(0, 100) });
    fireEvent.keyDown(startHandle(), { key: 'ArrowLeft' });
    fireEvent.keyDown(startHandle(), { key: 'Home' });
    expect(onRangeChange).not.toHaveBeenCalled();
  });

  it('narrows the whole line from one end with Shift and an arrow', () => {
    const { onRangeChange } = renderStrip();
    fireEvent.keyDown(startHandle(), { key: 'ArrowRight', shiftKey: true });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(10, 2000));
    expect(startHandle()).toHaveAttribute('aria-valuetext', '10 km (Helmand)');
  });
});

describe('Clearing the stretch', () => {
  it('reports no stretch when Clear is pressed', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onRangeChange).toHaveBeenLastCalledWith(null);
    expect(screen.getByRole('button', { name: 'Clear' })).toBeDisabled();
    expect(screen.getByText('Whole line')).toBeInTheDocument();
  });

  it('reports no stretch on a double-click on the chart', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    fireEvent.doubleClick(track());
    expect(onRangeChange).toHaveBeenLastCalledWith(null);
  });

  it('offers no Clear while the whole line is shown', () => {
    renderStrip();
    expect(screen.getByRole('button', { name: 'Clear' })).toBeDisabled();
  });
});

describe('Dragging along the chart', () => {
  it('draws a new stretch, reporting it once the interval allows and again on release', () => {
    vi.useFakeTimers();
    const { onRangeChange } = renderStrip();
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 250, clientY: 40 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 280, clientY: 40 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 300, clientY: 60 });
    expect(onRangeChange).not.toHaveBeenCalled();
    expect(screen.getByText('500–600 km (Kurram)')).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(20);
    });
    expect(onRangeChange).toHaveBeenCalledTimes(1);
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(500, 600));

    fireEvent.pointerUp(element, { pointerId: 1, clientX: 300, clientY: 60 });
    expect(onRangeChange).toHaveBeenCalledTimes(2);
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(500, 600));
  });

  it('draws a stretch towards Iran from the press as well', () => {
    const { onRangeChange } = renderStrip();
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 400 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 310.4 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 310.4 });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(621, 800));
  });

  it('moves the stretch when its body is dragged', () => {
    const { onRangeChange, container } = renderStrip({ range: stretch(500, 600) });
    const element = track();
    const body = container.querySelector('[data-part="body"]')!;
    fireEvent.pointerDown(body, { pointerId: 1, button: 0, clientX: 275 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 325 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 325 });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(600, 700));
  });

  it('resizes the stretch when an edge is dragged', () => {
    const { onRangeChange } = renderStrip({ range: stretch(500, 600) });
    const element = track();
    fireEvent.pointerDown(endHandle(), { pointerId: 1, button: 0, clientX: 300 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 450 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 450 });
    expect(onRangeChange).toHaveBeenLastCalledWith(stretch(500, 900));
  });
});

describe('Selecting an incident', () => {
  it('selects the incident under a click', () => {
    const { onSelect, onRangeChange } = renderStrip();
    const element = track();
    // 650 km is x 325; 6 Oct is the sixth day, whose middle is y 55.
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 326, clientY: 54 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 326, clientY: 54 });
    expect(onSelect).toHaveBeenCalledWith(13);
    expect(onRangeChange).not.toHaveBeenCalled();
  });

  it('selects inside the stretch too', () => {
    const { onSelect } = renderStrip({ range: stretch(600, 700) });
    const element = track();
    const body = document.querySelector('[data-part="body"]')!;
    fireEvent.pointerDown(body, { pointerId: 1, button: 0, clientX: 345, clientY: 195 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 345, clientY: 195 });
    expect(onSelect).toHaveBeenCalledWith(14);
  });

  it('selects nothing when the click misses every mark or the pointer drags', () => {
    const { onSelect } = renderStrip();
    const element = track();
    fireEvent.pointerDown(element, { pointerId: 1, button: 0, clientX: 800, clientY: 100 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 800, clientY: 100 });
    fireEvent.pointerDown(element, { pointerId: 2, button: 0, clientX: 320, clientY: 55 });
    fireEvent.pointerMove(element, { pointerId: 2, clientX: 340, clientY: 55 });
    fireEvent.pointerUp(element, { pointerId: 2, clientX: 326, clientY: 55 });
    expect(onSelect).not.toHaveBeenCalled();
  });
});

describe('The border strip in Urdu', () => {
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('names the chart, its sliders and its stretch in Urdu', async () => {
    renderStrip({ range: stretch(610, 690) });
    await act(() => showLanguage('ur'));
    expect(screen.getByRole('group', { name: 'سرحدی پٹی کا چارٹ' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'حصے کا آغاز' })).toHaveAttribute(
      'aria-valuetext',
      '610 کلومیٹر (Kurram)',
    );
    expect(screen.getByText('610–690 کلومیٹر (Kurram)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'صاف کریں' })).toBeEnabled();
  });
});
