import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { unknownLanguageNotice } from '../../i18n/start-language';
import { makeFeature } from '../../domain/test-factories';
import { LOAD_LIMITS_KEY } from '../../state/load-limits';
import { makeLoadedStore } from '../../state/test-store';
import { appNotice } from '../../state/notice-slice';
import { LoadReport } from './load-report';
import { MappingDialog } from './mapping-dialog';

/** Three rows whose chosen date column holds no date. */
const NO_DATES = [
  'name,kind,lat,lon',
  'a,ied,34.1,70.1',
  'b,ied,34.2,70.2',
  'c,ied,34.3,70.3',
].join('\n');

afterEach(async () => {
  vi.unstubAllGlobals();
  localStorage.clear();
  await act(() => showLanguage('en'));
});

describe('The load report', () => {
  it('keeps what was shown when a file gives no incident, says why, and offers other columns', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' }), makeFeature({ id: 'b' })]);
    render(
      <>
        <LoadReport store={store} />
        <MappingDialog store={store} />
      </>,
    );
    const loaded = await store
      .getState()
      .loadSource({ kind: 'text', text: NO_DATES, name: 'no-dates.csv' }, 'replace', {
        mapping: { date: 'name', type: 'kind' },
      });
    expect(loaded).toBe(false);
    expect(store.getState().summary?.total).toBe(2);

    const report = await screen.findByRole('alert', { name: 'Nothing loaded from no-dates.csv' });
    expect(report).toHaveTextContent(
      'no-dates.csv: no incident could be loaded (3 rows: date not understood). Still showing test.geojson.',
    );
    expect(report).toHaveTextContent('Line 2: name "a" is not');

    await userEvent.click(screen.getByRole('button', { name: 'Choose columns again' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('No incident could be loaded (3 rows: date not understood)');

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() =>
      expect(screen.queryByRole('alert', { name: /^Nothing loaded/ })).toBeNull(),
    );
    expect(store.getState().summary?.total).toBe(2);
  });

  it('counts the rows of a table that did not load, grouped by problem', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    render(<LoadReport store={store} />);
    const csv = [
      'id,date,type,longitude,latitude',
      'a,2025-10-12,ied,70,34',
      'b,not a date,ied,70,34',
      'c,2025-13-40,ied,70,34',
      'd,2025-10-12,,70,34',
    ].join('\n');
    await store.getState().loadSource({ kind: 'text', text: csv, name: 'mixed.csv' });
    const report = await screen.findByRole('alert', { name: 'Rejected features of mixed.csv' });
    expect(report).toHaveTextContent(
      'mixed.csv: 1 loaded, 3 rows were not loaded (2 rows: date not understood; 1 row: type missing):',
    );
  });

  it('lists the first 200 warnings of a file and counts the rest', async () => {
    const pairs = Array.from({ length: 600 }, (_, n) => makeFeature({ id: `dup-${n >> 1}` }));
    const store = await makeLoadedStore(pairs);
    render(<LoadReport store={store} />);
    const warnings = await screen.findByRole('status', { name: 'Warnings for test.geojson' });
    expect(warnings.querySelectorAll('li')).toHaveLength(200);
    expect(warnings).toHaveTextContent('300 warnings; the first 200 are listed.');
    expect(warnings).toHaveTextContent('…and 100 more.');
    expect(warnings.querySelector('li')).toHaveTextContent(
      'id "dup-0" is used by 2 features (#0, #1); all are kept',
    );
  });

  it('speaks Urdu, down to each rejected row’s own reason', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await act(() => showLanguage('ur'));
    render(<LoadReport store={store} />);
    const csv = ['id,date,type,longitude,latitude', 'a,2025-10-12,ied,70,34', 'b,soon,ied,70,34'];
    await store.getState().loadSource({ kind: 'text', text: csv.join('\n'), name: 'mixed.csv' });
    const report = await screen.findByRole('alert', { name: 'mixed.csv کے مسترد شدہ عناصر' });
    expect(report).toHaveTextContent(
      'mixed.csv: 1 لوڈ ہوئے، 1 قطار لوڈ نہیں ہوئی (1 قطار: تاریخ سمجھ نہیں آئی):',
    );
    const row = within(report).getByRole('listitem');
    expect(row).toHaveTextContent(/^لائن 3 \(شناخت "b"\): /);
    expect(row).toHaveTextContent(
      /^لائن 3 \(شناخت "b"\): date "soon" ISO 8601 \(YYYY-MM-DD، .* نہیں ہے$/,
    );
    expect(row.querySelector('[lang="en"]')).toBeNull();
    expect(within(report).getByRole('button', { name: 'مسترد شدہ ڈاؤن لوڈ کریں' })).toBeVisible();
  });

  it('names the weekdays of a wrong one in Urdu, as it words the rest of the reason', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await act(() => showLanguage('ur'));
    render(<LoadReport store={store} />);
    const csv = [
      'id,date,type,longitude,latitude',
      'a,2025-10-12,ied,70,34',
      'b,"Monday, June 18, 2004",ied,70,34',
    ];
    const mapping = { date: 'date', type: 'type', longitude: 'longitude', latitude: 'latitude' };
    const source = { kind: 'text' as const, text: csv.join('\n'), name: 'days.csv' };
    await store.getState().loadSource(source, 'replace', { mapping });
    const report = await screen.findByRole('alert', { name: 'days.csv کے مسترد شدہ عناصر' });
    const row = within(report).getByRole('listitem');
    expect(row).toHaveTextContent('2004-06-18 کو جمعہ تھا، پیر نہیں');
    expect(row.querySelector('[lang="en"]')).toBeNull();
  });

  it('words in Pashto a value it names, as coordinates that are a list of four, its count in Pashto digits', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await act(() => showLanguage('ps'));
    render(<LoadReport store={store} />);
    const good = makeFeature({ id: 'g' });
    const bad = {
      ...makeFeature({ id: 'b' }),
      geometry: { type: 'Point', coordinates: [1, 2, 3, 4] },
    };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [good, bad] });
    await store.getState().loadSource({ kind: 'text', text, name: 'four.geojson' });
    const report = await screen.findByRole('alert', { name: /four\.geojson/ });
    const row = within(report).getByRole('listitem');
    expect(row).toHaveTextContent('مختصات د ۴ توکو لړۍ');
    expect(row.querySelector('[lang="en"]')).toBeNull();
  });

  it('says in Urdu why a file could not be loaded, after its name', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await act(() => showLanguage('ur'));
    render(<LoadReport store={store} />);
    const text = '{"type": "FeatureCollection"}';
    await store.getState().loadSource({ kind: 'text', text, name: 'bad.geojson' });
    expect(store.getState().loadError).toBe(
      'bad.geojson: The FeatureCollection has no "features" array.',
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^bad\.geojson: FeatureCollection میں "features" فہرست نہیں ہے۔/,
    );
    expect(alert.querySelector('[lang="en"]')).toBeNull();
  });

  it('says in Urdu that a file is a web page, not data, after its name', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await act(() => showLanguage('ur'));
    render(<LoadReport store={store} />);
    const text = '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>';
    await store.getState().loadSource({ kind: 'text', text, name: 'events.csv' });
    expect(store.getState().loadError).toBe(
      'events.csv: The file is an HTML page, not data this app reads (GeoJSON, CSV, XLSX or KML): ' +
        'a server error page, or a web page saved instead of the data?',
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^events\.csv: فائل ایک HTML صفحہ ہے، وہ ڈیٹا نہیں جو یہ ایپ پڑھتی ہے \(GeoJSON، CSV، XLSX یا KML\): /,
    );
    expect(alert.querySelector('[lang="en"]')).toBeNull();
  });

  it('says in Dari that a link could not be reached, naming the link', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await act(() => showLanguage('fa-AF'));
    render(<LoadReport store={store} />);
    const url = 'http://data.test/events.csv';
    await store.getState().loadSource({ kind: 'url', url, name: url });
    expect(store.getState().loadError).toBe(
      `Could not reach ${url}: the network failed or the server does not allow this page to read it (CORS).`,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `به ${url} دسترسی نشد: شبکه از کار افتاد یا سرور به این صفحه اجازهٔ خواندن آن را نمی‌دهد (CORS).`,
    );
    expect(alert.querySelector('[lang="en"]')).toBeNull();
  });

  it('says in Dari why a package could not be opened, down to the server’s answer', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    await act(() => showLanguage('fa-AF'));
    render(<LoadReport store={store} />);
    const url = 'http://data.test/gdelt/manifest.json';
    await store.getState().loadSource({ kind: 'package', url, name: 'gdelt' });
    expect(store.getState().loadError).toBe(
      'Could not open the package gdelt: Could not load gdelt: the server answered 404 Not Found.',
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'بسته gdelt باز نشد: gdelt بارگذاری نشد: سرور با 404 Not Found پاسخ داد.',
    );
    expect(alert.querySelector('[lang="en"]')).toBeNull();
  });

  it('says in Pashto what stopped a link’s data, quoting the button it offers', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    localStorage.setItem(LOAD_LIMITS_KEY, JSON.stringify({ maxMegabytes: 2 / 1024 }));
    const body = ['id,date,type,longitude,latitude'];
    for (let i = 0; i < 100; i++) body.push(`e${i},2025-10-12,ied,70.1,34.1`);
    vi.stubGlobal('fetch', async () => new Response(body.join('\n'), { status: 200 }));
    await act(() => showLanguage('ps'));
    render(<LoadReport store={store} />);
    const url = 'http://data.test/events.csv';
    await store.getState().loadSource({ kind: 'url', url, name: url });
    const label = 'په لوړ حد سره بیا پورته کړئ';
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `${url}: له لینک څخه د لوستل شویو معلوماتو له 2 KB حد څخه لوی دی، نو لوستل همالته ودرېدل؛ ` +
        `که تاسو دومره لوی معلومات تمه لرئ، «${label}» وټاکئ.`,
    );
    expect(alert.querySelector('[lang="en"]')).toBeNull();
    expect(screen.getByRole('button', { name: new RegExp(`^${label} `) })).toBeVisible();
  });

  it('words the app’s own notices in the page’s language, and says others in English', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await act(() => showLanguage('ps'));
    render(<LoadReport store={store} />);
    act(() =>
      store
        .getState()
        .addNotices([appNotice('gone', { name: 'old.csv' }), 'Ignored side=XX: use AF or PK.']),
    );
    const notices = screen.getAllByRole('listitem');
    expect(notices[0]).toHaveTextContent('old.csv نور د دې براوزر په حافظه کې نشته.');
    expect(notices[1]!.querySelector('[lang="en"]')).toHaveTextContent('Ignored side=XX');
    expect(screen.getByRole('button', { name: 'بند یې کړئ' })).toBeInTheDocument();
  });

  it('words an unknown lang of the address in the language shown, and again after a switch', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    render(<LoadReport store={store} />);
    act(() => store.getState().addNotices([unknownLanguageNotice('klingon')]));
    const notice = screen.getByRole('listitem');
    expect(notice).toHaveTextContent(
      'Ignored lang=klingon: no such language here. Languages: en, ps, fa-AF, ur.',
    );
    await act(() => showLanguage('ur'));
    expect(notice).toHaveTextContent('lang=klingon نظرانداز کیا گیا: یہ زبان یہاں نہیں ہے۔');
    expect(notice.querySelector('[lang="en"]')).toBeNull();
  });

  it('words a filter a package could not answer, and a link that fell back, in Dari', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    await act(() => showLanguage('fa-AF'));
    render(<LoadReport store={store} />);
    act(() =>
      store.getState().addNotices([
        {
          ignored: 'km',
          refusal: {
            kind: 'bandsOnly',
            bands: [
              { from: 0, to: 10 },
              { from: 10, to: null },
            ],
          },
        },
        [appNotice('notLoaded', { name: 'a.csv' }), appNotice('showingEmbedded')],
      ]),
    );
    const [ignored, fallback] = screen.getAllByRole('listitem');
    expect(ignored).toHaveTextContent(/^km نادیده گرفته شد: /);
    expect(ignored).not.toHaveTextContent(/Ignored|bands/);
    expect(fallback).toHaveTextContent(
      'a.csv بارگذاری نشد. به جای آن رویدادهای همراه برنامه نمایش داده می‌شوند.',
    );
    expect(screen.queryByText(/[A-Za-z]{4,}/)).toBeNull();
  });
});
