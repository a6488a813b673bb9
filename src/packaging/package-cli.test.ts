// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./package-cli.ts', import.meta.url));
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'package-cli-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run package', () => {
  it('packages a small file and ends with a summary line', () => {
    const input = join(folder, 'small.csv');
    writeFileSync(
      input,
      'id,date,type,longitude,latitude\nA1,2025-10-12,armed_clash,71.1,34.1\nA2,2025-11-02,airstrike,70.2,33.5\nA3,bad,airstrike,70.2,33.5\n',
    );
    const { code, out } = runCli(input, '--out', join(folder, 'small'));
    expect(code).toBe(0);
    expect(out).toMatch(/packaged 2 incidents \(2 located, 1 rejected\)/);
    expect(existsSync(join(folder, 'small', 'manifest.json'))).toBe(true);
  }, 30_000);

  it('refuses a missing --out with the usage and exit code 2', () => {
    const { code, err } = runCli(join(folder, 'small.csv'));
    expect(code).toBe(2);
    expect(err).toMatch(/--out <directory> is required/);
    expect(err).toMatch(/usage: npm run package -- <input file> --out <directory>/);
  }, 30_000);

  it('names a file that does not exist', () => {
    const { code, err } = runCli(join(folder, 'nothing.csv'), '--out', join(folder, 'x'));
    expect(code).toBe(2);
    expect(err).toContain(`no such file: "${join(folder, 'nothing.csv')}"`);
  }, 30_000);

  it('fails with the importer reason for a file that is not incident data', () => {
    const input = join(folder, 'page.html');
    writeFileSync(input, '<!doctype html><html><body>Not found</body></html>');
    const { code, err } = runCli(input, '--out', join(folder, 'page'));
    expect(code).toBe(1);
    expect(err).toMatch(/The file is an HTML page, not data this app reads/);
  }, 30_000);

  it('says what to do with a table whose layout it does not know', () => {
    const input = join(folder, 'unknown.csv');
    writeFileSync(input, 'when,what,x,y\n2025-10-12,clash,71.1,34.1\n');
    const { code, err } = runCli(input, '--out', join(folder, 'unknown'));
    expect(code).toBe(1);
    expect(err).toMatch(/rename the columns \(found: when, what, x, y\)/);
  }, 30_000);
});
