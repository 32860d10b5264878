/**
 * A rule of mieruka's domain said no, in words a person can act on. Pipelines throw
 * these and know nothing of HTTP; the server's one error handler answers each kind
 * with its status, and the command line prints the message.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'not_found' | 'conflict' | 'invalid';

  constructor(
    readonly code: string,
    message: string,
    /** The input the message is about, for a form to point at. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** What was asked for does not exist (any more). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

/** The request is sound but the data's current state does not allow it (a stale decision, a move the status forbids). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The input itself is wrong; `field` names it. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';

  constructor(field: string, message: string, code = 'invalid') {
    super(code, message, field);
  }
}

/** The decision was made on a state of the theme that has changed since. */
export const staleDecision = () => new ConflictError('stale', '他の方が先にこのテーマを変更しました。画面を更新してください。');
