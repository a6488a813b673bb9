import { describe, expect, it } from 'vitest';
import { checkNotesFileSize, readNotesFile } from '../../domain/notes/notes-file';
import { checkViewsFileSize, readViewsFile, VIEWS_FILE_FORMAT } from '../../domain/saved-view';
import { fileProblem } from './views-message';

/** The error a file reader throws for `read`, or fails the test. */
function thrown(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

describe('A file refused by Import views… or Import notes…', () => {
  const now = new Date('2026-12-05T00:00:00Z');
  it.each([
    ['not JSON', () => readViewsFile('{', now)],
    ['another format', () => readViewsFile('{"format":"x"}', now)],
    ['a bad version', () => readViewsFile(`{"format":"${VIEWS_FILE_FORMAT}","version":0}`, now)],
    ['a newer version', () => readViewsFile(`{"format":"${VIEWS_FILE_FORMAT}","version":99}`, now)],
    ['no list', () => readViewsFile(`{"format":"${VIEWS_FILE_FORMAT}","version":1}`, now)],
    ['too large views', () => checkViewsFileSize(1e10)],
    ['too large notes', () => checkNotesFileSize(1e10)],
    ['not a notes file', () => readNotesFile('[]', now)],
  ])('is worded in English exactly as its reader says it: %s', (_, read) => {
    const error = thrown(read);
    const file = new File([''], 'kp.geojson');
    expect(fileProblem(file, error).text()).toBe(`“kp.geojson”: ${error.message}`);
  });
});
