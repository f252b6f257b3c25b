import { ERRORS, type ErrorCode, type FieldError } from '@honglin/shared';

/**
 * The one error type of the server. Services throw it with a stable code; the global filter turns
 * it into `{code, message, fields?, requestId}` with the code's HTTP status.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    message?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }

  static notFound(): AppError {
    return new AppError('NOT_FOUND');
  }
}
