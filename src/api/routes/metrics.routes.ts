// /api/v1/metrics and the case audit export — thin edges: call one action, shape JSON or CSV.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CustomerActivityInput,
  METRIC_NAMES,
  MetricName,
  RollupRefreshInput,
} from '../../contracts/metrics.ts';
import { requestRollupRefresh } from '../../core/metrics/request-rollup-refresh.ts';
import { recordCustomerActivity } from '../../core/metrics/record-customer-activity.ts';
import { caseAuditCsv, getCaseAudit } from '../../core/metrics/case-audit.ts';
import { computeMetrics } from '../../core/metrics/compute-metrics.ts';
import { metricsCsv } from '../../core/metrics/metrics.rules.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

/** CSV when asked for by `?format=csv` or an Accept header that prefers text/csv. */
function wantsCsv(req: FastifyRequest): boolean {
  const format = (req.query as Record<string, unknown> | undefined)?.format;
  if (format === 'csv') return true;
  if (format === 'json') return false;
  const accept = req.headers.accept ?? '';
  return /(^|,)\s*text\/csv/i.test(accept) && !/^\s*application\/json/i.test(accept);
}

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body);
}

const CaseParams = z.object({ id: z.string().min(1).max(80) });

export function metricsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['metrics'];
    // The query is parsed inside the action (MetricsQuery), so the API, the digest and the CLI
    // share one set of field-level messages.
    app.get(
      '/metrics',
      {
        schema: {
          tags,
          summary: 'Trend metrics by period, channel, category, problem and team; JSON or CSV',
          description: `Query: metrics (comma-separated: ${METRIC_NAMES.join(', ')}), from, to, bucket (day|week|month), channel, category, problemId, ownerId, groupBy (none|channel|category|problem|owner), format (json|csv). See docs/metrics.md.`,
        },
      },
      async (req, reply) => {
        const report = await computeMetrics(ctxOf(req, deps), req.query);
        if (!wantsCsv(req)) return report;
        return sendCsv(reply, 'redress-metrics.csv', metricsCsv(report.metrics, report.labels));
      },
    );
    app.get(
      '/metrics/:name',
      {
        schema: {
          tags,
          summary: 'One metric, with the same filters as /metrics',
          params: z.object({ name: MetricName }),
        },
      },
      async (req, reply) => {
        const query = { ...(req.query as Record<string, unknown>), metrics: req.params.name };
        const report = await computeMetrics(ctxOf(req, deps), query);
        if (!wantsCsv(req)) return report;
        return sendCsv(
          reply,
          `redress-${req.params.name}.csv`,
          metricsCsv(report.metrics, report.labels),
        );
      },
    );
    app.post(
      '/customer-activity',
      {
        schema: {
          tags,
          summary: 'Record customer activity (orders, visits) for retention after recovery',
          body: CustomerActivityInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await recordCustomerActivity(ctxOf(req, deps), req.body)),
    );
    app.post(
      '/metrics/rollups',
      {
        schema: {
          tags,
          summary: 'Queue a refresh of the metric rollups (they also refresh every minute)',
          body: RollupRefreshInput,
        },
      },
      async (req, reply) =>
        reply.status(202).send(await requestRollupRefresh(ctxOf(req, deps), req.body ?? {})),
    );
    app.get(
      '/cases/:id/audit',
      {
        schema: {
          tags,
          summary:
            "A case's full timeline for audit (JSON, or CSV with ?format=csv / Accept: text/csv)",
          params: CaseParams,
        },
      },
      async (req, reply) => {
        const audit = await getCaseAudit(ctxOf(req, deps), req.params.id);
        if (!wantsCsv(req)) return audit;
        return sendCsv(reply, `${audit.case.reference}-timeline.csv`, caseAuditCsv(audit));
      },
    );
  };
}
