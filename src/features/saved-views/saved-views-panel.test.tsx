import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { VIEWS_FILE_FORMAT } from '../../domain/saved-view';
import { showLanguage } from '../../i18n/i18n';
import { closeTestStores, makeViewsPlace, openTestViews } from '../../storage/test-stores';
import type { ViewAddress } from './saved-views-panel';
import { SavedViewsPanel } from './saved-views-panel';

// IndexedDB (fake-indexeddb here) answers each request in a task of its own: while the whole
// suite runs on two cores, a save and its read-back can take longer than the default second.
// For the same reason a test of several saves and reads may pass its runner's 5 s on a loaded
// machine though every wait is well within its own bound: give each test room for its waits.
// Set while the file is collected: a timeout set in a hook comes too late for the tests.
vi.setConfig({ testTimeout: 20_000 });
beforeAll(() => {
  configure({ asyncUtilTimeout: 5_000 });
});

afterEach(() => {
  vi.restoreAllMocks();
  closeTestStores();
});

/** Opens the views of one database of this test's own, as often as the panel asks. */
function makeOpen() {
  const place = makeViewsPlace();
  return () => openTestViews(place);
}

/** An address whose state is `query` until a view is opened, which then becomes it. */
function makeAddress(query = '?side=PK&view=34.1000,71.1000,8.00'): ViewAddress & {
  query: string;
} {
  const address = {
    query,
    currentView: () => address.query,
    openView: vi.fn((next: string) => {
      address.query = next;
    }),
  };
  return address;
}

async function renderPanel(address = makeAddress(), open = makeOpen()) {
  const user = userEvent.setup();
  render(<SavedViewsPanel address={address} open={open} />);
  // "Opening the saved views…" shows until the views are read; Save view is enabled then.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Save view' })).toBeEnabled());
  return { user, address, open };
}

async function saveView(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.clear(screen.getByRole('textbox', { name: 'View name' }));
  await user.type(screen.getByRole('textbox', { name: 'View name' }), name);
  await user.click(screen.getByRole('button', { name: 'Save view' }));
  await screen.findByText(`Saved “${name.trim()}”.`);
}

function savedList() {
  return screen.getByRole('list', { name: 'Saved views' });
}

function itemOf(name: string) {
  return within(savedList())
    .getAllByRole('listitem')
    .find((item) => within(item).queryByText(name) !== null)!;
}

/** A File whose text is `text`, as the file picker gives it. */
function makeFile(text: string, name = 'views.json') {
  return new File([text], name, { type: 'application/json' });
}

async function importFile(user: ReturnType<typeof userEvent.setup>, file: File) {
  const input = document.querySelector<HTMLInputElement>('.saved-views input[type="file"]')!;
  await user.upload(input, file);
}

describe('Saved views panel', () => {
  it('saves the address’s view under the name typed, and lists it', async () => {
    const { user } = await renderPanel();
    await saveView(user, 'Torkham, October');
    expect(within(savedList()).getByText('Torkham, October')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'View name' })).toHaveValue('');
  });

  it('asks for a name instead of saving a view with none', async () => {
    const { user } = await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    expect(await screen.findByText('Type a name for the view first.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'View name' })).toHaveFocus();
    expect(screen.queryByRole('list', { name: 'Saved views' })).toBeNull();
  });

  it('opens a view: the address is given its query back', async () => {
    const address = makeAddress('?types=airstrike&incident=kp-0042');
    const { user } = await renderPanel(address);
    await saveView(user, 'Airstrikes');
    address.query = '';
    await user.click(within(itemOf('Airstrikes')).getByRole('button', { name: 'Open' }));
    expect(address.openView).toHaveBeenCalledWith('?types=airstrike&incident=kp-0042');
  });

  it('renames a view in place; Escape leaves the name as it was', async () => {
    const { user } = await renderPanel();
    await saveView(user, 'Draft');
    await user.click(within(itemOf('Draft')).getByRole('button', { name: 'Rename' }));
    const box = screen.getByRole('textbox', { name: 'New name' });
    expect(box).toHaveFocus();
    await user.clear(box);
    await user.type(box, 'Kurram, week 2{Enter}');
    expect(await within(savedList()).findByText('Kurram, week 2')).toBeInTheDocument();
    expect(within(itemOf('Kurram, week 2')).getByRole('button', { name: 'Rename' })).toHaveFocus();

    await user.click(within(itemOf('Kurram, week 2')).getByRole('button', { name: 'Rename' }));
    await user.type(screen.getByRole('textbox', { name: 'New name' }), ' more{Escape}');
    expect(within(savedList()).getByText('Kurram, week 2')).toBeInTheDocument();
  });

  it('deletes a view, and Undo gives it back', async () => {
    const { user } = await renderPanel();
    await saveView(user, 'Short-lived');
    await user.click(within(itemOf('Short-lived')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/Deleted “Short-lived”/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Saved views' })).toBeNull();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    await user.click(undo);
    expect(await within(savedList()).findByText('Short-lived')).toBeInTheDocument();
  });

  it('shows a name with markup as text', async () => {
    const { user } = await renderPanel();
    await saveView(user, '<img src=x onerror=alert(1)>');
    expect(within(savedList()).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('.saved-views img')).toBeNull();
  });

  it('keeps the views for the next visit', async () => {
    const open = makeOpen();
    const { user } = await renderPanel(makeAddress(), open);
    await saveView(user, 'Kept');
    cleanup();
    render(<SavedViewsPanel address={makeAddress()} open={open} />);
    expect(await within(await screen.findByRole('list')).findByText('Kept')).toBeInTheDocument();
  });

  it('shows a view saved in another tab', async () => {
    const open = makeOpen();
    await renderPanel(makeAddress(), open);
    const otherTab = await open();
    await act(() =>
      otherTab.add([
        { name: 'From the other tab', query: '?side=AF', savedAt: '2026-12-01T00:00:00Z' },
      ]),
    );
    expect(await screen.findByText('From the other tab')).toBeInTheDocument();
  });

  it('says once that views will not be kept where the browser refuses storage, and still works', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const { user } = await renderPanel();
    const notes = () => screen.getAllByText(/saved views last until this tab is closed/);
    expect(notes()).toHaveLength(1);
    await saveView(user, 'Session only');
    await saveView(user, 'Another');
    expect(notes()).toHaveLength(1);
    expect(within(savedList()).getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('Export and import of views', () => {
  it('exports every view as a views file', async () => {
    const downloads: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      downloads.push(blob as Blob);
      return 'blob:views';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = await renderPanel(makeAddress('?side=AF'));
    await saveView(user, 'Afghan side');
    await user.click(screen.getByRole('button', { name: 'Export views' }));
    const file = JSON.parse(await downloads[0]!.text());
    expect(file).toMatchObject({
      format: VIEWS_FILE_FORMAT,
      version: 1,
      views: [{ name: 'Afghan side', query: '?side=AF' }],
    });
  });

  it('imports the views of an exported file, once however often it is imported', async () => {
    const { user } = await renderPanel();
    const text = JSON.stringify({
      format: VIEWS_FILE_FORMAT,
      version: 1,
      views: [
        { name: 'One', query: '?side=PK', savedAt: '2026-11-01T00:00:00.000Z' },
        { name: 'Two', query: '?km=300-650', savedAt: '2026-11-02T00:00:00.000Z' },
      ],
    });
    await importFile(user, makeFile(text));
    expect(await screen.findByText('Imported 2 views from “views.json”.')).toBeInTheDocument();
    await importFile(user, makeFile(text));
    expect(
      await screen.findByText('Imported 0 views from “views.json” (2 views already saved).'),
    ).toBeInTheDocument();
    expect(within(savedList()).getAllByRole('listitem')).toHaveLength(2);
  });

  it('says clearly that a file is not a views file, and imports nothing', async () => {
    const { user } = await renderPanel();
    await importFile(user, makeFile('{"type":"FeatureCollection","features":[]}', 'kp.geojson'));
    expect(
      await screen.findByText(
        /“kp\.geojson”: This is not a views file: choose a file made by "Export views"/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/No saved views yet/)).toBeInTheDocument();
  });

  it('drops bad and unknown filter values of an imported view, saying which', async () => {
    const { user } = await renderPanel();
    const text = JSON.stringify({
      format: VIEWS_FILE_FORMAT,
      version: 1,
      views: [{ name: 'Mixed', query: '?side=XX&province=PK-KP&token=abc' }],
    });
    await importFile(user, makeFile(text));
    expect(await screen.findByText('Imported 1 view from “views.json”.')).toBeInTheDocument();
    expect(
      screen.getByText('View 1 ("Mixed"): Ignored side=XX: use AF or PK.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'View 1 ("Mixed"): Ignored token=abc: not a filter, map view or incident parameter.',
      ),
    ).toBeInTheDocument();
  });

  it('opens an imported view with only the values that were kept', async () => {
    const address = makeAddress();
    const { user } = await renderPanel(address);
    const text = JSON.stringify({
      format: VIEWS_FILE_FORMAT,
      version: 1,
      views: [{ name: 'Mixed', query: '?side=XX&province=PK-KP' }],
    });
    await importFile(user, makeFile(text));
    await screen.findByText('Imported 1 view from “views.json”.');
    await user.click(within(itemOf('Mixed')).getByRole('button', { name: 'Open' }));
    expect(address.openView).toHaveBeenCalledWith('?province=PK-KP');
  });

  it('speaks Urdu: its labels, buttons and messages', async () => {
    await act(() => showLanguage('ur'));
    try {
      const user = userEvent.setup();
      render(<SavedViewsPanel address={makeAddress()} open={makeOpen()} />);
      await screen.findByText(/ابھی کوئی منظر محفوظ نہیں/);
      await user.type(screen.getByRole('textbox', { name: 'منظر کا نام' }), 'Kurram');
      await user.click(screen.getByRole('button', { name: 'منظر محفوظ کریں' }));
      expect(await screen.findByText('«Kurram» محفوظ ہو گیا۔')).toBeInTheDocument();
      const list = screen.getByRole('list', { name: 'محفوظ کردہ منظر' });
      expect(within(list).getByRole('button', { name: 'نام بدلیں' })).toBeInTheDocument();
      await importFile(user, makeFile('{"type":"FeatureCollection"}', 'kp.geojson'));
      expect(
        await screen.findByText(
          '«kp.geojson»: یہ منظروں کی فائل نہیں: وہ فائل چنیں جو «منظر برآمد کریں» سے بنی ہو (اس میں "format": "durand-line-map-views" نہیں)۔',
        ),
      ).toBeInTheDocument();
    } finally {
      await act(() => showLanguage('en'));
    }
  });

  it('says in Urdu what an imported view lost and that the browser keeps nothing', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    await act(() => showLanguage('ur'));
    try {
      const user = userEvent.setup();
      render(<SavedViewsPanel address={makeAddress()} open={makeOpen()} />);
      expect(
        await screen.findByText(/محفوظ کردہ منظر صرف اس ٹیب کے بند ہونے تک رہیں گے/),
      ).toHaveTextContent('(SecurityError: denied؛');
      const text = JSON.stringify({
        format: VIEWS_FILE_FORMAT,
        version: 1,
        views: [{ name: 'Mixed', query: '?side=XX' }],
      });
      await importFile(user, makeFile(text));
      const problem = await screen.findByText(/side=XX/);
      expect(problem).toHaveTextContent(
        'منظر 1 («Mixed»): side=XX نظر انداز کیا گیا: AF یا PK استعمال کریں۔',
      );
      expect(problem).not.toHaveAttribute('lang');
    } finally {
      await act(() => showLanguage('en'));
    }
  });
});
