// /api/v1/problems and the problem links of a case — thin edges: parse, call one action.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as P from '../../contracts/problems.ts';
import { addCorrectiveAction } from '../../core/problems/add-corrective-action.ts';
import { changeProblemStatus } from '../../core/problems/change-problem-status.ts';
import { createProblem } from '../../core/problems/create-problem.ts';
import { getProblem, listProblemsWithCounts } from '../../core/problems/get-problem.ts';
import { linkCaseToProblem } from '../../core/problems/link-case-to-problem.ts';
import { shipCorrectiveAction } from '../../core/problems/ship-corrective-action.ts';
import { suggestProblems } from '../../core/problems/suggest-problems.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

const Id = z.object({ id: z.uuid() });
const CaseParams = z.object({ id: z.string().min(1).max(80) });

export function problemsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['problems'];
    app.post('/problems', { schema: { tags, body: P.CreateProblemInput } }, async (req, reply) =>
      reply.status(201).send(await createProblem(ctxOf(req, deps), req.body)),
    );
    app.get('/problems', { schema: { tags, querystring: P.ListProblemsQuery } }, (req) =>
      listProblemsWithCounts(ctxOf(req, deps), req.query.status),
    );
    app.get('/problems/:id', { schema: { tags, params: Id } }, (req) =>
      getProblem(ctxOf(req, deps), req.params.id),
    );
    app.post(
      '/problems/:id/status',
      { schema: { tags, params: Id, body: P.ProblemStatusInput } },
      (req) => changeProblemStatus(ctxOf(req, deps), req.params.id, req.body),
    );
    app.post(
      '/problems/:id/actions',
      { schema: { tags, params: Id, body: P.CorrectiveActionInput } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await addCorrectiveAction(ctxOf(req, deps), req.params.id, req.body)),
    );
    app.post(
      '/corrective-actions/:id/ship',
      { schema: { tags, params: Id, body: P.ShipActionInput.optional() } },
      (req) => shipCorrectiveAction(ctxOf(req, deps), req.params.id, req.body ?? {}),
    );
    app.get(
      '/cases/:id/problem-suggestions',
      {
        schema: {
          tags,
          summary: 'The three open problems most likely behind the case',
          params: CaseParams,
        },
      },
      (req) => suggestProblems(ctxOf(req, deps), req.params.id),
    );
    app.post(
      '/cases/:id/problems',
      {
        schema: {
          tags,
          summary: 'Link the case to a problem',
          params: CaseParams,
          body: P.LinkProblemInput,
        },
      },
      async (req, reply) => {
        const result = await linkCaseToProblem(ctxOf(req, deps), req.params.id, req.body);
        return reply.status(result.isNew ? 201 : 200).send(result);
      },
    );
  };
}
