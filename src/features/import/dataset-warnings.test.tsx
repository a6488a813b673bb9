import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { showLanguage } from '../../i18n/i18n';
import { makeLoadedStore, makeStore } from '../../state/test-store';
import { LoadReport } from './load-report';

/** Two features under each of `ids`, and one far from the border (off West Africa). */
function featuresWithWarnings(ids: string[]) {
  return [
    ...ids.flatMap((id) => [makeFeature({ id }), makeFeature({ id })]),
    makeFeature({ id: 'far' }, { geometry: { type: 'Point', coordinates: [1, 1] } }),
  ];
}

describe('The warnings of a file', () => {
  afterEach(() => act(() => showLanguage('en')));

  it('are listed in English as the importer wrote them', async () => {
    const store = await makeLoadedStore(featuresWithWarnings(['dup']));
    render(<LoadReport store={store} />);
    const warnings = await screen.findByRole('status', { name: 'Warnings for test.geojson' });
    const items = [...warnings.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'id "dup" is used by 2 features (#0, #1); all are kept',
      '1 of 3 incidents (#2) lie more than 300 km outside Afghanistan and Pakistan',
    ]);
  });

  it('are listed in Pashto, with the ids and positions as the file has them', async () => {
    const store = await makeLoadedStore(featuresWithWarnings(['dup']));
    await act(() => showLanguage('ps'));
    render(<LoadReport store={store} />);
    const warnings = await screen.findByRole('status', { name: /test\.geojson/ });
    const [duplicate, far] = warnings.querySelectorAll('li');
    // Counts in the reader's digits; positions and ids as the file has them.
    expect(duplicate).toHaveTextContent(
      /^پېژند "dup" په ۲ عناصرو کې کارول شوی \(#0, #1\)؛ ټول ساتل شوي$/,
    );
    expect(far).toHaveTextContent(
      /^له ۳ پېښو څخه ۱ \(#2\) له افغانستان او پاکستان څخه تر ۳۰۰ کلومترو/,
    );
    expect(warnings.querySelector('[lang="en"]')).toBeNull();
  });

  it('of a table are listed in Urdu, with the cells and lines the file has', async () => {
    const store = makeStore();
    const text = ['id,date,type,id', '#id,#date,#event,#x', 'a,2025-10-12,ied,x', ',,,'].join('\n');
    await store.getState().loadSource({ kind: 'text', text, name: 'table.csv' });
    await act(() => showLanguage('ur'));
    render(<LoadReport store={store} />);
    const warnings = await screen.findByRole('status', { name: /table\.csv/ });
    const [hxl, empty, header, position] = warnings.querySelectorAll('li');
    expect(hxl).toHaveTextContent(/^لائن 2 ایک HXL ہیش ٹیگ قطار ہے \(#id…\)، کوئی واقعہ نہیں؛/);
    expect(empty).toHaveTextContent(/^1 قطار جس کے سب خانے خالی تھے چھوڑ دی گئی \(لائن 4\)$/);
    expect(header).toHaveTextContent(/^سرخی میں 2 کالموں کا نام "id" ہے \(کالم 1, 4\)/);
    expect(position).toHaveTextContent(/^فائل میں طول بلد اور عرض بلد کے کالم نہیں/);
    expect(warnings.querySelector('[lang="en"]')).toBeNull();
  });
});
