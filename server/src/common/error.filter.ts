import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ERRORS, type ErrorBody, type ErrorCode } from '@honglin/shared';
import { AppError } from './app-error.js';
import type { JsonLogger } from './logger.js';
import type { AppRequest } from './request-context.js';

/** Maps every error to `{code, message, fields?, requestId}`. Anything unexpected is logged and becomes INTERNAL. */
@Catch()
export class GlobalErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<AppRequest>();
    const { status, body } = toErrorResponse(exception, this.logger, req);
    if (res.headersSent) return;
    res.status(status).json({ ...body, requestId: req?.id });
  }
}

export function toErrorResponse(exception: unknown, logger: JsonLogger, req?: AppRequest): { status: number; body: ErrorBody } {
  if (exception instanceof AppError) {
    return { status: exception.status, body: { code: exception.code, message: exception.message, fields: exception.fields } };
  }
  const code = classify(exception);
  if (code === 'INTERNAL') {
    logger.event('error', 'unhandled error', { reqId: req?.id, method: req?.method, path: req?.path, error: exception });
  }
  return { status: ERRORS[code].status, body: { code, message: ERRORS[code].message } };
}

/** Errors raised by Nest, Express and body-parser before our code runs. */
function classify(exception: unknown): ErrorCode {
  const e = exception as { type?: string; status?: number; statusCode?: number };
  if (e?.type === 'entity.parse.failed' || e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return 'MALFORMED_REQUEST';
  if (e?.type === 'entity.too.large') return 'PAYLOAD_TOO_LARGE';
  const status = exception instanceof HttpException ? exception.getStatus() : (e?.status ?? e?.statusCode);
  switch (status) {
    case 400:
      return 'MALFORMED_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 405:
      return 'ROUTE_NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL';
  }
}
