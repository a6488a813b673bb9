import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { makeFeature } from '../../domain/test-factories';
import { makeLoadedStore } from '../../state/test-store';
import { NotesPanel } from './notes-panel';

vi.setConfig({ testTimeout: 20_000 });

async function renderPanel() {
  const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
  await store.getState().startNotes();
  const user = userEvent.setup();
  render(<NotesPanel store={store} />);
  return { store, user };
}

async function importText(user: ReturnType<typeof userEvent.setup>, text: string, name: string) {
  const input = document.querySelector<HTMLInputElement>('.notes-panel input[type="file"]')!;
  await user.upload(input, new File([text], name, { type: 'application/json' }));
}

afterEach(async () => {
  await act(() => showLanguage('en'));
});

describe('My notes panel', () => {
  it('exports every note and imports them back into another browser', async () => {
    const downloads: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      downloads.push(blob as Blob);
      return 'blob:notes';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { store, user } = await renderPanel();
    const target = { dataset: 'test.geojson', incident: 'a' };
    await store.getState().changeNote(target, { kind: 'note', text: 'Two sources', base: '' });
    await store.getState().changeNote(target, { kind: 'tag', tag: 'verify', on: true });
    expect(
      await screen.findByText('1 incident with a note or tags, kept in this browser.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export notes' }));
    const text = await downloads[0]!.text();
    expect(JSON.parse(text)).toMatchObject({
      format: 'durand-line-map-notes',
      notes: [{ ...target, note: 'Two sources', tags: ['verify'] }],
    });

    // Another browser: a store with notes of its own.
    const elsewhere = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await elsewhere.getState().startNotes();
    render(<NotesPanel store={elsewhere} />);
    const inputs = document.querySelectorAll<HTMLInputElement>('.notes-panel input[type="file"]');
    await user.upload(inputs[1]!, new File([text], 'notes.json', { type: 'application/json' }));
    expect(await screen.findByText('Imported 1 new note from “notes.json”.')).toBeInTheDocument();
    expect([...elsewhere.getState().notes.values()]).toMatchObject([
      { note: 'Two sources', tags: ['verify'] },
    ]);
  });

  it('says clearly that a file is not a notes file, and imports nothing', async () => {
    const { store, user } = await renderPanel();
    await importText(user, '{"type":"FeatureCollection","features":[]}', 'kp.geojson');
    expect(
      await screen.findByText(
        /“kp\.geojson”: This is not a notes file: choose a file made by "Export notes"/,
      ),
    ).toBeInTheDocument();
    expect(store.getState().notes.size).toBe(0);
  });

  it('speaks Dari, and words its last message again when the language changes', async () => {
    const { store, user } = await renderPanel();
    await store
      .getState()
      .changeNote(
        { dataset: 'test.geojson', incident: 'a' },
        { kind: 'note', text: 'x', base: '' },
      );
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:notes');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(await screen.findByRole('button', { name: 'Export notes' }));
    expect(screen.getByRole('status')).toHaveTextContent('Exported 1 note.');
    await act(() => showLanguage('fa-AF'));
    expect(screen.getByRole('heading', { name: 'یادداشت‌های من' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('۱ یادداشت صادر شد.');
    expect(screen.getByRole('button', { name: 'ورود یادداشت‌ها…' })).toBeInTheDocument();
  });

  it('says in Pashto which change the browser did not keep, with what the browser said', async () => {
    const { store } = await renderPanel();
    await act(() => showLanguage('ps'));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const target = { dataset: 'test.geojson', incident: 'a' };
    await act(() => store.getState().changeNote(target, { kind: 'tag', tag: 'verify', on: true }));
    vi.restoreAllMocks();
    const notKept = await screen.findByText(/QuotaExceededError/);
    expect(notKept).toHaveTextContent(
      'دې براوزر پر پېښه a ټګ «verify» ونه ساته (QuotaExceededError: The quota has been exceeded.):',
    );
    expect(notKept).not.toHaveAttribute('lang');
  });

  it('says in Urdu what a notes file’s entries lost', async () => {
    const { user } = await renderPanel();
    await act(() => showLanguage('ur'));
    const text = JSON.stringify({
      format: 'durand-line-map-notes',
      version: 1,
      notes: [{ dataset: 'x', incident: 'kp-7', note: 5, tags: ['verify'] }],
    });
    await importText(user, text, 'notes.json');
    const problem = await screen.findByText(/kp-7/);
    expect(problem).toHaveTextContent(
      'نوٹ 1 (واقعہ kp-7): اس کا «note» متن نہیں، اس لیے چھوڑ دیا گیا۔',
    );
    expect(problem).not.toHaveAttribute('lang');
  });
});
