// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CellGrid } from './cell-grid';

describe('CellGrid', () => {
  it('gives the points of one cell one key, and neighbouring cells other keys', () => {
    const grid = new CellGrid(0.1);
    const key = grid.keyOf(69.12, 34.51);
    expect(grid.keyOf(69.18, 34.58)).toBe(key);
    const neighbours = [
      [69.05, 34.55],
      [69.25, 34.55],
      [69.15, 34.45],
      [69.15, 34.65],
    ].map(([lon, lat]) => grid.keyOf(lon!, lat!));
    expect(new Set([key, ...neighbours]).size).toBe(5);
  });

  it('keeps keys small, non-negative and distinct at the corners of the world', () => {
    const grid = new CellGrid(0.01);
    const corners = [
      [-180, -90],
      [-180, 90],
      [180, -90],
      [180, 90],
      [179.995, 89.995],
    ].map(([lon, lat]) => grid.keyOf(lon!, lat!));
    expect(new Set(corners).size).toBe(corners.length);
    for (const key of corners) {
      expect(key).toBeGreaterThanOrEqual(0);
      expect(key).toBeLessThan(2 ** 30);
    }
  });

  it('has no key for points beyond the globe or unlocated', () => {
    const grid = new CellGrid(0.1);
    expect(grid.keyOf(180.1, 30)).toBe(-1);
    expect(grid.keyOf(70, -90.5)).toBe(-1);
    expect(grid.keyOf(NaN, 30)).toBe(-1);
  });

  it('finds the west and south edges of a cell', () => {
    const grid = new CellGrid(0.5);
    expect(grid.westOf(69.7)).toBe(69.5);
    expect(grid.southOf(-0.2)).toBe(-0.5);
  });

  it('rejects cells too small for small keys', () => {
    expect(() => new CellGrid(0.001)).toThrow('cell size 0.001° is not between 0.01° and 10°');
  });
});
