import { describe, expect, it } from 'vitest';
import { formatBytes, formatIncidents } from './describe-saved';

describe('The Datasets panel’s words', () => {
  it('give sizes in bytes below a kilobyte and with one decimal above', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
  });

  it('count incidents in the singular and the plural', () => {
    expect(formatIncidents(1)).toBe('1 incident');
    expect(formatIncidents(1204)).toBe('1,204 incidents');
  });
});
