import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../taxonomy';
import {
  ACLED_SUB_EVENT_TYPES,
  detectLayout,
  fieldReaderFor,
  findColumn,
  slugifyTypeCode,
  UCDP_VIOLENCE_TYPES,
} from './layouts';

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
    const reader = fieldReaderFor('acled', {});
    expect(reader.type({ sub_event_type: 'air/drone STRIKE' })).toEqual({
      ok: true,
      type: 'airstrike',
    });
    expect(reader.type({ sub_event_type: 'Drone swarm (new)' })).toEqual({
      ok: true,
      type: 'drone_swarm_new',
    });
    expect(reader.type({ sub_event_type: '' })).toEqual({
      ok: false,
      error: 'sub_event_type is missing',
    });
  });
});

describe('The UCDP table', () => {
  it('covers the three types of violence', () => {
    expect(UCDP_VIOLENCE_TYPES.map((row) => row.value)).toEqual(['1', '2', '3']);
  });

  it('reads type_of_violence as text or as a number', () => {
    const reader = fieldReaderFor('ucdp', {});
    expect(reader.type({ type_of_violence: 3 })).toEqual({ ok: true, type: 'one_sided' });
    expect(reader.type({ type_of_violence: ' 1 ' })).toEqual({ ok: true, type: 'state_based' });
  });
});

describe('slugifyTypeCode', () => {
  it('lower-cases, drops accents and joins words with underscores', () => {
    expect(slugifyTypeCode('Peaceful protest')).toBe('peaceful_protest');
    expect(slugifyTypeCode('Remote explosive/landmine/IED')).toBe('remote_explosive_landmine_ied');
    expect(slugifyTypeCode('  Émeute — urbaine ')).toBe('emeute_urbaine');
  });

  it('keeps letters of any script', () => {
    expect(slugifyTypeCode('حمله هوایی')).toBe('حمله_هوایی');
  });

  it('leaves a code unchanged', () => {
    expect(slugifyTypeCode('cross_border_attack')).toBe('cross_border_attack');
  });
});

describe('detectLayout', () => {
  it('recognises each layout by its names', () => {
    expect(detectLayout(['id', 'date', 'type'])?.layout).toBe('native');
    expect(detectLayout(['event_id_cnty', 'event_date', 'sub_event_type'])?.layout).toBe('acled');
    expect(detectLayout(['id', 'date_start', 'type_of_violence', 'where_prec'])?.layout).toBe(
      'ucdp',
    );
  });

  it('prefers the native schema when a file has its fields', () => {
    expect(detectLayout(['date', 'type', 'event_date', 'sub_event_type'])?.layout).toBe('native');
  });

  it('finds nothing for other names', () => {
    expect(detectLayout(['when', 'what'])).toBeNull();
    expect(detectLayout(['date'])).toBeNull();
  });
});

describe('findColumn', () => {
  it('finds the first name in order, ignoring case and surrounding spaces', () => {
    expect(findColumn(['X', ' Longitude '], ['longitude', 'x'])).toBe(' Longitude ');
    expect(findColumn(['a', 'b'], ['longitude'])).toBeUndefined();
  });
});

describe('A custom mapping', () => {
  it('accepts any unambiguous date form in the chosen column', () => {
    const reader = fieldReaderFor('custom', { mapping: { date: 'when', type: 'what' } });
    expect(reader.date({ when: '12 October 2025' })).toMatchObject({ day: '2025-10-12' });
    expect(reader.date({ when: '2025-10-12 08:00' })).toMatchObject({ day: '2025-10-12' });
    expect(reader.date({ when: '12/10/2025' })).toMatchObject({ ok: false, ambiguousOrder: true });
  });

  it('keeps a code as it is and slugifies other text', () => {
    const reader = fieldReaderFor('custom', { mapping: { date: 'when', type: 'what' } });
    expect(reader.type({ what: 'drone_strike' })).toEqual({ ok: true, type: 'drone_strike' });
    expect(reader.type({ what: 'Drone Strike' })).toEqual({ ok: true, type: 'drone_strike' });
    expect(reader.type({ what: '!!!' })).toEqual({
      ok: false,
      error: 'what "!!!" has no letters or digits',
    });
  });
});
