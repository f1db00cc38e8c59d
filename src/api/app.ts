// The HTTP app: JSON under /api/v1, OpenAPI at /api/v1/openapi.json, health endpoints.
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { isMigrated } from '../db/client.ts';
import type { AppDeps } from './deps.ts';
import { transformWithResponses } from './openapi-responses.ts';
import { registerAuth, registerNoStoreWithCookies } from './plugins/auth.ts';
import { problem, registerErrorHandling } from './plugins/errors.ts';
import { attachmentRoutes } from './routes/attachments.routes.ts';
import { registerSecureHeaders, safeLogger } from './plugins/security.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { contactRoutes } from './routes/contacts.routes.ts';
import { casesRoutes } from './routes/cases.routes.ts';
import { debriefsRoutes } from './routes/debriefs.routes.ts';
import { deskRoutes } from './routes/desk.routes.ts';
import { emailRoutes } from './routes/email.routes.ts';
import { webhookRoutes } from './routes/webhooks.routes.ts';
import { complaintFormRoutes } from './routes/complaint-form.routes.ts';
import { languageRoutes } from './routes/language.routes.ts';
import { portalRoutes } from './routes/portal.routes.ts';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { problemsRoutes } from './routes/problems.routes.ts';
import { incidentPageRoutes } from './routes/incident-pages.ts';
import { incidentsRoutes } from './routes/incidents.routes.ts';
import { webRoutes } from './routes/web.routes.ts';
import { OneLineRequestLog } from './plugins/request-log.ts';

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: safeLogger(deps.logger),
    logController: new OneLineRequestLog(),
    bodyLimit: 1_048_576,
    // Router-level refusals (malformed URL, over-long parameter) answer like every other error.
    frameworkErrors: (err, request, reply) =>
      problem(reply, request, err.statusCode ?? 400, {
        title: err.message,
        code: err.code ?? 'bad_request',
      }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,80}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Redress API',
        version: '1',
        description: 'Service-recovery desk: cases, playbook, promises, restitution.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'redress_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: transformWithResponses,
  });
  registerAuth(app, deps);
  registerNoStoreWithCookies(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerSecureHeaders(app, { isHttps: deps.isSecureCookie ?? false });

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await isMigrated(deps.database).catch(() => false);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready' });
  });
  await app.register(complaintFormRoutes(deps));
  await app.register(portalRoutes(deps));
  await app.register(incidentPageRoutes(deps));
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(casesRoutes(deps));
      await api.register(deskRoutes(deps));
      await api.register(problemsRoutes(deps));
      await api.register(debriefsRoutes(deps));
      await api.register(incidentsRoutes(deps));
      await api.register(metricsRoutes(deps));
      await api.register(languageRoutes(deps));
      await api.register(emailRoutes(deps));
      await api.register(webhookRoutes(deps));
      await api.register(attachmentRoutes(deps));
      await api.register(contactRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  await webRoutes(app);
  return app;
}
