import { afterEach, describe, expect, it } from 'vitest';
import { decodeIncidentText, encodingWarning } from '../../domain/import/decode-text';
import { importIncidents } from '../../domain/import/import-incidents';
import { checkRegion } from '../../domain/import/region-checks';
import { loadIncidents, makeFeature } from '../../domain/test-factories';
import { showLanguage } from '../../i18n/i18n';
import { wordWarning } from './word-warning';

afterEach(() => showLanguage('en'));

/** Incidents at these longitude, latitude pairs. */
function incidentsAt(points: Array<[number, number]>) {
  const features = points.map(([lon, lat]) =>
    makeFeature({}, { geometry: { type: 'Point', coordinates: [lon, lat] } }),
  );
  return loadIncidents(features);
}

describe('The answered warnings, worded', () => {
  it('say in English exactly what the importer says', () => {
    const swapped = checkRegion(incidentsAt(Array.from({ length: 12 }, () => [34.5, 69.2])));
    const guessed = encodingWarning(
      decodeIncidentText(new Uint8Array([0x47, 0x65, 0x6e, 0xe8, 0x76, 0x65, 0x0a])),
    )!;
    const outcome = importIncidents(
      'id,date,type,longitude,latitude\na,03/04/2025,ied,70,34\nb,05/06/2025,ied,70,34\n',
    );
    const ambiguous = (outcome.status === 'loaded' ? outcome.set.warnings : []).filter(
      (warning) => warning.code === 'ambiguous-date',
    );
    expect(ambiguous).toHaveLength(1);
    for (const warning of [...swapped, guessed, ...ambiguous])
      expect(wordWarning(warning)).toBe(warning.message);
  });

  it('say them in Pashto, in Pashto digits', async () => {
    await showLanguage('ps');
    const [swapped] = checkRegion(incidentsAt([[34.5, 69.2]]));
    expect(wordWarning(swapped!)).toMatch(/^له ۱ پېښو څخه ۱ \(#۰\) له افغانستان/);
  });

  it('leave a warning without facts to the importer’s English', () => {
    expect(wordWarning({ code: 'duplicate-id', message: 'id "a" is used twice' })).toBeNull();
  });
});
