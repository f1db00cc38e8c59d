// The staff involved in a case and their debriefs (R24) — thin edges: parse, call one action.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as D from '../../contracts/debriefs.ts';
import { completeDebrief } from '../../core/debriefs/complete-debrief.ts';
import {
  debriefCompletionReport,
  getDebrief,
  listDebriefs,
} from '../../core/debriefs/get-debriefs.ts';
import { involveStaff, listInvolvedStaff } from '../../core/debriefs/involve-staff.ts';
import { uninvolveStaff } from '../../core/debriefs/uninvolve-staff.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

const CaseParams = z.object({ id: z.string().min(1).max(80) });
const CaseUserParams = CaseParams.extend({ userId: z.string().min(1).max(80) });
const Id = z.object({ id: z.string().min(1).max(80) });

export function debriefsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['debriefs'];
    app.get(
      '/cases/:id/involved-staff',
      { schema: { tags, summary: 'Staff involved in the failure', params: CaseParams } },
      (req) => listInvolvedStaff(ctxOf(req, deps), req.params.id),
    );
    app.post(
      '/cases/:id/involved-staff',
      {
        schema: {
          tags,
          summary: 'Record a staff member as involved in the failure',
          params: CaseParams,
          body: D.InvolveStaffInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await involveStaff(ctxOf(req, deps), req.params.id, req.body)),
    );
    app.delete(
      '/cases/:id/involved-staff/:userId',
      { schema: { tags, summary: 'Take a staff member off the list', params: CaseUserParams } },
      (req) => uninvolveStaff(ctxOf(req, deps), req.params.id, req.params.userId),
    );
    app.get(
      '/debriefs',
      {
        schema: {
          tags,
          summary: 'Your debriefs (a manager: everyone’s)',
          querystring: D.ListDebriefsQuery,
        },
      },
      (req) => listDebriefs(ctxOf(req, deps), req.query),
    );
    app.get('/debriefs/:id', { schema: { tags, params: Id } }, (req) =>
      getDebrief(ctxOf(req, deps), req.params.id),
    );
    app.post(
      '/debriefs/:id/complete',
      { schema: { tags, params: Id, body: D.CompleteDebriefInput } },
      (req) => completeDebrief(ctxOf(req, deps), req.params.id, req.body),
    );
    app.get(
      '/reports/debriefs',
      {
        schema: {
          tags: ['reports'],
          summary: 'Debriefs assigned and completed in a period (totals only)',
          querystring: D.DebriefCompletionQuery,
        },
      },
      (req) => debriefCompletionReport(ctxOf(req, deps), req.query),
    );
  };
}
