import type { FileReply } from '../../workers/engine-protocol';

/** Hands the browser a file the engine made to save. */
export function downloadFile({ blob, fileName }: FileReply): void {
  downloadBlob(blob, fileName);
}

/** Hands the browser a file made in the page (a picture of the map) to save. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
