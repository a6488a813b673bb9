/**
 * The files of an open dataset package, each read by HTTP range requests. Paths come from the
 * manifest, which is untrusted: a path must stay inside the manifest's folder, so a package
 * cannot make the page read from another place.
 */
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { asyncBufferFromUrl, parquetMetadataAsync } from 'hyparquet';

/** The footer a Parquet file's metadata is first read from (the rest, if any, comes after). */
const FOOTER_BYTES = 64 * 1024;

export class PackageFiles {
  private readonly folder: URL;
  private readonly metadata = new Map<string, Promise<FileMetaData>>();

  /** `manifestUrl`: the absolute URL of the package's manifest.json. */
  constructor(readonly manifestUrl: string) {
    this.folder = new URL('.', manifestUrl);
  }

  /** The absolute URL of a file of the package; throws for a path that leaves its folder. */
  url(path: string): string {
    const url = new URL(path, this.folder);
    if (url.origin !== this.folder.origin || !url.pathname.startsWith(this.folder.pathname)) {
      throw new Error(
        `The package names a file outside its folder (${path}): only files beside its manifest.json are read.`,
      );
    }
    return url.href;
  }

  /** A Parquet file of `bytes` bytes as hyparquet reads it: each slice one range request. */
  parquet(path: string, bytes: number): AsyncBuffer {
    const url = this.url(path);
    let buffer: Promise<AsyncBuffer> | null = null;
    return {
      byteLength: bytes,
      slice: async (start, end) => {
        buffer ??= asyncBufferFromUrl({ url, byteLength: bytes });
        return (await buffer).slice(start, end);
      },
    };
  }

  /** The metadata of a Parquet file, read once from its footer. */
  parquetMetadata(path: string, file: AsyncBuffer): Promise<FileMetaData> {
    let metadata = this.metadata.get(path);
    if (!metadata) {
      // Never the whole file: a small file's footer is read from its second half.
      const initialFetchSize = Math.min(FOOTER_BYTES, Math.floor(file.byteLength / 2));
      metadata = parquetMetadataAsync(file, { initialFetchSize });
      this.metadata.set(path, metadata);
      metadata.catch(() => this.metadata.delete(path));
    }
    return metadata;
  }
}
