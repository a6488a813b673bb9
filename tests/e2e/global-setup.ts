import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Root URL of the built app served by `vite preview`, with a trailing slash. */
    baseURL: string;
    /** Absolute path of the folder that build is in (what `vite preview` serves). */
    builtDir: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const viteBin = 'node_modules/vite/bin/vite.js';
/** Built apart from dist/, so a test run never swaps files under someone's `vite preview`. */
const outDir = 'test-results/e2e-dist';
/**
 * Vitest sets NODE_ENV=test, which would make `vite build` bundle React's development build (and
 * StrictMode's double effects). The tests are about the production build. Plain-text output keeps
 * a failed build readable inside the test report.
 */
const childEnv = { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Builds the app, serves it with `vite preview` and hands its URL to the e2e tests. */
export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  const started = performance.now();
  await run(process.execPath, [viteBin, 'build', '--outDir', outDir, '--logLevel', 'warn']);
  const built = performance.now();

  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  // Spawned as `node vite.js`, never through npx: killing an npx wrapper leaves vite running.
  const server = spawn(
    process.execPath,
    [
      viteBin,
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collectOutput(server);
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilServing(url, server, output);
  } catch (error) {
    await stop(server);
    throw error;
  }
  const ready = performance.now();
  console.log(
    `e2e: vite build ${seconds(built - started)}, preview ready ${seconds(ready - built)} at ${url}`,
  );
  provide('baseURL', url);
  provide('builtDir', join(root, outDir));

  return async () => {
    process.off('exit', killOnExit);
    await stop(server);
  };
}

function assertChromium(): void {
  if (existsSync(chromiumPath)) return;
  // The README promises that `npm test` runs the whole suite, so a missing browser fails
  // locally as well as in CI rather than skipping the end-to-end tests.
  throw new Error(
    `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium ` +
      'fonts-dejavu-core` (Debian), or set CHROMIUM_PATH to a Chromium or Chrome executable. ' +
      'The end-to-end tests drive a real browser (playwright-core cannot download one here).' +
      (process.env.CI ? '' : ' To run only the unit tests: `npm run test:unit`.'),
  );
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `\`vite ${args[1]}\` failed (${signal ?? `exit ${code}`}):\n${output.join('')}`,
          ),
        );
    });
  });
}

function collectOutput(child: ChildProcess): string[] {
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return chunks;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, server: ChildProcess, output: string[]) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`vite preview exited before serving ${url}:\n${output.join('')}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s:\n${output.join('')}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
