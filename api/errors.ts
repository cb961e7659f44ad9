import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';

/** An error with an HTTP status and a machine-readable code; the error middleware renders it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) => new HttpError(400, 'invalid-request', message, details);
export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not-found', message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new HttpError(409, code, message, details);

export function zodToHttpError(error: ZodError, where: 'body' | 'query' | 'params'): HttpError {
  const issues = error.issues.map((i) => ({ field: [where, ...i.path].join('.'), message: i.message }));
  return badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
}

export function errorMiddleware(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof ZodError) err = zodToHttpError(err, 'body');
    if (err?.type === 'entity.parse.failed') err = badRequest(`body: malformed JSON (${err.message})`);
    if (err?.type === 'entity.too.large') err = new HttpError(413, 'too-large', 'body: too large');
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.code, message: err.message, ...(err.details ?? {}) });
      return;
    }
    log('unhandled error', err);
    res.status(500).json({ error: 'internal', message: 'internal error; see the server log' });
  };
}
