// POST /api/v1/cases/:id/contacts: staff log a call, letter or visit from the customer on a case.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LogContactInput } from '../../contracts/cases.ts';
import { logContact } from '../../core/intake/log-contact.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

const Params = z.object({ id: z.string().min(1).max(80) });

export function contactRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/cases/:id/contacts',
      {
        schema: {
          tags: ['cases'],
          summary: 'Log a call, letter or visit from the customer (staff-logged channels)',
          params: Params,
          body: LogContactInput,
        },
      },
      async (req, reply) => {
        const { message } = await logContact(ctxOf(req, deps), req.params.id, req.body);
        return reply.status(201).send(message);
      },
    );
  };
}
