/**
 * Opening a dataset package by the URL of its manifest.json: the manifest is read within limits
 * and checked as untrusted data (readPackageManifest), then the counts are read. Any failure is
 * the load's failed reply, with what was shown before left as it was.
 */
import { IncidentFileError } from '../../domain/import/file-error-words';
import { loadRefusal } from '../../domain/import/load-refusal-words';
import { DEFAULT_READ_LIMITS, ReadLimitError } from '../../domain/import/read-limits';
import type { Message, MessageValue } from '../../domain/message';
import { readPackageManifest } from '../../domain/package/package-manifest';
import type { LoadPhase, LoadReply, LoadSource } from '../engine-protocol';
import { fetchBody, readBody } from '../read-source';
import type { PackageHost } from './package-source';
import { PackageSource } from './package-source';

/** Far above any manifest's size (a few kB per month of rows): a larger one is not a manifest. */
const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;

/** The package source of a manifest URL, or why it could not be opened. */
export async function openPackage(
  source: Extract<LoadSource, { kind: 'package' }>,
  datasetId: string,
  host: PackageHost,
  onProgress: (fraction: number | null, phase: LoadPhase) => void,
): Promise<{ source: PackageSource } | Extract<LoadReply, { status: 'failed' }>> {
  const failed = (refusal: { sent: Message; text: string }) => ({
    status: 'failed' as const,
    message: refusal.text,
    failure: { reason: refusal.sent },
  });
  const name = source.name;
  let json: unknown;
  try {
    const limits = { ...DEFAULT_READ_LIMITS, maxBytes: MANIFEST_MAX_BYTES };
    const { chunks, size } = await fetchBody(
      { kind: 'url', url: source.url, name: source.name },
      limits,
    );
    const body = await readBody(chunks, size, Infinity, (f) => onProgress(f, 'reading'));
    json = JSON.parse(new TextDecoder().decode(body.bytes));
  } catch (error) {
    if (error instanceof SyntaxError) return failed(loadRefusal('package.notJson', { name }));
    return failed(loadRefusal('package.other', { name, reason: reasonOf(error) }));
  }
  try {
    const manifest = readPackageManifest(json);
    onProgress(null, 'parsing');
    return { source: await PackageSource.open(source.url, manifest, datasetId, host) };
  } catch (error) {
    // A manifest refused (PackageManifestError), a counts file that cannot be read…
    return failed(loadRefusal('package.other', { name, reason: reasonOf(error) }));
  }
}

/**
 * Why the read failed, as its message where the reader sent one (a read limit, an unreachable
 * link, an HTTP error), so it is worded in the page's language; else the error's English.
 */
function reasonOf(error: unknown): MessageValue {
  if (error instanceof ReadLimitError) return error.sent;
  if (error instanceof IncidentFileError && error.sent) return error.sent;
  return error instanceof Error ? error.message : String(error);
}
