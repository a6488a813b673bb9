// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncidentFileError } from '../parse-incidents';
import { makeCollection, makeFeature } from '../test-factories';
import { importIncidents, importStreamedCollection } from './import-incidents';
import { readFeatureCollectionStream } from './stream-feature-collection';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/import/', import.meta.url));
const manifest = JSON.parse(readFileSync(fixtures + 'manifest.json', 'utf8')) as {
  fixtures: Array<{ file: string; options?: Record<string, unknown> }>;
};

/** The bytes as a stream of chunks of the given size. */
async function* chunked(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function importStreamed(bytes: Uint8Array, chunkSize: number) {
  const collection = await readFeatureCollectionStream(chunked(bytes, chunkSize));
  return importStreamedCollection(collection);
}

/** What a load is made of, compared between the two ways of reading. */
function shape(outcome: ReturnType<typeof importIncidents>) {
  if (outcome.status !== 'loaded') return outcome.status;
  const { incidents, rejected, warnings } = outcome.set;
  return {
    incidents: incidents.map((i) => [i.index, i.key, i.day, i.type, i.lon, i.lat]),
    rejected: rejected.map((r) => [r.index, r.id, r.reason]),
    warnings: warnings.map((w) => w.code),
  };
}

describe('Streaming a FeatureCollection', () => {
  const collections = [
    ...new Set(manifest.fixtures.filter((f) => !f.options).map((f) => f.file)),
  ].filter((file) => {
    const bytes = readFileSync(fixtures + file);
    try {
      return (
        importIncidents(bytes).status === 'loaded' &&
        bytes[0] === 0x7b &&
        /"FeatureCollection"/.test(bytes.toString('utf8', 0, 4096))
      );
    } catch {
      return false;
    }
  });

  it('finds FeatureCollection fixtures to compare', () => {
    expect(collections.length).toBeGreaterThan(10);
  });

  it.each(collections)(
    'loads %s exactly as reading it whole does, in any chunk size',
    async (file) => {
      const bytes = new Uint8Array(readFileSync(fixtures + file));
      const whole = shape(importIncidents(bytes));
      for (const size of [1, 7, 4096]) {
        expect(shape((await importStreamed(bytes, size)).outcome)).toEqual(whole);
      }
    },
  );

  it('gives each rejected feature its exact byte span, across chunk boundaries', async () => {
    const bad =
      '{ "type": "Feature", "geometry": null, "properties": { "date": "2025-02-30", "type": "ied", "é": "ü" } }';
    const good = JSON.stringify(makeFeature({ place: 'Spīn Boldak' }));
    const text = `{"metadata":{"x":[1,{"features":[]}]},"type":"FeatureCollection","features":[${good},\n  ${bad}\n]}`;
    const bytes = new TextEncoder().encode(text);
    const { outcome, spans } = await importStreamed(bytes, 5);
    if (outcome.status !== 'loaded') throw new Error('expected a load');
    expect(outcome.set.incidents).toHaveLength(1);
    const [start, end] = spans.get(1)!;
    expect(new TextDecoder().decode(bytes.subarray(start, end))).toBe(bad);
    expect(outcome.set.collectionMembers).toEqual({ metadata: { x: [1, { features: [] }] } });
  });

  it('rejects a feature whose text is not JSON and keeps the others', async () => {
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify(makeFeature())},{"type":"Feature",,}]}`;
    const { outcome } = await importStreamed(new TextEncoder().encode(text), 3);
    if (outcome.status !== 'loaded') throw new Error('expected a load');
    expect(outcome.set.incidents).toHaveLength(1);
    expect(outcome.set.rejected[0]?.reason).toMatch(/^not valid JSON/);
  });

  it('refuses a truncated file, trailing text and a non-object', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    await expect(
      readFeatureCollectionStream(chunked(encode('{"type":"FeatureCollection","features":[{}'), 4)),
    ).rejects.toThrow(IncidentFileError);
    await expect(
      readFeatureCollectionStream(chunked(encode('{"features":[]} x'), 4)),
    ).rejects.toThrow(/more text/);
    await expect(readFeatureCollectionStream(chunked(encode('[1]'), 4))).rejects.toThrow(
      /does not start with/,
    );
  });

  it('refuses a complete object that is not a FeatureCollection', async () => {
    const collection = await readFeatureCollectionStream(
      chunked(new TextEncoder().encode('{"type":"Feature","features":[]}'), 4),
    );
    expect(() => importStreamedCollection(collection)).toThrow(
      'The file is not a GeoJSON FeatureCollection (got type "Feature").',
    );
  });

  it('agrees with reading whole for any collection and chunking', async () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('"', '\\', '{}[],:', 'ü€𝄞', '\\"]}'));
    const feature = fc.record({
      date: fc.constantFrom('2025-10-12', '2025-02-30', 'x'),
      type: fc.oneof(fc.constantFrom('ied', 'airstrike'), text),
      note: text,
      nested: fc.array(fc.oneof(text, fc.integer(), fc.constant(null)), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(feature, { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        async (props, size) => {
          const bytes = new TextEncoder().encode(
            JSON.stringify(
              makeCollection(
                props.map((p) => makeFeature(p)),
                { metadata: { n: props.length } },
              ),
              null,
              1,
            ),
          );
          const whole = shape(importIncidents(bytes));
          expect(shape((await importStreamed(bytes, size)).outcome)).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });
});
