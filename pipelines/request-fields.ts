/** A field of a request body, read only when the body itself has it (never an inherited key such as `__proto__`). */
export function bodyField(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object' && Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

/** A string with something in it, trimmed; null for an empty string or anything that is not a string. */
export function filledText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
