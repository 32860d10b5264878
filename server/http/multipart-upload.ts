import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';

/** A multipart form's one file and its other fields, as the upload routes read them. */
export interface MultipartUpload {
  /** The form's `file`, or null when the request carries none. */
  file: { name: string; bytes: Uint8Array } | null;
  fields: ReadonlyMap<string, string>;
}

/** Short fields only (pii, sheet, a column mapping): a form's file is its only large part. */
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 64 * 1024;
/** Starting size of the file's buffer when the request does not say how long it is. */
const UNKNOWN_LENGTH_START = 1024 * 1024;

/**
 * Reads a multipart form as it streams in (busboy), copying the file's bytes once into a
 * buffer sized from Content-Length: buffering the form whole and then copying the file out
 * of it held a 200,000-row upload in memory twice. A file over `limit` rejects with
 * `tooLarge()`; a request that is not a readable form gives no file.
 */
export function readMultipartUpload(request: Request, limit: number, tooLarge: () => Error): Promise<MultipartUpload> {
  const fields = new Map<string, string>();
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) return Promise.resolve({ file: null, fields });
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send a Japanese file name as UTF-8.
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: limit, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
    });
  } catch {
    return Promise.resolve({ file: null, fields });
  }
  const declared = Math.min(limit, Number(request.headers.get('content-length')) || 0);
  return new Promise((resolve, reject) => {
    let file: MultipartUpload['file'] = null;
    parser.on('field', (name, value) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      const sink = new ByteSink(declared || UNKNOWN_LENGTH_START);
      stream.on('data', (chunk: Buffer) => sink.push(chunk));
      stream.on('limit', () => reject(tooLarge()));
      stream.on('end', () => {
        file = { name: info.filename ?? '', bytes: sink.bytes() };
      });
    });
    parser.on('close', () => resolve({ file, fields }));
    parser.on('error', () => resolve({ file: null, fields }));
    Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
      .on('error', () => resolve({ file: null, fields }))
      .pipe(parser);
  });
}

/** Bytes gathered into one buffer, grown by doubling only when the sender did not say the length. */
class ByteSink {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + chunk.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
