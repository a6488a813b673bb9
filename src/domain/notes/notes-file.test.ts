import { describe, expect, it } from 'vitest';
import type { AnalystNote } from './analyst-note';
import { checkNotesFileSize, NotesFileError, readNotesFile, writeNotesFile } from './notes-file';
import { allInEnglish, inEnglish } from '../test-words';

const NOW = new Date('2026-03-01T12:00:00Z');
const NOTE: AnalystNote = {
  dataset: 'strikes.csv',
  incident: 'kp-1',
  note: 'Two lines\nof text',
  tags: ['verify', 'TTP'],
  updatedAt: '2026-02-01T08:00:00.000Z',
};

const fileOf = (notes: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'durand-line-map-notes', version: 1, notes, ...extra });

describe('The notes file', () => {
  it('reads back exactly the notes it was written with', () => {
    const text = writeNotesFile([NOTE], NOW);
    expect(JSON.parse(text)).toMatchObject({
      format: 'durand-line-map-notes',
      version: 1,
      exported: NOW.toISOString(),
    });
    expect(readNotesFile(text, NOW)).toEqual({ notes: [NOTE], problems: [] });
  });

  it.each([
    ['text that is not JSON', 'dataset,incident', /not a notes file.*not JSON/],
    [
      'a views file',
      JSON.stringify({ format: 'durand-line-map-views', version: 1, views: [] }),
      /not a notes file.*"format"/,
    ],
    ['a newer version', fileOf([], { version: 2 }), /version 2, made by a newer version/],
  ])('refuses %s, saying what to choose instead', (_, text, message) => {
    expect(() => readNotesFile(text, NOW)).toThrow(NotesFileError);
    expect(() => readNotesFile(text, NOW)).toThrow(message);
  });

  it('refuses a file too large to be a notes file before reading it', () => {
    expect(() => checkNotesFileSize(200_000_000)).toThrow(/not a notes file.*200\.0 MB/);
  });

  it('leaves out entries it cannot use and says which, keeping the others', () => {
    const { notes, problems } = readNotesFile(
      fileOf([
        NOTE,
        'a note',
        { dataset: 'x', incident: '' },
        { dataset: 'x', incident: '2', note: 5, tags: [1] },
        { dataset: 'x', incident: '3', note: 'Kept', tags: 'verify', updatedAt: 'yesterday' },
      ]),
      NOW,
    );
    expect(notes.map((n) => n.incident)).toEqual(['kp-1', '3']);
    expect(notes[1]!.updatedAt).toBe(NOW.toISOString());
    expect(allInEnglish(problems)).toEqual([
      'Note 2 was left out: it is not an object with a dataset and an incident.',
      'Note 3 was left out: its "dataset" and "incident" must be texts of 1 to 4000 characters.',
      'Note 4 (incident 2): its "note" is not text and was left out.',
      'Note 4 (incident 2): tags that are not text were left out.',
      'Note 4 (incident 2) was left out: it has neither a note nor a tag.',
      'Note 5 (incident 3): tags that are not text were left out.',
    ]);
  });

  it('drops __proto__ keys and says so', () => {
    const text = fileOf([{ ...NOTE, __proto__: { polluted: true } }]).replace(
      '"notes":[{',
      '"notes":[{"__proto__":{"x":1},',
    );
    const { notes, problems } = readNotesFile(text, NOW);
    expect(notes).toHaveLength(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(inEnglish(problems[0]!)).toMatch(/Ignored 1 "__proto__" key/);
  });
});
