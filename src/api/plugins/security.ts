// Secure defaults for every answer and for the log. Pages set their own Content-Security-Policy
// (the web app, the portal, the complaint form); everything else — JSON, problems, files — gets
// one that loads nothing and may not be framed. Only the complaint form may be embedded in
// another site. The log never carries credentials, portal tokens, query values (searches hold
// names) or the parameters of a failed SQL statement (they hold customers' words).
import type { FastifyInstance, FastifyRequest } from 'fastify';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
/** Paths another site may show in a frame. */
const EMBEDDABLE = ['/complain'];

export function registerSecureHeaders(app: FastifyInstance, opts: { isHttps: boolean }): void {
  app.addHook('onSend', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isEmbeddable = EMBEDDABLE.includes(path);
    void reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('content-security-policy'))
      void reply.header('content-security-policy', API_CSP);
    if (!isEmbeddable && !reply.hasHeader('x-frame-options'))
      void reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('referrer-policy')) void reply.header('referrer-policy', 'no-referrer');
    void reply.header('cross-origin-opener-policy', 'same-origin');
    if (opts.isHttps) void reply.header('strict-transport-security', 'max-age=31536000');
  });
}

/** A request URL fit for the log: secrets in the path masked, query values dropped. */
export function loggableUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const safePath = path.replace(/^\/portal\/[^/]+/, '/portal/[token]');
  if (query === undefined) return safePath;
  const keys = [...new URLSearchParams(query).keys()];
  return `${safePath}?${keys.map((k) => `${encodeURIComponent(k)}=…`).join('&')}`;
}

/** An error fit for the log: a failed statement keeps its SQL but loses its parameters. */
export function loggableError(err: unknown) {
  const e = err as {
    name?: string;
    message?: string;
    code?: unknown;
    stack?: string;
    cause?: unknown;
  };
  const scrub = (s: string | undefined) =>
    (s ?? '').replace(/\nparams: [\s\S]*/, '\nparams: [hidden]');
  const cause = e.cause as { message?: string; code?: unknown } | undefined;
  return {
    type: e.name ?? 'Error',
    message: scrub(e.message),
    ...(e.code === undefined ? {} : { code: e.code }),
    stack: scrub(e.stack),
    ...(cause ? { cause: { message: scrub(cause.message), code: cause.code } } : {}),
  };
}

/** Fastify logger options with the safe serializers, whatever level and stream were asked for. */
export function safeLogger(logger: boolean | object | undefined): boolean | object {
  if (!logger) return false;
  const base = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: loggableUrl(req.url), id: req.id }),
      err: loggableError,
    },
  };
}
