// Approvals, promises, notifications, settings and the restitution ledger.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DecisionInput, SettlePromiseInput } from '../../contracts/cases.ts';
import { SettingsPatchSchema } from '../../contracts/settings.ts';
import { settlePromise } from '../../core/promises/settle-promise.ts';
import { decideApproval } from '../../core/restitution/decide-approval.ts';
import { listApprovals, restitutionLedger } from '../../core/restitution/list-approvals.ts';
import { getSettings, updateSettings } from '../../core/settings/update-settings.ts';
import {
  listNotifications,
  readNotification,
} from '../../core/notifications/list-notifications.ts';
import { getCustomer } from '../../core/customers/get-customer.ts';
import { classificationSuggestionReport } from '../../core/reports/classification-suggestions.ts';
import { eraseCustomer } from '../../core/customers/erase-customer.ts';
import { exportCustomer } from '../../core/customers/export-customer.ts';
import { EraseCustomerInput } from '../../contracts/personal-data.ts';
import { feelingSuggestionReport } from '../../core/reports/feeling-suggestions.ts';
import { promiseReport } from '../../core/reports/promise-report.ts';
import { supervisorToday } from '../../core/reports/supervisor-today.ts';
import { deleteTemplate } from '../../core/templates/delete-template.ts';
import { listTemplates } from '../../core/templates/list-templates.ts';
import { saveTemplate } from '../../core/templates/save-template.ts';
import { deleteView } from '../../core/views/delete-view.ts';
import { listViews } from '../../core/views/list-views.ts';
import { saveView } from '../../core/views/save-view.ts';
import { SavedViewInput, TemplateInput } from '../../contracts/workspace.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

const Id = z.object({ id: z.uuid() });

export function deskRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/approvals', { schema: { tags: ['restitution'] } }, (req) =>
      listApprovals(ctxOf(req, deps)),
    );
    app.post(
      '/approvals/:id/decision',
      { schema: { tags: ['restitution'], params: Id, body: DecisionInput } },
      (req) => decideApproval(ctxOf(req, deps), req.params.id, req.body),
    );
    app.get('/restitutions', { schema: { tags: ['restitution'] } }, (req) =>
      restitutionLedger(ctxOf(req, deps)),
    );
    app.post(
      '/promises/:id/outcome',
      { schema: { tags: ['promises'], params: Id, body: SettlePromiseInput } },
      (req) => settlePromise(ctxOf(req, deps), req.params.id, req.body),
    );
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          querystring: z.object({ unread: z.enum(['true', 'false']).optional() }),
        },
      },
      (req) => listNotifications(ctxOf(req, deps), req.query.unread === 'true'),
    );
    app.get('/customers/:id', { schema: { tags: ['customers'], params: Id } }, (req) =>
      getCustomer(ctxOf(req, deps), req.params.id),
    );
    app.get(
      '/customers/:id/export',
      {
        schema: {
          tags: ['customers'],
          summary: 'Everything stored about a customer (manager, admin)',
          params: Id,
        },
      },
      (req) => exportCustomer(ctxOf(req, deps), req.params.id),
    );
    app.post(
      '/customers/:id/erase',
      {
        schema: {
          tags: ['customers'],
          summary: 'Erase a customer: personal data removed, aggregates kept (manager, admin)',
          params: Id,
          body: EraseCustomerInput,
        },
      },
      (req) => eraseCustomer(ctxOf(req, deps), req.params.id, req.body),
    );
    app.get('/reports/promises', { schema: { tags: ['reports'] } }, (req) =>
      promiseReport(ctxOf(req, deps)),
    );
    app.get('/reports/feeling-suggestions', { schema: { tags: ['reports'] } }, (req) =>
      feelingSuggestionReport(ctxOf(req, deps)),
    );
    app.get('/reports/classification-suggestions', { schema: { tags: ['reports'] } }, (req) =>
      classificationSuggestionReport(ctxOf(req, deps)),
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags: ['notifications'], params: Id } },
      async (req, reply) => {
        await readNotification(ctxOf(req, deps), req.params.id);
        return reply.status(204).send();
      },
    );
    app.get('/settings', { schema: { tags: ['settings'] } }, (req) =>
      getSettings(ctxOf(req, deps)),
    );
    app.get('/reports/today', { schema: { tags: ['reports'] } }, (req) =>
      supervisorToday(ctxOf(req, deps)),
    );
    app.get('/views', { schema: { tags: ['views'] } }, (req) => listViews(ctxOf(req, deps)));
    app.post('/views', { schema: { tags: ['views'], body: SavedViewInput } }, async (req, reply) =>
      reply.status(201).send(await saveView(ctxOf(req, deps), req.body)),
    );
    app.delete('/views/:id', { schema: { tags: ['views'], params: Id } }, async (req, reply) => {
      await deleteView(ctxOf(req, deps), req.params.id);
      return reply.status(204).send();
    });
    app.get('/templates', { schema: { tags: ['templates'] } }, (req) =>
      listTemplates(ctxOf(req, deps)),
    );
    app.post(
      '/templates',
      { schema: { tags: ['templates'], body: TemplateInput } },
      async (req, reply) => reply.status(201).send(await saveTemplate(ctxOf(req, deps), req.body)),
    );
    app.patch(
      '/templates/:id',
      { schema: { tags: ['templates'], params: Id, body: TemplateInput } },
      (req) => saveTemplate(ctxOf(req, deps), req.body, req.params.id),
    );
    app.delete(
      '/templates/:id',
      { schema: { tags: ['templates'], params: Id } },
      async (req, reply) => {
        await deleteTemplate(ctxOf(req, deps), req.params.id);
        return reply.status(204).send();
      },
    );
    app.patch('/settings', { schema: { tags: ['settings'], body: SettingsPatchSchema } }, (req) =>
      updateSettings(ctxOf(req, deps), req.body),
    );
  };
}
