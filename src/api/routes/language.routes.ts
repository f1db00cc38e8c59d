// POST /api/v1/analyze and /api/v1/coach: the language module for the composer and integrations.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../core/shared/context.ts';
import { analyze } from '../../language/analyze.ts';
import { coach } from '../../language/coach.ts';
import { analyzeInputSchema, coachInputSchema } from '../../language/schemas.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

export function languageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['language'];
    app.post('/analyze', { schema: { tags, body: analyzeInputSchema } }, (req) => {
      authorize(ctxOf(req, deps), 'case.read');
      return analyze(req.body.text);
    });
    app.post('/coach', { schema: { tags, body: coachInputSchema } }, (req) => {
      authorize(ctxOf(req, deps), 'case.read');
      const { text, ...context } = req.body;
      return coach(text, context);
    });
  };
}
