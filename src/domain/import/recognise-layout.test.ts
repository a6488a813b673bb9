import { describe, expect, it } from 'vitest';
import { describeMissingColumns, recogniseLayout } from './recognise-layout';

describe('Recognising a layout by the columns a file still has', () => {
  it('takes this app’s own date and type over any other layout', () => {
    expect(
      recogniseLayout(['id', 'date', 'type', 'event_date', 'sub_event_type'])?.layout.layout,
    ).toBe('native');
  });

  it('recognises an ACLED subset by its date column and three more of its columns', () => {
    const found = recogniseLayout(['event_date', 'country', 'latitude', 'longitude', 'notes']);
    expect(found?.layout.layout).toBe('acled');
    expect(found?.missing).toContain('sub_event_type');
  });

  it('does not take a stray date_start with a few generic names for UCDP', () => {
    expect(recogniseLayout(['date_start', 'latitude', 'longitude'])).toBeNull();
  });

  it('reads a shapefile’s 10-character names as the columns they were cut from', () => {
    const found = recogniseLayout([
      'id',
      'date_start',
      'date_end',
      'type_of_vi',
      'source_art',
      'latitude',
    ]);
    expect(found?.layout.layout).toBe('ucdp');
    expect(found?.names.get('type_of_violence')).toBe('type_of_vi');
    expect(found?.names.get('source_article')).toBe('source_art');
    expect(found?.names.get('date_start')).toBe('date_start');
  });

  it('names the missing columns and what they cost, and the shortened names it read', () => {
    const found = recogniseLayout(['date_start', 'source_art', 'latitude', 'longitude', 'best'])!;
    const [missing, shortened] = describeMissingColumns(found);
    expect(missing?.message).toMatch(
      /^read as UCDP Georeferenced Event Dataset \(GED\) by the 5 of its 49 columns the file has; missing: id, relid, /,
    );
    expect(missing?.message).toContain(
      `without type_of_violence every event's type is "unspecified"; without id ids are made`,
    );
    expect(shortened?.message).toBe(
      'names shortened to 10 characters (as a shapefile stores them) were read as source_art = source_article',
    );
  });

  it('says nothing of a complete file', () => {
    expect(describeMissingColumns(recogniseLayout(['id', 'date', 'type'])!)).toEqual([]);
  });
});
