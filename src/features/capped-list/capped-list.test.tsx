import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { byCount, CappedList, capItems, SHOWN_ITEMS } from './capped-list';

const names = Array.from({ length: 100 }, (_, n) => `name ${n}`);

function renderList(items: readonly string[]) {
  render(
    <CappedList items={items} nameOf={(name) => name} findLabel="Find a name">
      {(shown) => (
        <ul>
          {shown.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </CappedList>,
  );
}

describe('A capped list', () => {
  it('shows the first items and says how many more there are', () => {
    renderList(names);
    expect(screen.getAllByRole('listitem')).toHaveLength(SHOWN_ITEMS);
    expect(screen.getByText('60 more: narrow with the search box.')).toBeInTheDocument();
  });

  it('finds the others with its search box', async () => {
    renderList(names);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a name' }), 'name 99');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['name 99']);
    expect(screen.queryByText(/more: narrow/)).toBeNull();
  });

  it('has no search box while every item fits', () => {
    renderList(names.slice(0, 5));
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('keeps the items it is told to keep whatever the search', () => {
    const { shown } = capItems(
      names,
      (n) => n,
      'name 7',
      SHOWN_ITEMS,
      (n) => n === 'name 3',
    );
    expect(shown).toContain('name 3');
    expect(shown).toContain('name 77');
  });

  it('orders by count, the most frequent first, equal counts in their order', () => {
    const items = [
      { name: 'a', count: 1 },
      { name: 'b', count: 5 },
      { name: 'c', count: 1 },
    ];
    expect(byCount(items).map((item) => item.name)).toEqual(['b', 'a', 'c']);
  });
});

describe('A capped list in Dari', () => {
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('says how many more there are in Dari digits', async () => {
    renderList(names);
    await act(() => showLanguage('fa-AF'));
    expect(screen.getByText('۶۰ مورد دیگر: با جعبهٔ جستجو محدود کنید.')).toBeInTheDocument();
  });
});
