import { describe, expect, it } from 'vitest';
import { readMultipartUpload } from '../server/http/multipart-upload.ts';

const URL_ = 'http://localhost/api/uploads';
const tooLarge = () => new Error('too large');

function form(content: Uint8Array<ArrayBuffer>, name = '木更津市_事例.csv'): FormData {
  const data = new FormData();
  data.set('pii', 'reject');
  data.set('file', new File([content], name, { type: 'text/csv' }));
  data.set('sheet', '事例');
  return data;
}

/** The request as a browser sends it: the form's bytes with their length. */
async function sized(data: FormData): Promise<Request> {
  const encoded = new Response(data);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers = { 'content-type': encoded.headers.get('content-type') ?? '', 'content-length': String(body.length) };
  return new Request(URL_, { method: 'POST', body, headers });
}

const content = new TextEncoder().encode('記録ID,会議日\nK-1,2024/04/12\n'.repeat(5000));

describe('readMultipartUpload', () => {
  it('gives the file under its Japanese name and the other fields, copied once into a buffer of the declared length', async () => {
    const request = await sized(form(content));
    const declared = Number(request.headers.get('content-length'));
    const upload = await readMultipartUpload(request, 10 * content.length, tooLarge);
    expect(upload.file?.name).toBe('木更津市_事例.csv');
    expect(upload.file?.bytes).toEqual(content);
    expect(upload.file?.bytes.buffer.byteLength).toBe(declared);
    expect([...upload.fields]).toEqual([
      ['pii', 'reject'],
      ['sheet', '事例'],
    ]);
  });

  it('grows its buffer when the length is not declared', async () => {
    const upload = await readMultipartUpload(new Request(URL_, { method: 'POST', body: form(content) }), 10 * content.length, tooLarge);
    expect(upload.file?.bytes).toEqual(content);
  });

  it('refuses a file over the limit as it streams in', async () => {
    const request = new Request(URL_, { method: 'POST', body: form(content) });
    await expect(readMultipartUpload(request, content.length - 1, tooLarge)).rejects.toThrow('too large');
  });

  it('gives no file for a body that is not a multipart form, or a form without one', async () => {
    const json = new Request(URL_, { method: 'POST', body: '{"file":"x"}', headers: { 'content-type': 'application/json' } });
    expect((await readMultipartUpload(json, 1000, tooLarge)).file).toBeNull();
    const fields = new FormData();
    fields.set('pii', 'mask');
    expect(await readMultipartUpload(new Request(URL_, { method: 'POST', body: fields }), 1000, tooLarge)).toEqual({ file: null, fields: new Map([['pii', 'mask']]) });
    const broken = new Request(URL_, { method: 'POST', body: '--x\r\nnonsense', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect((await readMultipartUpload(broken, 1000, tooLarge)).file).toBeNull();
  });
});
