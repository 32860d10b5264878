import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error.ts';

/** The largest request bodies read, by route: a sign-in, the council's settings, any other JSON. */
export const SIGN_IN_BODY_MAX = 8 * 1024;
export const SETTINGS_BODY_MAX = 1024 * 1024;
export const JSON_BODY_MAX = 64 * 1024;
/** What a multipart upload adds around its file (boundaries, headers, the other fields). */
export const MULTIPART_SLACK = 64 * 1024;

const KIB = 1024;

/**
 * Hono's bodyLimit, answering in Japanese: refused at once when the declared length is too
 * large, and counted while the body streams when none is declared, so that a body too large
 * is never read whole.
 */
export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      const size = maxSize >= KIB * KIB ? `${Math.round(maxSize / KIB / KIB)} MB` : `${Math.round(maxSize / KIB)} KB`;
      throw new ApiError(413, 'too_large', `送られたデータが大きすぎます（${size} まで）。`);
    },
  });
}
