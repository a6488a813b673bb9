import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../taxonomy';
import { ACLED_SUB_EVENT_TYPES, acledLayout } from './acled-layout';
import { slugifyTypeCode } from './layout-adapter';
import { viewOf } from './layout-registry';

/** ACLED's sub-event types as its codebook lists them. */
const ACLED_CODEBOOK = [
  'Armed clash',
  'Government regains territory',
  'Non-state actor overtakes territory',
  'Sexual violence',
  'Attack',
  'Abduction/forced disappearance',
  'Chemical weapon',
  'Air/drone strike',
  'Suicide bomb',
  'Shelling/artillery/missile attack',
  'Remote explosive/landmine/IED',
  'Grenade',
  'Peaceful protest',
  'Protest with intervention',
  'Excessive force against protestors',
  'Violent demonstration',
  'Mob violence',
  'Agreement',
  'Arrests',
  'Change to group/activity',
  'Disrupted weapons use',
  'Headquarters or base established',
  'Looting/property destruction',
  'Non-violent transfer of territory',
  'Other',
];

const TAXONOMY = new Set(INCIDENT_TYPES.map((type) => type.code));

/** An ACLED row as its export tool's CSV gives it: every cell text. */
function makeAcledRow(cells: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id_cnty: 'PAK140233',
    event_date: '12 October 2025',
    year: '2025',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Military Forces of Pakistan (2024-)',
    assoc_actor_1: '',
    actor2: 'TTP: Tehreek-i-Taliban Pakistan',
    assoc_actor_2: 'Civilians (Pakistan); Militia (Pro-Government)',
    iso: '586',
    country: 'Pakistan',
    admin1: 'Khyber Pakhtunkhwa',
    admin2: 'North Waziristan',
    admin3: 'Miran Shah',
    location: 'Miran Shah',
    latitude: '33.0000',
    longitude: '70.0700',
    geo_precision: '2',
    source: 'Dawn; Express Tribune',
    notes: 'On 12 October 2025, security forces clashed with TTP militants near Miran Shah.',
    fatalities: '7',
    ...cells,
  };
}

describe('The ACLED table', () => {
  it('has a row for every sub-event type in the ACLED codebook, and no other', () => {
    expect(ACLED_SUB_EVENT_TYPES.map((row) => row.value).sort()).toEqual(
      [...ACLED_CODEBOOK].sort(),
    );
  });

  it('maps onto the taxonomy or keeps ACLED’s own value as a slugified code', () => {
    for (const row of ACLED_SUB_EVENT_TYPES) {
      expect(TAXONOMY.has(row.code) || row.code === slugifyTypeCode(row.value)).toBe(true);
    }
  });

  it('reads sub-event types ignoring case, and slugifies ones it does not know', () => {
    const reader = acledLayout.fields({});
    expect(reader.type({ sub_event_type: 'air/drone STRIKE' })).toEqual({
      ok: true,
      type: 'airstrike',
    });
    expect(reader.type({ sub_event_type: 'Drone swarm (new)' })).toEqual({
      ok: true,
      type: 'drone_swarm_new',
    });
    expect(reader.type({ sub_event_type: '' })).toMatchObject({
      ok: false,
      error: 'sub_event_type is missing',
    });
  });

  it('gives every row the unspecified type when the file lost sub_event_type', () => {
    const reader = acledLayout.fields({ names: new Map([['event_date', 'event_date']]) });
    expect(reader.type({})).toEqual({ ok: true, type: 'unspecified' });
  });

  it('reads the id and the day under the names the file shortened them to', () => {
    const names = new Map([
      ['event_id_cnty', 'event_id_c'],
      ['event_date', 'event_date'],
      ['sub_event_type', 'sub_event_'],
    ]);
    const reader = acledLayout.fields({ names });
    const row = { event_id_c: 'AFG1', event_date: '12 October 2025', sub_event_: 'Grenade' };
    expect(reader.id(row)).toBe('AFG1');
    expect(reader.date(row)).toMatchObject({ day: '2025-10-12' });
    expect(reader.type(row)).toEqual({ ok: true, type: 'grenade' });
  });
});

describe('The view of an ACLED event', () => {
  it('reads place, admin units, countries, actors, sources and summary from ACLED’s columns', () => {
    expect(viewOf('acled', makeAcledRow())).toEqual({
      place: 'Miran Shah',
      district: 'North Waziristan',
      province: 'Khyber Pakhtunkhwa',
      countries: ['PK'],
      actors: [
        'Military Forces of Pakistan (2024-)',
        'TTP: Tehreek-i-Taliban Pakistan',
        'Civilians (Pakistan)',
        'Militia (Pro-Government)',
      ],
      sources: ['Dawn', 'Express Tribune'],
      links: [],
      fatalities: { low: 7, high: 7 },
      precision: 'district',
      summary: 'On 12 October 2025, security forces clashed with TTP militants near Miran Shah.',
    });
  });

  it('reads fatalities written as text, as its CSV writes them, and no figure as none', () => {
    expect(viewOf('acled', makeAcledRow({ fatalities: '0' })).fatalities).toEqual({
      low: 0,
      high: 0,
    });
    expect(viewOf('acled', makeAcledRow({ fatalities: 12 })).fatalities.high).toBe(12);
    expect(viewOf('acled', makeAcledRow({ fatalities: '' })).fatalities).toEqual({
      low: null,
      high: null,
    });
  });

  it('reads geo_precision 1, 2 and 3 as place, district and province', () => {
    const precision = (code: unknown) => viewOf('acled', makeAcledRow({ geo_precision: code }));
    expect([1, '2', '3', '4'].map((code) => precision(code).precision)).toEqual([
      'place',
      'district',
      'province',
      'other',
    ]);
    expect(acledLayout.read.precision(makeAcledRow({ geo_precision: '1' }))).toBe('place');
  });

  it('reads a shapefile’s cut names as the full ones', () => {
    const view = viewOf('acled', {
      event_id_c: 'PAK9',
      sub_event_: 'Armed clash',
      assoc_acto: 'Police Forces of Pakistan',
      geo_precis: 1,
      fatalities: 3,
    });
    expect(view.actors).toEqual(['Police Forces of Pakistan']);
    expect(view.precision).toBe('place');
    expect(view.fatalities).toEqual({ low: 3, high: 3 });
  });

  it('does not read other layouts’ names', () => {
    const view = viewOf('acled', makeAcledRow({ place: 'Torkham', actors: ['Someone else'] }));
    expect(view.place).toBe('Miran Shah');
    expect(view.actors).not.toContain('Someone else');
  });

  it('searches its notes, places and main actors', () => {
    const text = acledLayout.searchText(makeAcledRow());
    expect(text).toContain('north waziristan');
    expect(text).toContain('clashed with ttp');
  });
});
