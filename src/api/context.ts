import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../core/shared/context.ts';
import type { AppDeps } from './deps.ts';
import { requireActor } from './plugins/auth.ts';

/** The action context for a request: the signed-in actor, the clock, the request's logger. */
export function ctxOf(request: FastifyRequest, deps: AppDeps): Ctx {
  return {
    actor: requireActor(request),
    database: deps.database,
    now: deps.now,
    jobs: deps.jobs,
    log: request.log,
    requestId: request.id,
  };
}
