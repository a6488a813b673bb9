// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AnalystNote } from '../domain/notes/analyst-note';
import { makeCollection, makeFeature } from '../domain/test-factories';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';
import { IncidentEngine } from './incident-engine';

const ALL = EMPTY_ENGINE_FILTER;

function engineWith(name: string, ids: string[], engine = new IncidentEngine()) {
  const reply = engine.load(JSON.stringify(makeCollection(ids.map((id) => makeFeature({ id })))), {
    datasetId: name,
    source: { kind: 'text', text: '', name },
    mode: 'add',
    options: {},
  });
  if (reply.status !== 'loaded') throw new Error(`${name} did not load`);
  return engine;
}

const note = (dataset: string, incident: string, changes: Partial<AnalystNote> = {}) => ({
  dataset,
  incident,
  note: '',
  tags: ['verify'],
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...changes,
});

describe('Notes in the engine', () => {
  it('filter by tag the incidents of the dataset the note names, and no other', () => {
    const engine = engineWith('b.geojson', ['x', 'y'], engineWith('a.geojson', ['x', 'y']));
    engine.setNotes([note('a.geojson', 'y', { tags: ['verify', 'TTP'] }), note('b.geojson', 'x')]);
    expect(engine.query({ ...ALL, tags: ['TTP'] }).count).toBe(1);
    expect(engine.query({ ...ALL, tags: ['verify'] }).count).toBe(2);
    expect(engine.query({ ...ALL, tags: ['nobody-used-it'] }).count).toBe(0);
  });

  it('answer a changed note at once, though the same filter was asked before', () => {
    const engine = engineWith('a.geojson', ['x', 'y']);
    const tagged = { ...ALL, tags: ['verify'] };
    expect(engine.query(tagged).count).toBe(0);
    expect(engine.setNotes([note('a.geojson', 'x')])).toBe(1);
    expect(engine.query(tagged).count).toBe(1);
  });

  it('go into an export only when asked, on every feature, as analyst_note and analyst_tags', async () => {
    const engine = engineWith('a.geojson', ['x', 'y']);
    engine.setNotes([note('a.geojson', 'x', { note: 'Second source?\n<b>not markup</b>' })]);
    const plain = JSON.parse(await engine.export(ALL, 'geojson').blob.text());
    expect(plain.features[0].properties).not.toHaveProperty('analyst_note');
    const withNotes = JSON.parse(
      await engine.export(ALL, 'geojson', { analystNotes: true }).blob.text(),
    );
    expect(withNotes.features.map((f: { properties: object }) => f.properties)).toEqual([
      expect.objectContaining({
        analyst_note: 'Second source?\n<b>not markup</b>',
        analyst_tags: ['verify'],
      }),
      expect.objectContaining({ analyst_note: null, analyst_tags: [] }),
    ]);
  });

  it('add their two columns to a CSV export after the file’s own', async () => {
    const engine = new IncidentEngine();
    engine.load('id,date,type,longitude,latitude\r\nk1,2025-10-12,ied,70,34\r\n', {
      datasetId: 'c',
      source: { kind: 'text', text: '', name: 'rows.csv' },
      mode: 'replace',
      options: {},
    });
    engine.setNotes([note('rows.csv', 'k1', { note: 'Checked', tags: ['a', 'b'] })]);
    const csv = await engine.export(ALL, 'csv', { analystNotes: true }).blob.text();
    expect(csv).toBe(
      'id,date,type,longitude,latitude,analyst_note,analyst_tags\r\n' +
        'k1,2025-10-12,ied,70,34,Checked,"[""a"",""b""]"\r\n',
    );
  });
});
