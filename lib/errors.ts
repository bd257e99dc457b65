/** Expected failures, each with a code the UI and API map to a message and a status. */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'precondition_failed'
  | 'idempotency_key_reused'
  | 'rate_limited';

export const httpStatus: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  precondition_failed: 412,
  // The IETF Idempotency-Key draft's answer to a key reused for a different request.
  idempotency_key_reused: 422,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    /** A key under `errors.` in messages/*.json: what the user is shown. */
    public readonly messageKey: string = code,
    /** For the log only; never shown. */
    internal?: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(internal ?? messageKey);
    this.name = 'AppError';
  }
}

export const forbidden = (internal?: string) => new AppError('forbidden', 'forbidden', internal);
export const notFound = (internal?: string) => new AppError('not_found', 'notFound', internal);
export const conflict = (internal?: string, details?: Record<string, unknown>) =>
  new AppError('conflict', 'conflict', internal, details);
