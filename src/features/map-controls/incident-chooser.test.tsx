import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTypeDescriber } from '../../domain/type-describer';
import { showLanguage } from '../../i18n/i18n';
import type { ChooserItem } from './describe-hits';
import { CHOOSER_PAGE_SIZE, IncidentChooser } from './incident-chooser';

const items: ChooserItem[] = [
  { row: 4, type: 'airstrike', day: '2025-10-20', place: 'Spin Boldak' },
  { row: 9, type: 'armed_clash', day: '2025-10-12', place: '' },
];

function renderChooser(list: ChooserItem[] | null = items) {
  const onChoose = vi.fn();
  const onClose = vi.fn();
  render(
    <IncidentChooser
      count={2}
      items={list}
      at={{ x: 10, y: 10 }}
      describeType={createTypeDescriber(list?.map((item) => item.type) ?? [])}
      onChoose={onChoose}
      onClose={onClose}
    />,
  );
  return { onChoose, onClose };
}

describe('Chooser of incidents at one spot', () => {
  it('lists each incident with its date and type', () => {
    renderChooser();
    const dialog = screen.getByRole('dialog', { name: 'Incidents at this spot' });
    expect(dialog).toHaveTextContent('2 incidents here');
    const buttons = screen.getAllByRole('button', { name: /2025-10/ });
    expect(buttons.map((b) => b.textContent)).toEqual([
      '2025-10-20AirstrikeSpin Boldak',
      '2025-10-12Armed clash',
    ]);
  });

  it('says it is looking them up until the dates arrive', () => {
    renderChooser(null);
    expect(screen.getByRole('dialog')).toHaveTextContent('Looking them up');
  });

  it('focuses the first incident, moves with the arrow keys and chooses with Enter', async () => {
    const { onChoose } = renderChooser();
    expect(screen.getByRole('button', { name: /2025-10-20/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /2025-10-12/ })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledWith(9);
  });

  it('closes with Escape or its close button', async () => {
    const { onClose } = renderChooser();
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('lists many incidents at one spot a page at a time', async () => {
    const stacked: ChooserItem[] = Array.from({ length: 45 }, (_, n) => ({
      row: n,
      type: 'airstrike',
      day: `2025-10-${String(1 + (n % 28)).padStart(2, '0')}`,
      place: `place ${n}`,
    }));
    render(
      <IncidentChooser
        count={45}
        items={stacked}
        at={{ x: 10, y: 10 }}
        describeType={createTypeDescriber(['airstrike'])}
        onChoose={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Incidents at this spot' });
    const listed = () => dialog.querySelectorAll('li button');
    expect(listed()).toHaveLength(CHOOSER_PAGE_SIZE);
    expect(dialog).toHaveTextContent('1–20 of 45');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(listed()).toHaveLength(5);
    expect(dialog).toHaveTextContent('41–45 of 45');
    expect(listed()[0]).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });
});

describe('Chooser of incidents in Pashto', () => {
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('speaks Pashto, with its digits and days, and the place names as the data has them', async () => {
    renderChooser();
    await act(() => showLanguage('ps'));
    const dialog = screen.getByRole('dialog', { name: 'په دې ځای کې پېښې' });
    expect(dialog).toHaveTextContent('دلته ۲ پېښې');
    expect(screen.getByRole('button', { name: 'بندول' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Spin Boldak/ })).toHaveTextContent(/۲۰۲۵/);
  });
});
