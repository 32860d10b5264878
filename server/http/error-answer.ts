import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../shared/vocabulary.ts';
import { DomainError } from '../../pipelines/domain-error.ts';
import { ApiError } from './api-error.ts';

const STATUS_OF_KIND: Record<DomainError['kind'], ContentfulStatusCode> = {
  not_found: 404,
  conflict: 409,
  invalid: 400,
};

/**
 * The one place errors become HTTP answers: a domain rule's refusal by its kind, an HTTP
 * refusal as it is, anything else as a 500 that says only that something went wrong (its
 * cause goes to the log under the request's id, never to the person).
 */
export function errorAnswer(error: Error, requestId: string): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof DomainError) {
    return { status: STATUS_OF_KIND[error.kind], body: { code: error.code, message: error.message, requestId, ...(error.field ? { field: error.field } : {}) } };
  }
  if (error instanceof ApiError) {
    return { status: error.status, body: { code: error.code, message: error.message, requestId, ...(error.field ? { field: error.field } : {}) } };
  }
  if (error instanceof HTTPException) {
    return { status: error.status, body: { code: 'http_error', message: error.message || 'リクエストを処理できませんでした。', requestId } };
  }
  process.stderr.write(`[${requestId}] ${error.stack ?? String(error)}\n`);
  return { status: 500, body: { code: 'internal', message: 'サーバーで問題が起きました。時間をおいてもう一度お試しください。', requestId } };
}
