// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { transferablesOf } from './transferables';

describe('The buffers a reply hands over', () => {
  it('are those of every typed array in it, however deep', () => {
    const rows = new Uint32Array(3);
    const byType = new Int32Array(4);
    const data = new ArrayBuffer(8);
    const reply = { rows, timeline: { byType }, tiles: [{ data }], count: 3, name: 'a' };
    expect(transferablesOf(reply)).toEqual([rows.buffer, byType.buffer, data]);
  });

  it('name a buffer once when two views share it', () => {
    const buffer = new ArrayBuffer(16);
    const reply = { a: new Uint8Array(buffer), b: new Float32Array(buffer) };
    expect(transferablesOf(reply)).toEqual([buffer]);
  });

  it('leave out Blobs, which cross by reference, and what is not a plain object', () => {
    class Holder {
      array = new Uint8Array(2);
    }
    const reply = { blob: new Blob(['x']), holder: new Holder(), day: new Date(0) };
    expect(transferablesOf(reply)).toEqual([]);
  });

  it('leave out a shared buffer, which is shared rather than handed over', () => {
    expect(transferablesOf({ shared: new Int32Array(new SharedArrayBuffer(8)) })).toEqual([]);
  });

  it('are none for a reply without arrays', () => {
    expect(transferablesOf(null)).toEqual([]);
    expect(transferablesOf(-1)).toEqual([]);
    expect(transferablesOf({ rows: [{ row: 1, day: '2025-10-12' }] })).toEqual([]);
  });
});
