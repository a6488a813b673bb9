import { describe, expect, it } from 'vitest';
import { describeDuplicateColumns, uniqueColumnKeys } from './column-keys';

describe('uniqueColumnKeys', () => {
  it('keeps distinct names as they are', () => {
    expect(uniqueColumnKeys(['a', 'b', ''])).toEqual(['a', 'b', '']);
  });

  it('numbers later copies of a repeated name', () => {
    expect(uniqueColumnKeys(['a', 'a', 'b', 'a'])).toEqual(['a', 'a (2)', 'b', 'a (3)']);
  });

  it('never takes a name another column already has', () => {
    expect(uniqueColumnKeys(['a', 'a', 'a (2)'])).toEqual(['a', 'a (3)', 'a (2)']);
  });
});

describe('describeDuplicateColumns', () => {
  it('names each repeated header and where its copies went', () => {
    const header = ['x', 'x', 'y'];
    expect(describeDuplicateColumns(header, uniqueColumnKeys(header))).toMatchObject([
      {
        code: 'other',
        message:
          'the header names 2 columns "x" (columns 1, 2); all are kept, the later ones as "x (2)"',
      },
    ]);
  });
});
