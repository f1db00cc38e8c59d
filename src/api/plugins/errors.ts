// One place that turns failures into application/problem+json (RFC 9457) with the request id.
// Domain codes map to statuses in one table; unknown errors are logged and answered plainly.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode, type FieldIssue } from '../../core/shared/errors.ts';
import { unsafeTextIssues } from '../../core/shared/text-safety.ts';

const STATUS: Record<DomainErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 409,
  limit_exceeded: 403,
};

export function problem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  body: {
    title: string;
    code: string;
    detail?: string;
    issues?: FieldIssue[];
    [k: string]: unknown;
  },
) {
  return reply
    .status(status)
    .header('x-request-id', request.id)
    .type('application/problem+json')
    .send({
      type: `https://redress.dev/problems/${body.code}`,
      status,
      requestId: request.id,
      ...body,
    });
}

const NETWORK_DOWN = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'];
// node-postgres reports a lost or refused connection in words, without a code.
const DOWN_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down|in recovery mode)/;

/**
 * PostgreSQL is unreachable or restarting: SQLSTATE class 08 (connection exception) or 57
 * (operator intervention: admin shutdown 57P01, crash shutdown 57P02, cannot connect now 57P03),
 * a refused, reset or missing socket, or pg's own wording. The cause chain and an AggregateError's
 * errors (one per address tried) are searched too.
 */
export function isDatabaseDown(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== 'object' || depth > 4) return false;
  const e = err as {
    code?: unknown;
    syscall?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^(08|57)[0-9A-Z]{3}$/.test(code) || NETWORK_DOWN.includes(code)) return true;
  // Any failure to open the socket, e.g. ENOENT when the server's Unix socket file is gone.
  if (e.syscall === 'connect') return true;
  if (typeof e.message === 'string' && DOWN_MESSAGE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseDown(inner, depth + 1)))
    return true;
  return isDatabaseDown(e.cause, depth + 1);
}

export function registerErrorHandling(app: FastifyInstance): void {
  // Text PostgreSQL cannot store is refused before any handler runs, whatever the route.
  app.addHook('preHandler', async (request) => {
    const issues = [
      ...unsafeTextIssues(request.body, 'body'),
      ...unsafeTextIssues(request.params, 'params'),
      ...unsafeTextIssues(request.query, 'query'),
    ];
    if (issues.length > 0)
      throw new DomainError('validation', 'Some fields are not valid.', issues);
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof DomainError) {
      return problem(reply, request, STATUS[err.code], {
        title: err.message,
        code: err.code,
        issues: err.issues,
        ...err.details,
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = err.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Invalid value.',
      }));
      return problem(reply, request, 422, {
        title: 'Some fields are not valid.',
        code: 'validation',
        issues,
      });
    }
    // Safety nets for values PostgreSQL refuses that validation let through: data errors
    // (class 22, e.g. a number out of range) are the caller's input; integrity errors (class 23)
    // are a conflict with what is stored. Neither is a server fault.
    // The driver's error may arrive wrapped by the query builder (as its cause).
    const cause = (err as { cause?: { code?: unknown } }).cause;
    const sqlState = String((err as { code?: unknown }).code ?? cause?.code ?? '');
    if (/^22[0-9A-Z]{3}$/.test(sqlState)) {
      return problem(reply, request, 422, {
        title: 'A value is outside what can be stored.',
        code: 'validation',
      });
    }
    if (/^23[0-9A-Z]{3}$/.test(sqlState)) {
      return problem(reply, request, 409, {
        title: 'This conflicts with something already stored.',
        code: 'conflict',
      });
    }
    if (isDatabaseDown(err)) {
      void reply.header('Retry-After', '5');
      return problem(reply, request, 503, {
        title: 'The database is unavailable; try again shortly.',
        code: 'unavailable',
      });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: bad JSON, body too large, wrong content type.
      return problem(reply, request, status, {
        title: err.message,
        code: err.code ?? 'bad_request',
      });
    }
    request.log.error({ err }, 'unhandled error');
    return problem(reply, request, 500, {
      title: 'Something went wrong on our side.',
      code: 'internal',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    problem(reply, request, 404, {
      title: `No route ${request.method} ${request.url.split('?')[0]}`,
      code: 'not_found',
    }),
  );
}
