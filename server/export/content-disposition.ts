/** Characters Windows refuses in a file name, and control characters: replaced so the saved file keeps its name. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
/** What RFC 5987's attr-char leaves out but encodeURIComponent lets through. */
const NOT_ATTR_CHAR = /['()*!]/g;

/**
 * An attachment's Content-Disposition for a Japanese file name (RFC 6266 with RFC 5987's
 * `filename*`): browsers save it under `filename*`; `fallback`, plain ASCII, is for the
 * few clients that read only `filename`.
 */
export function attachment(fileName: string, fallback: string): string {
  const safe = fileName.replace(UNSAFE_IN_FILE_NAME, '_');
  const encoded = encodeURIComponent(safe).replace(NOT_ATTR_CHAR, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
