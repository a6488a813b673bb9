import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { noteKey } from '../../domain/notes/analyst-note';
import { makeFeature } from '../../domain/test-factories';
import { makeStorePlace } from '../../storage/test-stores';
import { makeLoadedStore } from '../../state/test-store';
import { IncidentDetail } from '../incident-detail/incident-detail';

// IndexedDB (fake-indexeddb) answers each request in a task of its own: on a loaded machine a
// test of several writes and reads needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

const FEATURES = [makeFeature({ id: 'a', place: 'Torkham' }), makeFeature({ id: 'b' })];
const TARGET = { dataset: 'test.geojson', incident: 'a' };

async function showDetails(place = makeStorePlace('notes')) {
  const store = await makeLoadedStore(FEATURES, 'test.geojson', place);
  await store.getState().startNotes();
  await act(() => store.getState().select(0));
  const user = userEvent.setup();
  render(<IncidentDetail store={store} />);
  return { store, user };
}

describe('My note and tags in the details', () => {
  it('saves a note as plain text, kept by dataset and incident id', async () => {
    const { store, user } = await showDetails();
    await user.type(screen.getByLabelText('Note'), '<b>Check</b> the toll');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Note saved.')).toBeInTheDocument();
    expect(store.getState().notes.get(noteKey(TARGET))?.note).toBe('<b>Check</b> the toll');
    expect(document.querySelector('b')).toBeNull();
  });

  it('adds and removes tags, offering those already used', async () => {
    const { store, user } = await showDetails();
    await store
      .getState()
      .changeNote({ ...TARGET, incident: 'b' }, { kind: 'tag', tag: 'verify', on: true });
    const offered = document.querySelectorAll('datalist option');
    expect([...offered].map((o) => o.getAttribute('value'))).toEqual(['verify']);
    await user.type(screen.getByLabelText('Add a tag'), 'second source{Enter}');
    const tags = await screen.findByRole('list', { name: 'Tags' });
    expect(within(tags).getByText('second source')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove tag second source' }));
    expect(await screen.findByText('Removed the tag “second source”.')).toBeInTheDocument();
    expect(store.getState().notes.has(noteKey(TARGET))).toBe(false);
  });

  it('shows a note another tab wrote, and never saves over one it changed meanwhile', async () => {
    const place = makeStorePlace('notes');
    const { user } = await showDetails(place);
    const other = await makeLoadedStore(FEATURES, 'test.geojson', place);
    await other.getState().startNotes();
    await user.type(screen.getByLabelText('Note'), 'Mine');
    await other.getState().changeNote(TARGET, { kind: 'note', text: 'Theirs', base: '' });
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /changed in another tab meanwhile; it now reads: “Theirs”/,
    );
    expect(other.getState().notes.get(noteKey(TARGET))?.note).toBe('Theirs');
    // Seen, it can be replaced.
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Note saved.')).toBeInTheDocument();
  });
});
