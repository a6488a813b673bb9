import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalystNote, NoteTarget } from '../domain/notes/analyst-note';
import { noteKey } from '../domain/notes/analyst-note';
import type { AnalystNotes } from './analyst-notes';
import { closeTestStores, makeStorePlace, openTestNotes } from './test-stores';
import { inEnglish } from '../domain/test-words';

afterEach(() => {
  vi.restoreAllMocks();
  closeTestStores();
});

const ON_ONE: NoteTarget = { dataset: 'strikes.csv', incident: 'kp-0042' };
const ON_OTHER: NoteTarget = { dataset: 'strikes.csv', incident: 'kp-0043' };

/** Resolves once `notes` has changed (another tab's change arrives later). */
function changed(notes: AnalystNotes): Promise<void> {
  return new Promise((resolve) => {
    const stop = notes.subscribe(() => {
      stop();
      resolve();
    });
  });
}

const noteOn = (notes: AnalystNotes, target: NoteTarget) =>
  notes.getNotes().get(noteKey(target)) ?? null;

function makeNote(changes: Partial<AnalystNote> = {}): AnalystNote {
  return {
    ...ON_ONE,
    note: 'Seen in two reports',
    tags: ['verify'],
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...changes,
  };
}

describe('Notes in IndexedDB', () => {
  it('are read back by the next visit, with their text and tags', async () => {
    const place = makeStorePlace('notes');
    const notes = await openTestNotes(place);
    await notes.change(ON_ONE, { kind: 'note', text: 'Check the <b>toll</b>\r\nagain', base: '' });
    await notes.change(ON_ONE, { kind: 'tag', tag: ' needs  check ', on: true });
    notes.close();
    const reopened = await openTestNotes(place);
    expect(noteOn(reopened, ON_ONE)).toMatchObject({
      note: 'Check the <b>toll</b>\nagain',
      tags: ['needs check'],
    });
  });

  it('live in a database of their own, one record per incident keyed by dataset and id', async () => {
    const place = makeStorePlace('notes');
    const notes = await openTestNotes(place);
    await notes.change(ON_ONE, { kind: 'tag', tag: 'a', on: true });
    await notes.change(ON_OTHER, { kind: 'tag', tag: 'b', on: true });
    notes.close();
    const db = await openDB(place.databaseName);
    expect(await db.getAllKeys('notes')).toEqual([noteKey(ON_ONE), noteKey(ON_OTHER)].sort());
    db.close();
  });

  it('forget an incident whose note and tags are all removed', async () => {
    const notes = await openTestNotes();
    await notes.change(ON_ONE, { kind: 'tag', tag: 'verify', on: true });
    await notes.change(ON_ONE, { kind: 'tag', tag: 'VERIFY', on: false });
    expect(notes.getNotes().size).toBe(0);
  });

  it('are gone once their database is deleted', async () => {
    const place = makeStorePlace('notes');
    const notes = await openTestNotes(place);
    await notes.change(ON_ONE, { kind: 'tag', tag: 'a', on: true });
    notes.close();
    await deleteDB(place.databaseName);
    expect((await openTestNotes(place)).getNotes().size).toBe(0);
  });

  it('merge an import into what is stored: tags of both, the note changed last', async () => {
    const notes = await openTestNotes();
    await notes.change(ON_ONE, { kind: 'tag', tag: 'mine', on: true });
    const outcome = await notes.importNotes([
      makeNote({ tags: ['theirs'] }),
      makeNote({ ...ON_OTHER, note: 'New', tags: [] }),
    ]);
    expect(outcome).toEqual({ added: 1, merged: 1, unchanged: 0 });
    expect(noteOn(notes, ON_ONE)).toMatchObject({
      note: 'Seen in two reports',
      tags: ['mine', 'theirs'],
    });
    expect(
      (await notes.importNotes([makeNote({ ...ON_OTHER, note: 'New', tags: [] })])).unchanged,
    ).toBe(1);
  });
});

describe('Notes in two tabs', () => {
  it('a note written in one tab appears in the other', async () => {
    const place = makeStorePlace('notes');
    const one = await openTestNotes(place);
    const other = await openTestNotes(place);
    const arrived = changed(other);
    await one.change(ON_ONE, { kind: 'note', text: 'From tab one', base: '' });
    await arrived;
    expect(noteOn(other, ON_ONE)?.note).toBe('From tab one');
  });

  it('tags added in both tabs at once are all kept', async () => {
    const place = makeStorePlace('notes');
    const one = await openTestNotes(place);
    const other = await openTestNotes(place);
    await Promise.all([
      one.change(ON_ONE, { kind: 'tag', tag: 'one', on: true }),
      other.change(ON_ONE, { kind: 'tag', tag: 'other', on: true }),
    ]);
    const reopened = await openTestNotes(place);
    expect(noteOn(reopened, ON_ONE)?.tags.sort()).toEqual(['one', 'other']);
  });

  it('a note saved from an older text does not overwrite what the other tab wrote', async () => {
    const place = makeStorePlace('notes');
    const one = await openTestNotes(place);
    const other = await openTestNotes(place);
    await one.change(ON_ONE, { kind: 'note', text: 'First words', base: '' });
    // The other tab's editor opened before the first note: its base is the empty note.
    const outcome = await other.change(ON_ONE, { kind: 'note', text: 'Other words', base: '' });
    expect(outcome.conflict?.note).toBe('First words');
    expect(noteOn(await openTestNotes(place), ON_ONE)?.note).toBe('First words');
  });
});

describe('Notes where the browser keeps nothing', () => {
  it('still work for the session when IndexedDB is refused, and say why', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    });
    const notes = await openTestNotes();
    expect(inEnglish(notes.notKept)).toMatch(
      /notes and tags last until this tab is closed.*SecurityError|SecurityError.*notes and tags last until this tab is closed/,
    );
    await notes.change(ON_ONE, { kind: 'tag', tag: 'verify', on: true });
    expect(noteOn(notes, ON_ONE)?.tags).toEqual(['verify']);
  });

  it('keep nothing of an import that does not fit, name it, and go on for the session', async () => {
    const place = makeStorePlace('notes');
    const notes = await openTestNotes(place);
    await notes.change(ON_OTHER, { kind: 'note', text: 'Kept', base: '' });
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (++writes === 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await notes.importNotes([makeNote(), makeNote({ incident: 'kp-0099' })]);
    vi.restoreAllMocks();
    expect(inEnglish(notes.notKept)).toMatch(
      /did not keep 2 imported note\(s\) \(QuotaExceededError/,
    );
    expect(notes.getNotes().size).toBe(3);
    notes.close();
    const reopened = await openTestNotes(place);
    expect([...reopened.getNotes().values()].map((n) => n.note)).toEqual(['Kept']);
  });
});
