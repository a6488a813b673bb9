// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DayOrder } from '../domain/incident-date';
import { EngineClient } from './engine-client';
import type { LoadOptions, LoadRequest } from './engine-protocol';
import { createInlineHost } from './inline-host';

const CSV = ['when,what', '03/04/2025,shelling'].join('\n');

/** A request to load the CSV above with these options, as the page would send it. */
function loadWith(options: LoadOptions): LoadRequest {
  return {
    datasetId: 'd1',
    source: { kind: 'text', text: CSV, name: 'x.csv' },
    mode: 'replace',
    options,
  };
}

describe('A load reaching the engine', () => {
  it('is refused, saying why, when its day order is not one of the allowed ones', async () => {
    const client = new EngineClient(createInlineHost);
    const reply = await client.load(loadWith({ dayOrder: 'evil' as DayOrder }));
    expect(reply).toEqual({
      status: 'failed',
      message: 'x.csv: cannot load with these options: dayOrder "evil" is not one of dmy, mdy.',
      failure: {
        name: 'x.csv',
        reason: {
          key: 'loadRefusal:options',
          values: { detail: 'dayOrder "evil" is not one of dmy, mdy' },
        },
      },
    });
    client.dispose();
  });

  it('is refused when its mapping names a column with something other than text', async () => {
    const client = new EngineClient(createInlineHost);
    const mapping = {
      date: 'when',
      type: 5,
    } as unknown as LoadOptions['mapping'];
    const reply = await client.load(loadWith({ mapping }));
    expect(reply).toEqual({
      status: 'failed',
      message: 'x.csv: cannot load with these options: mapping.type is 5, not a column name.',
      failure: {
        name: 'x.csv',
        reason: {
          key: 'loadRefusal:options',
          values: { detail: 'mapping.type is 5, not a column name' },
        },
      },
    });
    client.dispose();
  });

  it('loads with a mapping and an allowed day order', async () => {
    const client = new EngineClient(createInlineHost);
    const reply = await client.load(
      loadWith({ mapping: { date: 'when', type: 'what' }, dayOrder: 'dmy' }),
    );
    expect(reply.status === 'loaded' && reply.summary.dayExtent).toEqual({
      from: '2025-04-03',
      to: '2025-04-03',
    });
    client.dispose();
  });
});
