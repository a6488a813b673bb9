// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS } from '../domain/display-text';
import { makeCollection, makeFeature } from '../domain/test-factories';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';
import type { LoadRequest } from './engine-protocol';
import { IncidentEngine } from './incident-engine';

function request(name: string, mode: LoadRequest['mode'] = 'replace'): LoadRequest {
  return {
    datasetId: name,
    source: { kind: 'text', text: '', name },
    mode,
    options: {},
  };
}

function load(engine: IncidentEngine, features: unknown[], name = 'test.geojson') {
  return engine.load(JSON.stringify(makeCollection(features)), request(name, 'add'));
}

describe('What the engine hands the page of hostile text', () => {
  it('keeps a type and an id of megabytes clipped, and finds the incident by its clipped id', () => {
    const engine = new IncidentEngine();
    const type = 't'.repeat(20_000_000);
    const id = 'i'.repeat(20_000_000);
    const reply = load(engine, [makeFeature({ id, type })]);
    if (reply.status !== 'loaded') throw new Error(reply.status);
    const [code] = reply.summary.typeCodes;
    expect(code!.length).toBeLessThan(MAX_NAME_CHARS + 40);
    expect(code).toContain('(19,999,800 more characters)');
    const { typeCounts } = engine.query(EMPTY_ENGINE_FILTER);
    expect(typeCounts).toEqual([{ code, count: 1 }]);
    const details = engine.feature(0)!;
    expect(details.key.length).toBeLessThan(MAX_NAME_CHARS + 40);
    expect(engine.findRow(details.key)).toBe(0);
  });

  it('refuses more types than it can tell apart in words, with no internal key, keeping what was shown', () => {
    const engine = new IncidentEngine();
    load(engine, [makeFeature({ id: 'kept' })], 'shown.geojson');
    const many = Array.from({ length: 65_537 }, (_, n) =>
      makeFeature({ id: `T-${n}`, type: `t${n}` }),
    );
    // With the shown file's one type, the 65,536th of this file is one too many.
    const reply = load(engine, many, 'many-types.geojson');
    expect(reply.status).toBe('failed');
    const message = reply.status === 'failed' ? reply.message : '';
    expect(message).toBe(
      'many-types.geojson brings more than 65,536 incident types (each file’s counted apart), ' +
        'more than the map and filters can tell apart: type "t65535" of incident "T-65535" is one ' +
        'too many. Group the types into fewer codes, or split the file.',
    );
    expect(message).not.toContain('\u0000');
    // The reader gets the same refusal in their language: its words and the data it names.
    expect(reply.status === 'failed' && reply.failure).toEqual({
      reason: {
        key: 'loadRefusal:tooManyTypes',
        values: { dataset: 'many-types.geojson', max: 65_536, type: 't65535', incident: 'T-65535' },
      },
    });
    expect(engine.summarise().total).toBe(1);
  });

  it('reports the first 500 warnings of a file and how many there were', () => {
    const engine = new IncidentEngine();
    const pairs = Array.from({ length: 2_000 }, (_, n) => makeFeature({ id: `dup-${n >> 1}` }));
    const reply = load(engine, pairs);
    if (reply.status !== 'loaded') throw new Error(reply.status);
    expect(reply.dataset.warnings).toHaveLength(500);
    expect(reply.dataset.warningCount).toBe(1_000);
  });
});
