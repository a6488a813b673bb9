// @vitest-environment node
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteIndex } from '../engine/analyst-notes';
import { openPackage } from './open-package';

/** Paths to bodies; any other path answers 404. */
const BODIES: Record<string, string> = {
  '/text/manifest.json': 'This is a page about a package, not its manifest.',
};
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = BODIES[request.url ?? ''];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'Content-Type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** No package opens here, so the host's border and notes are never asked for. */
const HOST = { border: () => null, notes: () => new NoteIndex() };

async function failureOf(path: string) {
  const url = `${base}${path}`;
  const opened = await openPackage({ kind: 'package', url, name: 'gdelt' }, 'd1', HOST, () => {});
  if (!('status' in opened)) throw new Error('the package opened');
  return opened;
}

describe('Opening a package that cannot be opened', () => {
  it('sends the server’s refusal as its own message inside the package’s, so both are translated', async () => {
    const failed = await failureOf('/missing/manifest.json');
    expect(failed.message).toBe(
      'Could not open the package gdelt: Could not load gdelt: the server answered 404 Not Found.',
    );
    expect(failed.failure?.reason).toEqual({
      key: 'loadRefusal:package.other',
      values: {
        name: 'gdelt',
        reason: { key: 'fileError:httpError', values: { name: 'gdelt', status: '404 Not Found' } },
      },
    });
  });

  it('says a manifest that is not JSON is not one', async () => {
    const failed = await failureOf('/text/manifest.json');
    expect(failed.message).toBe(
      'Could not open the package gdelt: its manifest is not JSON. Open the manifest.json of a package.',
    );
    expect(failed.failure?.reason.key).toBe('loadRefusal:package.notJson');
  });
});
