import { describe, expect, it } from 'vitest';
import type { AnalystNote } from './analyst-note';
import {
  applyNoteChange,
  cleanNote,
  cleanTag,
  cleanTags,
  countTags,
  MAX_NOTE_CHARS,
  MAX_TAG_CHARS,
  mergeNotes,
  noteKey,
} from './analyst-note';

const TARGET = { dataset: 'a.csv', incident: '7' };
const NOW = new Date('2026-03-01T12:00:00Z');

function makeNote(changes: Partial<AnalystNote> = {}): AnalystNote {
  return { ...TARGET, note: '', tags: [], updatedAt: '2026-01-01T00:00:00.000Z', ...changes };
}

describe('A note', () => {
  it('is kept as plain text: line ends unified, control characters dropped, markup left as text', () => {
    expect(cleanNote('<img src=x onerror=alert(1)>\r\nline\u0000 two\t \n')).toBe(
      '<img src=x onerror=alert(1)>\nline two',
    );
  });

  it('is cut at its longest', () => {
    expect([...cleanNote('x'.repeat(MAX_NOTE_CHARS + 5))]).toHaveLength(MAX_NOTE_CHARS);
  });

  it('is keyed by dataset and id so that no pair of names can collide', () => {
    expect(noteKey({ dataset: 'a', incident: 'b","c' })).not.toBe(
      noteKey({ dataset: 'a","b', incident: 'c' }),
    );
  });
});

describe('Tags', () => {
  it('are one trimmed line each, no longer than the limit', () => {
    expect(cleanTag('  needs\n  check  ')).toBe('needs check');
    expect([...cleanTag('t'.repeat(MAX_TAG_CHARS + 3))]).toHaveLength(MAX_TAG_CHARS);
  });

  it('are never doubled, whatever their case, and empty ones are dropped', () => {
    expect(cleanTags(['TTP', 'ttp', ' ', 'drone'])).toEqual(['TTP', 'drone']);
  });

  it('are counted across notes, the most used first', () => {
    const notes = [makeNote({ tags: ['b', 'a'] }), makeNote({ tags: ['a'] })];
    expect(countTags(notes)).toEqual([
      { name: 'a', count: 2 },
      { name: 'b', count: 1 },
    ]);
  });
});

describe('A change to a note', () => {
  it('adds a tag to whatever is stored', () => {
    const { next } = applyNoteChange(
      makeNote({ tags: ['theirs'] }),
      TARGET,
      { kind: 'tag', tag: 'mine', on: true },
      NOW,
    );
    expect(next).toMatchObject({ tags: ['theirs', 'mine'], updatedAt: NOW.toISOString() });
  });

  it('replaces the text only when the stored text is the one the editor started from', () => {
    const stored = makeNote({ note: 'theirs' });
    const stale = applyNoteChange(stored, TARGET, { kind: 'note', text: 'mine', base: '' }, NOW);
    expect(stale.conflict).toBe(stored);
    const fresh = applyNoteChange(
      stored,
      TARGET,
      { kind: 'note', text: 'mine', base: 'theirs' },
      NOW,
    );
    expect(fresh).toMatchObject({ next: { note: 'mine' }, conflict: null });
  });

  it('leaves nothing to keep once the note and every tag are gone', () => {
    const stored = makeNote({ note: 'x' });
    expect(
      applyNoteChange(stored, TARGET, { kind: 'note', text: '  ', base: 'x' }, NOW).next,
    ).toBeNull();
  });
});

describe('An imported note', () => {
  it('brings its tags and, when newer, its text', () => {
    const stored = makeNote({ note: 'old', tags: ['a'] });
    const merged = mergeNotes(
      stored,
      makeNote({ note: 'new', tags: ['b'], updatedAt: '2026-02-01T00:00:00.000Z' }),
    );
    expect(merged).toMatchObject({ note: 'new', tags: ['a', 'b'] });
  });

  it('never replaces a newer stored text, nor any text with none', () => {
    const stored = makeNote({ note: 'newer', updatedAt: '2026-05-01T00:00:00.000Z' });
    expect(mergeNotes(stored, makeNote({ note: 'older' })).note).toBe('newer');
    expect(mergeNotes(stored, makeNote({ updatedAt: '2026-06-01T00:00:00.000Z' })).note).toBe(
      'newer',
    );
  });
});
