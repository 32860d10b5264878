import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error the API answers with, as `{code, message, requestId}` (and `field` for bad input). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthorized = () => new ApiError(401, 'unauthorized', 'ログインしてください。');
export const forbidden = () => new ApiError(403, 'forbidden', 'この操作を行う権限がありません。');
export const invalid = (field: string, message: string) => new ApiError(400, 'invalid', message, field);
