// /api/v1/cases — thin edges: parse, call one action, shape the answer.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as C from '../../contracts/cases.ts';
import { classifyCase } from '../../core/cases/classify-case.ts';
import { changeStatus, reopenCase } from '../../core/cases/change-status.ts';
import { closeCase } from '../../core/cases/close-case.ts';
import { getCase } from '../../core/cases/get-case.ts';
import { listCases } from '../../core/cases/list-cases.ts';
import { openCase } from '../../core/cases/open-case.ts';
import { recordReply } from '../../core/cases/record-reply.ts';
import { transferCase } from '../../core/cases/transfer-case.ts';
import { completeStep } from '../../core/playbook/complete-step.ts';
import { confirmFeelings } from '../../core/playbook/confirm-feelings.ts';
import { recordRootCause } from '../../core/playbook/record-root-cause.ts';
import { confirmRestatement, restateComplaint } from '../../core/playbook/restate-complaint.ts';
import { thankCustomer } from '../../core/playbook/thank-customer.ts';
import { makePromise } from '../../core/promises/make-promise.ts';
import { chooseOption } from '../../core/resolutions/choose-option.ts';
import { deliverResolution } from '../../core/resolutions/deliver-resolution.ts';
import { offerSolutions } from '../../core/resolutions/offer-solutions.ts';
import { recordRefusal, recordVerdict } from '../../core/resolutions/record-verdict.ts';
import { grantRestitution } from '../../core/restitution/grant-restitution.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

const Params = z.object({ id: z.string().min(1).max(80) });
const StepParams = Params.extend({ step: z.string().min(1).max(60) });
const IdemHeaders = z
  .object({ 'idempotency-key': z.string().min(1).max(200).optional() })
  .passthrough();

type Action = (ctx: ReturnType<typeof ctxOf>, id: string, body: unknown) => Promise<unknown>;

export function casesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    app.post(
      '/cases',
      { schema: { tags, body: C.OpenCaseInput, headers: IdemHeaders } },
      async (req, reply) => {
        const result = await openCase(ctxOf(req, deps), req.body, {
          idempotencyKey: req.headers['idempotency-key'],
        });
        return reply
          .status(result.isReplay ? 200 : 201)
          .header('location', `/api/v1/cases/${result.case.reference}`)
          .send(result.case);
      },
    );
    app.get('/cases', { schema: { tags, querystring: C.ListCasesQuery } }, (req) =>
      listCases(ctxOf(req, deps), req.query),
    );
    app.get('/cases/:id', { schema: { tags, params: Params } }, (req) =>
      getCase(ctxOf(req, deps), req.params.id),
    );

    const post = (path: string, body: z.ZodType | null, action: Action, summary: string) =>
      app.post(
        path,
        { schema: { tags, summary, params: Params, ...(body ? { body } : {}) } },
        (req) => action(ctxOf(req, deps), req.params.id, req.body),
      );
    post(
      '/cases/:id/transfer',
      C.TransferInput,
      transferCase,
      'Hand the case to another owner, with a reason',
    );
    post('/cases/:id/status', C.StatusInput, changeStatus, 'Move the case through its lifecycle');
    post('/cases/:id/reopen', C.ReopenInput, reopenCase, 'Reopen a resolved or closed case');
    post(
      '/cases/:id/replies',
      C.ReplyInput,
      recordReply,
      'Record a reply to the customer or an internal note',
    );
    post(
      '/cases/:id/classify',
      C.ClassifyInput,
      classifyCase,
      'Set category, severity, complainer type',
    );
    post(
      '/cases/:id/restatement',
      C.RestatementInput,
      restateComplaint,
      'Restate the complaint in your own words',
    );
    post(
      '/cases/:id/restatement/confirm',
      null,
      (ctx, id) => confirmRestatement(ctx, id),
      'The customer confirmed the restatement',
    );
    post(
      '/cases/:id/feelings',
      C.FeelingsInput,
      confirmFeelings,
      'Confirm or correct the feelings',
    );
    post(
      '/cases/:id/solutions',
      C.OfferInput,
      offerSolutions,
      'Offer solutions and record the customer’s idea',
    );
    post(
      '/cases/:id/solutions/choose',
      C.ChooseInput,
      chooseOption,
      'Choose the resolution to carry out',
    );
    post(
      '/cases/:id/solutions/deliver',
      null,
      (ctx, id) => deliverResolution(ctx, id),
      'The chosen resolution was delivered',
    );
    post(
      '/cases/:id/verdict',
      C.VerdictInput,
      recordVerdict,
      'Record the customer’s verdict on the fix',
    );
    post(
      '/cases/:id/refusal',
      C.RefusalInput,
      recordRefusal,
      'Record that the customer refused, with a reason',
    );
    post(
      '/cases/:id/restitutions',
      C.RestitutionInput,
      grantRestitution,
      'Grant restitution or request approval',
    );
    post('/cases/:id/promises', C.PromiseInput, makePromise, 'Make a promise with a due time');
    post(
      '/cases/:id/thank',
      null,
      (ctx, id) => thankCustomer(ctx, id),
      'Record that the customer was thanked',
    );
    post(
      '/cases/:id/root-cause',
      C.RootCauseInput,
      recordRootCause,
      'Record the root cause or a one-off reason',
    );
    post(
      '/cases/:id/close',
      null,
      (ctx, id) => closeCase(ctx, id),
      'Close the case (fails with what is missing)',
    );
    app.post(
      '/cases/:id/steps/:step',
      { schema: { tags, params: StepParams, body: C.StepInput.optional() } },
      (req) => completeStep(ctxOf(req, deps), req.params.id, req.params.step, req.body ?? {}),
    );
  };
}
