// The web app: serves the built single-page app (web/dist) at `/`. Hashed assets are cached for
// good; any other non-API path gets index.html so deep links (/cases/RD-1001) load the app,
// including the first-run set-up link (/setup?token=…), which the app itself handles.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problem } from '../plugins/errors.ts';
import { pageRoutes } from './pages.routes.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

// The app loads only its own script and styles: an injected <script> could not run even if
// customer text ever reached the page as HTML.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redress</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto"><h1>Redress</h1>
<p>The API is running, but the web app has not been built. Run <code>npm run build:web</code>
(or <code>npm start</code>, which builds it when missing) and reload.</p>
<p><a href="/api/v1/openapi.json">API description (OpenAPI)</a></p></body></html>`;

function fileInside(root: string, rel: string): string | null {
  const full = resolve(root, rel);
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? full : null;
}

function decodePath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return null;
  }
}

export async function webRoutes(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html; charset=utf-8').send(NOT_BUILT),
    );
    // The set-up link `redress serve` prints still works: a plain page creates the first admin.
    pageRoutes(app);
    return;
  }
  await app.register(fastifyStatic, { root, serve: false });
  const page = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'same-origin')
      .sendFile('index.html', { cacheControl: false });
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = decodePath(request.url);
    const miss = () =>
      problem(reply, request, 404, { title: `No route GET ${path ?? ''}`, code: 'not_found' });
    if (path === null || path.startsWith('/api/')) return miss();
    const rel = path.replace(/^\/+/, '');
    if (rel.startsWith('assets/') && fileInside(root, rel)) {
      return reply.sendFile(rel, { maxAge: '365d', immutable: true });
    }
    // A path that names a file (favicon.ico, robots.txt…) and is not there is a plain 404.
    if (/\.[a-z0-9]+$/i.test(rel)) return fileInside(root, rel) ? reply.sendFile(rel) : miss();
    return page(reply);
  };
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
}
