/**
 * A `pmtiles` Source over a local file, read by range through a Node file handle: what the
 * tests and the benchmark use to read an archive back as a browser reads it over HTTP.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { RangeResponse, Source } from 'pmtiles';

export class NodeFileSource implements Source {
  /** Number of range reads made, and their bytes: what a client over HTTP would request. */
  requests = 0;
  bytesRead = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
  ) {}

  static async open(path: string): Promise<NodeFileSource> {
    return new NodeFileSource(await open(path, 'r'), path);
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const data = new Uint8Array(length);
    const { bytesRead } = await this.handle.read(data, 0, length, offset);
    this.requests += 1;
    this.bytesRead += bytesRead;
    return { data: data.buffer.slice(0, bytesRead) };
  }

  getKey(): string {
    return this.path;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
