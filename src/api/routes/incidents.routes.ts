// /api/v1/incidents and the spokesperson's routes — thin edges: parse, call one action.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as I from '../../contracts/incidents.ts';
import { attachCases } from '../../core/incidents/attach-cases.ts';
import { declareIncident } from '../../core/incidents/declare-incident.ts';
import {
  getIncident,
  listBroadcastDeliveries,
  listIncidents,
} from '../../core/incidents/get-incident.ts';
import { importCustomers, MAX_IMPORT_BYTES } from '../../core/incidents/import-customers.ts';
import { postIncidentUpdate } from '../../core/incidents/post-incident-update.ts';
import { publishStatement } from '../../core/incidents/publish-statement.ts';
import { sendApology } from '../../core/incidents/send-apology.ts';
import { addChecklistItem, tickChecklistItem } from '../../core/incidents/tick-checklist-item.ts';
import { listRoutedCases } from '../../core/spokesperson/list-routed-cases.ts';
import { markPublicFacing } from '../../core/spokesperson/mark-public-facing.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

const Id = z.object({ id: z.string().min(1).max(200) });
const Key = z.object({ id: z.string().min(1).max(200), key: z.string().min(1).max(80) });
const MessageParams = z.object({ id: z.string().min(1).max(200), messageId: z.uuid() });

export function incidentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const publicUrl = deps.portal?.publicUrl ? { publicUrl: deps.portal.publicUrl } : {};
  return async (app) => {
    const tags = ['incidents'];
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.post('/incidents', { schema: { tags, body: I.DeclareIncidentInput } }, async (req, reply) =>
      reply.status(201).send(await declareIncident(ctxOf(req, deps), req.body)),
    );
    app.get('/incidents', { schema: { tags, querystring: I.ListIncidentsQuery } }, (req) =>
      listIncidents(ctxOf(req, deps), req.query),
    );
    app.get('/incidents/:id', { schema: { tags, params: Id } }, (req) =>
      getIncident(ctxOf(req, deps), req.params.id),
    );
    app.post(
      '/incidents/:id/updates',
      { schema: { tags, params: Id, body: I.IncidentUpdateInput } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await postIncidentUpdate(ctxOf(req, deps), req.params.id, req.body, publicUrl)),
    );
    app.post(
      '/incidents/:id/statement',
      { schema: { tags, params: Id, body: I.StatementInput } },
      async (req, reply) =>
        reply.status(201).send(await publishStatement(ctxOf(req, deps), req.params.id, req.body)),
    );
    app.post(
      '/incidents/:id/apology',
      { schema: { tags, params: Id, body: I.ApologyInput.optional() } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await sendApology(ctxOf(req, deps), req.params.id, req.body ?? {}, publicUrl)),
    );
    app.post(
      '/incidents/:id/cases',
      {
        schema: {
          tags,
          summary: 'Attach cases (and their customers) by the case list filters or by references',
          params: Id,
          body: I.AttachCasesInput,
        },
      },
      (req) => attachCases(ctxOf(req, deps), req.params.id, req.body),
    );
    app.post(
      '/incidents/:id/customers/import',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Attach customers from a CSV list (email, phone, first_name, last_name)',
          params: Id,
          consumes: ['text/csv'],
        },
      },
      (req) =>
        importCustomers(
          ctxOf(req, deps),
          req.params.id,
          typeof req.body === 'string' ? req.body : '',
        ),
    );
    app.get(
      '/incidents/:id/broadcasts/:messageId/deliveries',
      { schema: { tags, params: MessageParams, querystring: I.ListDeliveriesQuery } },
      (req) =>
        listBroadcastDeliveries(ctxOf(req, deps), req.params.id, req.params.messageId, req.query),
    );
    app.post(
      '/incidents/:id/checklist',
      { schema: { tags, params: Id, body: I.ChecklistItemInput } },
      async (req, reply) =>
        reply.status(201).send(await addChecklistItem(ctxOf(req, deps), req.params.id, req.body)),
    );
    app.post(
      '/incidents/:id/checklist/:key',
      { schema: { tags, params: Key, body: I.ChecklistTickInput.optional() } },
      (req) => tickChecklistItem(ctxOf(req, deps), req.params.id, req.params.key, req.body ?? {}),
    );
    app.post(
      '/cases/:id/public-facing',
      {
        schema: {
          tags,
          summary: 'Mark a case public-facing',
          params: Id,
          body: I.PublicFacingInput,
        },
      },
      (req) => markPublicFacing(ctxOf(req, deps), req.params.id, req.body),
    );
    app.get(
      '/spokesperson/cases',
      { schema: { tags, querystring: z.object({ mine: z.enum(['true', 'false']).optional() }) } },
      (req) => listRoutedCases(ctxOf(req, deps), { mine: req.query.mine === 'true' }),
    );
  };
}
