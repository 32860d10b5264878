/**
 * An upload's bytes handed over to ingest, to be taken once: after decoding a large file
 * ingest then holds only its text, not the bytes too (212 MB at a million rows).
 */
export class HandedBytes {
  private bytes: Uint8Array | null;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  take(): Uint8Array {
    const { bytes } = this;
    if (!bytes) throw new Error('HandedBytes are taken once');
    this.bytes = null;
    return bytes;
  }
}

/** What ingest accepts: bytes the caller keeps, or bytes handed over. */
export type UploadBytes = Uint8Array | HandedBytes;

export function takeBytes(upload: UploadBytes): Uint8Array {
  return upload instanceof HandedBytes ? upload.take() : upload;
}
