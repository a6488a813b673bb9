// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeFeature } from '../domain/test-factories';
import type { EngineMessage, EngineRequest } from './engine-host';
import { createEngineHandler } from './engine-host';
import type { LoadReply } from './engine-protocol';

/** Sends one request to a fresh handler and resolves with its answer. */
function ask(
  handle: (request: EngineRequest) => void,
  replies: Map<number, (value: unknown) => void>,
  request: EngineRequest,
) {
  return new Promise((resolve) => {
    replies.set(request.id, resolve);
    handle(request);
  });
}

function makeHandler(streamAboveBytes: number) {
  const replies = new Map<number, (value: unknown) => void>();
  const progress: number[] = [];
  const handle = createEngineHandler(
    (message: EngineMessage) => {
      if ('progress' in message) progress.push(message.progress);
      else if (message.ok) replies.get(message.id)?.(message.value);
      else replies.get(message.id)?.(new Error(message.message));
    },
    { streamAboveBytes },
  );
  return { handle, replies, progress };
}

const bad =
  '{ "type": "Feature", "geometry": null, "properties": { "date": "2025-13-01", "type": "ied", "n": 1e400 } }';
const text = `{"type":"FeatureCollection","features":[${JSON.stringify(makeFeature({ id: 'a' }))},\n${bad}\n]}`;

describe.each([
  ['read whole', Infinity],
  ['streamed', 0],
])('Loading a file %s', (_, streamAboveBytes) => {
  it('loads the valid features and hands back the rejected one exactly as written', async () => {
    const { handle, replies, progress } = makeHandler(streamAboveBytes);
    const file = new Blob([text], { type: 'application/geo+json' });
    const reply = (await ask(handle, replies, {
      type: 'load',
      id: 1,
      request: {
        datasetId: 'd1',
        source: { kind: 'file', file, name: 'big.geojson' },
        mode: 'replace',
        options: {},
      },
    })) as LoadReply;
    expect(reply).toMatchObject({ status: 'loaded', dataset: { loaded: 1, rejectedCount: 1 } });
    const rejected = (await ask(handle, replies, { type: 'rejected', id: 2, datasetId: 'd1' })) as {
      text: string;
    };
    expect(rejected.text).toContain(bad);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('says clearly when the file is cut short', async () => {
    const { handle, replies } = makeHandler(streamAboveBytes);
    const file = new Blob([text.slice(0, -10)]);
    const reply = (await ask(handle, replies, {
      type: 'load',
      id: 1,
      request: {
        datasetId: 'd1',
        source: { kind: 'file', file, name: 'cut.geojson' },
        mode: 'replace',
        options: {},
      },
    })) as LoadReply;
    expect(reply).toMatchObject({ status: 'failed' });
    expect((reply as { message: string }).message).toMatch(/^cut\.geojson: /);
  });
});
