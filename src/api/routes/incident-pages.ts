// The public incident page (R23): no login, no script, every piece of text escaped. It shows the
// status in words, what failed and since when, who is affected, the spokesperson's statement and
// every update with its time, newest first.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { viewPublicIncident } from '../../core/incidents/get-incident.ts';
import { escapeHtml as e } from '../../core/portal/portal-view.rules.ts';
import { DomainError } from '../../core/shared/errors.ts';
import type { AppDeps } from '../deps.ts';
import { layout, PORTAL_CSP } from './portal-pages.ts';

type PublicIncident = Awaited<ReturnType<typeof viewPublicIncident>>;

function when(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('d LLL yyyy, HH:mm ZZZZ');
}

export function incidentPage(v: PublicIncident): string {
  const updates = v.updates
    .map(
      (u) =>
        `<li class="msg"><span class="meta"><time datetime="${e(u.at.toISOString())}">${e(when(u.at, v.timeZone))}</time>${u.status ? ` · now ${e(u.status)}` : ''}</span>\n${e(u.body)}</li>`,
    )
    .join('');
  const statement = v.statement
    ? `<h2>Our statement</h2><blockquote class="msg in" id="statement">${e(v.statement.body)}</blockquote><p class="meta">Published ${e(when(v.statement.publishedAt, v.timeZone))}</p>`
    : '';
  return layout(
    `${v.title} · ${v.organisation}`,
    `<p class="meta">${e(v.organisation)} · incident</p><h1>${e(v.title)}</h1>
<p><strong>Status:</strong> <span id="status">${e(v.statusText)}</span></p>
<p><strong>Since:</strong> ${e(when(v.startedAt, v.timeZone))}${v.resolvedAt ? ` · <strong>resolved</strong> ${e(when(v.resolvedAt, v.timeZone))}` : ''}</p>
<h2>What happened</h2><p class="msg">${e(v.whatFailed)}</p>
<h2>Who is affected</h2><p class="msg">${e(v.scope)}</p>
${statement}<h2>Updates</h2>${updates ? `<ol id="updates" style="list-style:none;padding:0">${updates}</ol>` : '<p>No updates yet.</p>'}`,
  );
}

const Params = z.object({ slug: z.string().min(1).max(200) });

export function incidentPageRoutes(deps: AppDeps) {
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', PORTAL_CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .send(body);
  return async (app: FastifyInstance) => {
    app.get(
      '/status/incidents/:slug',
      { schema: { hide: true, params: Params } },
      async (req, reply) => {
        const { slug } = req.params as z.infer<typeof Params>;
        try {
          const view = await viewPublicIncident(
            {
              actor: { kind: 'system', name: 'status-page' },
              database: deps.database,
              now: deps.now,
              jobs: deps.jobs,
              log: req.log,
              requestId: req.id,
            },
            slug,
          );
          return html(reply, 200, incidentPage(view));
        } catch (err) {
          if (!(err instanceof DomainError) || err.code !== 'not_found') throw err;
          return html(
            reply,
            404,
            layout(
              'Not found',
              '<h1>There is no incident at this address.</h1><p>Check the link you were given.</p>',
            ),
          );
        }
      },
    );
  };
}
