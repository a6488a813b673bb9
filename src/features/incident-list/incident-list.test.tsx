import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { createTypeDescriber } from '../../domain/type-describer';
import { IncidentList, PAGE_SIZE, ROW_HEIGHT } from './incident-list';
import type { IncidentListProps, ListRow } from './incident-list';

/** The row shown at `position`; its table row is offset so that positions and rows differ. */
function makeRow(position: number, overrides: Partial<ListRow> = {}): ListRow {
  return {
    row: 10_000 + position,
    day: '2025-10-12',
    type: 'airstrike',
    place: `Place ${position}`,
    fatalities: '7–17',
    summary: `Summary of incident ${position}`,
    dataset: 'Synthetic',
    ...overrides,
  };
}

/** A loader that answers at once with `makeRow` rows. */
function makeLoader(overrides: Partial<ListRow> = {}) {
  return vi.fn(async (offset: number, limit: number) =>
    Array.from({ length: limit }, (_, i) => makeRow(offset + i, overrides)),
  );
}

function defer<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function renderList(overrides: Partial<IncidentListProps> = {}) {
  const props: IncidentListProps = {
    total: 1000,
    loadRows: makeLoader(),
    version: 1,
    sort: { key: 'date', direction: 'desc' },
    onSortChange: vi.fn(),
    selectedRow: null,
    selectedPosition: null,
    onSelect: vi.fn(),
    describeType: createTypeDescriber(['airstrike']),
    ...overrides,
  };
  const view = render(<IncidentList {...props} />);
  const rerenderWith = (changes: Partial<IncidentListProps>) =>
    view.rerender(<IncidentList {...props} {...changes} />);
  return { props, rerenderWith };
}

const listbox = () => screen.getByRole('listbox', { name: 'Incidents' });
/** The rows of the list (the Sort by select has options too). */
const rows = () => within(listbox()).getAllByRole('option');
const positionsShown = () => rows().map((option) => Number(option.getAttribute('aria-posinset')));
/** The option the keyboard is on, by its 1-based position. */
const activePosition = () => {
  const id = listbox().getAttribute('aria-activedescendant');
  return id === null ? null : Number(document.getElementById(id)?.getAttribute('aria-posinset'));
};

describe('Incident list', () => {
  it('renders only a window of rows of a 100,000-incident list', async () => {
    renderList({ total: 100_000 });
    await screen.findByText('Place 0');
    const positions = positionsShown();
    expect(positions.length).toBeGreaterThan(5);
    expect(positions.length).toBeLessThan(40);
    expect(positions[0]).toBe(1);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '100000');
  });

  it('shows a light placeholder until a page of rows arrives', async () => {
    const page = defer<ListRow[]>();
    const loader = vi.fn(() => page.promise);
    renderList({ total: 3, loadRows: loader });
    expect(screen.getAllByRole('option', { name: 'Loading…' })).toHaveLength(3);
    await waitFor(() => expect(loader).toHaveBeenCalledWith(0, 3));
    await act(async () => page.resolve([makeRow(0), makeRow(1), makeRow(2)]));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('option', { name: /Place 2/ })).toBeInTheDocument();
  });

  it('loads the first page of rows in pages of 200', async () => {
    const { props } = renderList({ total: 100_000 });
    await screen.findByText('Place 0');
    expect(props.loadRows).toHaveBeenCalledTimes(1);
    expect(props.loadRows).toHaveBeenCalledWith(0, PAGE_SIZE);
  });

  it('loads the page under the scroll position, and only that one', async () => {
    const { props } = renderList({ total: 100_000 });
    await screen.findByText('Place 0');
    fireEvent.scroll(listbox(), { target: { scrollTop: 1100 * ROW_HEIGHT } });
    expect(await screen.findByText('Place 1100')).toBeInTheDocument();
    expect(props.loadRows).toHaveBeenCalledWith(1000, 200);
    expect(props.loadRows).not.toHaveBeenCalledWith(800, 200);
    expect(positionsShown()[0]).toBe(1096);
  });

  it('asks for only the rows that remain at the end of the list', async () => {
    const { props } = renderList({ total: 1050 });
    fireEvent.scroll(listbox(), { target: { scrollTop: 1050 * ROW_HEIGHT } });
    await screen.findByText('Place 1049');
    expect(props.loadRows).toHaveBeenCalledWith(1000, 50);
  });

  it('says so in the rows of a page that could not be loaded', async () => {
    renderList({ total: 2, loadRows: () => Promise.reject(new Error('worker gone')) });
    expect(
      await screen.findAllByRole('option', { name: 'Could not load this incident.' }),
    ).toHaveLength(2);
  });

  it('ignores a page that arrives after the list has changed', async () => {
    const oldPage = defer<ListRow[]>();
    const newPage = defer<ListRow[]>();
    const oldLoader = vi.fn(() => oldPage.promise);
    const newLoader = vi.fn(() => newPage.promise);
    const { rerenderWith } = renderList({ total: 2, loadRows: oldLoader, version: 1 });
    await waitFor(() => expect(oldLoader).toHaveBeenCalled());

    rerenderWith({ version: 2, loadRows: newLoader });
    await waitFor(() => expect(newLoader).toHaveBeenCalled());
    await act(async () => oldPage.resolve([makeRow(0, { place: 'Stale place' })]));
    expect(screen.queryByText('Stale place')).toBeNull();
    expect(screen.getAllByRole('option', { name: 'Loading…' })).toHaveLength(2);

    await act(async () => newPage.resolve([makeRow(0), makeRow(1)]));
    expect(screen.getByText('Place 1')).toBeInTheDocument();
  });

  it('drops cached rows when the version changes', async () => {
    const { rerenderWith } = renderList({ total: 5 });
    await screen.findByText('Place 0');
    rerenderWith({ version: 2, loadRows: makeLoader({ place: 'Re-sorted' }) });
    expect(await screen.findAllByText('Re-sorted')).toHaveLength(5);
  });

  it('moves the active row with the arrow keys and selects it with Enter or Space', async () => {
    const user = userEvent.setup();
    const { props } = renderList();
    await screen.findByText('Place 0');
    act(() => listbox().focus());
    expect(activePosition()).toBe(1);

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}');
    expect(activePosition()).toBe(3);
    await user.keyboard('{Enter}');
    expect(props.onSelect).toHaveBeenLastCalledWith(10_002);
    await user.keyboard('{ArrowUp}[Space]');
    expect(props.onSelect).toHaveBeenLastCalledWith(10_001);
  });

  it('jumps with Home, End, Page Down and Page Up, scrolling the active row into view', async () => {
    const user = userEvent.setup();
    const { props } = renderList({ total: 1000 });
    await screen.findByText('Place 0');
    listbox().focus();

    await user.keyboard('{End}');
    expect(activePosition()).toBe(1000);
    expect(listbox().scrollTop).toBe(1000 * ROW_HEIGHT - 600);
    await waitFor(() => expect(props.loadRows).toHaveBeenCalledWith(800, 200));

    await user.keyboard('{Home}');
    expect(activePosition()).toBe(1);
    expect(listbox().scrollTop).toBe(0);

    // A 600 px viewport holds ten whole rows; a page moves by one fewer.
    await user.keyboard('{PageDown}');
    expect(activePosition()).toBe(10);
    await user.keyboard('{PageDown}{PageUp}');
    expect(activePosition()).toBe(10);
  });

  it('reaches the last row of a million-row list from the keyboard', async () => {
    const user = userEvent.setup();
    const { props } = renderList({ total: 1_000_000 });
    listbox().focus();
    await user.keyboard('{End}');
    expect(activePosition()).toBe(1_000_000);
    expect(await screen.findByText('Place 999999')).toBeInTheDocument();
    expect(props.loadRows).toHaveBeenCalledWith(999_800, 200);
  });

  it('selects a row when it is clicked', async () => {
    const user = userEvent.setup();
    const { props } = renderList();
    await user.click(await screen.findByText('Place 4'));
    expect(props.onSelect).toHaveBeenCalledWith(10_004);
    expect(activePosition()).toBe(5);
  });

  it('marks the selected row as selected', async () => {
    renderList({ selectedRow: 10_002, selectedPosition: 2 });
    const option = await screen.findByRole('option', { name: /Place 2/ });
    expect(option).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('option', { name: /Place 3/ })).toHaveAttribute(
      'aria-selected',
      'false',
    );
  });

  it('changes the sort key from the Sort by select, keeping the direction', async () => {
    const user = userEvent.setup();
    const { props } = renderList();
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Fatalities');
    expect(props.onSortChange).toHaveBeenCalledWith({ key: 'fatalities', direction: 'desc' });
  });

  it('flips the direction with a button named after the current order', async () => {
    const user = userEvent.setup();
    const { props, rerenderWith } = renderList();
    await user.click(screen.getByRole('button', { name: 'Newest first' }));
    expect(props.onSortChange).toHaveBeenCalledWith({ key: 'date', direction: 'asc' });

    rerenderWith({ sort: { key: 'fatalities', direction: 'asc' } });
    await user.click(screen.getByRole('button', { name: 'Fewest first' }));
    expect(props.onSortChange).toHaveBeenLastCalledWith({ key: 'fatalities', direction: 'desc' });
  });

  it('centres a far selected row made elsewhere, such as on the map', async () => {
    const { rerenderWith } = renderList({ total: 100_000 });
    rerenderWith({ selectedRow: 15_000, selectedPosition: 5000 });
    expect(listbox().scrollTop).toBe(5000 * ROW_HEIGHT - (600 - ROW_HEIGHT) / 2);
    expect(await screen.findByRole('option', { name: /Place 5000/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('scrolls a nearby selected row just into view', async () => {
    const { rerenderWith } = renderList({ total: 100_000 });
    rerenderWith({ selectedRow: 10_012, selectedPosition: 12 });
    expect(listbox().scrollTop).toBe(13 * ROW_HEIGHT - 600);
  });

  it('does not scroll for a selected row already in view', async () => {
    const { rerenderWith } = renderList({ total: 100_000 });
    rerenderWith({ selectedRow: 10_003, selectedPosition: 3 });
    expect(listbox().scrollTop).toBe(0);
  });

  it('returns to the top when the list changes', async () => {
    const { rerenderWith } = renderList({ total: 100_000 });
    fireEvent.scroll(listbox(), { target: { scrollTop: 50_000 } });
    rerenderWith({ version: 2 });
    expect(listbox().scrollTop).toBe(0);
  });

  it('shows an empty state instead of the list when nothing matches', () => {
    const { props } = renderList({ total: 0 });
    expect(screen.getByText('No incidents match the filters.')).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(props.loadRows).not.toHaveBeenCalled();
  });

  it('renders a hostile summary as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    renderList({ total: 1, loadRows: makeLoader({ summary: hostile, place: '<b>Bold</b>' }) });
    const option = await within(listbox()).findByRole('option', { name: /Bold/ });
    expect(within(option).getByText(hostile)).toBeInTheDocument();
    expect(within(option).getByText('<b>Bold</b>')).toBeInTheDocument();
    expect(option.querySelector('img, b')).toBeNull();
  });

  it('labels each row with its date, type, fatalities, place and summary', async () => {
    renderList({ total: 1, loadRows: makeLoader({ type: 'drone_strike', fatalities: '3' }) });
    expect(
      await screen.findByRole('option', {
        name: '2025-10-12 Drone strike 3 killed Place 0: Summary of incident 0 (dataset Synthetic)',
      }),
    ).toBeInTheDocument();
  });

  it('speaks Pashto: its controls, and each row’s day and figures in Pashto digits', async () => {
    await act(() => showLanguage('ps'));
    try {
      renderList({ total: 1, loadRows: makeLoader({ fatalities: '7–17' }) });
      const list = screen.getByRole('listbox', { name: 'پېښې' });
      const option = await within(list).findByRole('option', { name: /۷–۱۷ وژل شوي/ });
      expect(option).toHaveAccessibleName(/^۲۰۲۵ اکتوبر ۱۲ /);
      expect(option).not.toHaveTextContent('2025-10-12');
      expect(screen.getByRole('button', { name: 'تر ټولو نوې لومړی' })).toHaveAttribute(
        'title',
        'تر ټولو زړې لومړی وښایاست',
      );
      expect(screen.getByLabelText('ترتیب د')).toBeInTheDocument();
    } finally {
      await act(() => showLanguage('en'));
    }
  });
});
