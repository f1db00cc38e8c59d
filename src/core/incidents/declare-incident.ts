// R23: one failure hitting many customers becomes an incident — what failed, since when, the
// scope, optionally the problem behind it — with a public page and a damage-control checklist.
import { randomBytes } from 'node:crypto';
import { DeclareIncidentInput } from '../../contracts/incidents.ts';
import { findProblem } from '../problems/problem.repo.ts';
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import { DEFAULT_CHECKLIST, slugFor } from './incident.rules.ts';
import { insertChecklist, insertIncident } from './incident.repo.ts';

export async function declareIncident(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'incidents.manage');
  const input = parseInput(DeclareIncidentInput, raw);
  const now = ctx.now();
  const startedAt = new Date(input.startedAt);
  if (startedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new DomainError('validation', 'Some fields are not valid.', [
      { path: 'startedAt', message: 'An incident cannot start in the future.' },
    ]);
  }
  return ctx.database.db.transaction(async (tx) => {
    if (input.problemId && !(await findProblem(tx, input.problemId))) {
      throw new DomainError('validation', 'Unknown problem.', [
        { path: 'problemId', message: 'No problem with this id.' },
      ]);
    }
    const row = await insertIncident(tx, {
      slug: slugFor(input.title, randomBytes(4).toString('hex')),
      title: input.title,
      whatFailed: input.whatFailed,
      startedAt,
      scope: input.scope,
      status: 'open',
      problemId: input.problemId ?? null,
      declaredBy: actorId(ctx),
      createdAt: now,
      updatedAt: now,
    });
    await insertChecklist(
      tx,
      DEFAULT_CHECKLIST.map((item, position) => ({ incidentId: row.id, ...item, position })),
    );
    await recordIncidentEvent(tx, ctx, row.id, 'incident_declared', {
      title: row.title,
      slug: row.slug,
      problemId: row.problemId,
    });
    return row;
  });
}
