/** Fetches an Arrow IPC table and decodes it once, into plain rows; apache-arrow loads only when needed. */
export async function fetchArrowRows<T>(path: string): Promise<T[]> {
  const [{ tableFromIPC }, res] = await Promise.all([import('apache-arrow'), fetch(path, { credentials: 'same-origin' })]);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer()))
    .toArray()
    .map((row) => row.toJSON() as T);
}
