import { describe, expect, it } from 'vitest';
import { buildListOrder, pageOfOrder, positionInOrder } from './list-order';

const columns = {
  day: Int32Array.from([20, 10, 30, 10, 20]),
  minDay: 10,
  maxDay: 30,
  fatalities: Float32Array.from([5, NaN, 12, 5, 0]),
};

describe('List orders', () => {
  it('sort by day either way, ties in load order', () => {
    expect([...buildListOrder('date', 'asc', columns)]).toEqual([1, 3, 0, 4, 2]);
    expect([...buildListOrder('date', 'desc', columns)]).toEqual([2, 0, 4, 1, 3]);
  });

  it('sort by fatalities either way, incidents without a figure last', () => {
    expect([...buildListOrder('fatalities', 'desc', columns)]).toEqual([2, 0, 3, 4, 1]);
    expect([...buildListOrder('fatalities', 'asc', columns)]).toEqual([4, 0, 3, 2, 1]);
  });

  it('give a page of the included rows only', () => {
    const order = buildListOrder('date', 'asc', columns);
    const included = Uint8Array.from([1, 0, 1, 1, 1]);
    expect([...pageOfOrder(order, included, 0, 2)]).toEqual([3, 0]);
    expect([...pageOfOrder(order, included, 2, 10)]).toEqual([4, 2]);
    expect([...pageOfOrder(order, included, 9, 10)]).toEqual([]);
  });

  it('find a row among the included ones, or -1 when it is left out', () => {
    const order = buildListOrder('date', 'desc', columns);
    const included = Uint8Array.from([1, 1, 0, 1, 1]);
    expect(positionInOrder(order, included, 0)).toBe(0);
    expect(positionInOrder(order, included, 3)).toBe(3);
    expect(positionInOrder(order, included, 2)).toBe(-1);
  });
});
