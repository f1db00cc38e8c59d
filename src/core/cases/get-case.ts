// The whole case as the agent sees it: the customer's words, the playbook rail, the clocks,
// solutions, restitution and remaining authority, promises, messages, closure gaps, timeline.
import type { Role } from '../shared/roles.rules.ts';
import { contactsOf, findCustomer } from '../customers/customer.repo.ts';
import { listPromises } from '../promises/promise.repo.ts';
import { listOptions } from '../resolutions/resolution.repo.ts';
import { fromMinor, remainingAuthority, toMinor } from '../restitution/authority.rules.ts';
import { listRestitutions } from '../restitution/restitution.repo.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { findUser } from '../users/user.repo.ts';
import { doneSteps, findCase, listEvents } from './case.repo.ts';
import { closureGaps } from './closure.rules.ts';
import { closureFacts } from './closure-facts.ts';
import { listMessages } from './message.repo.ts';
import { nextStep, progress } from '../playbook/playbook.rules.ts';
import { caseClock, pausesOf } from './sla-schedule.ts';
import { caseProblemsSection } from '../problems/case-problems-section.ts';
import { findSurvey } from '../portal/portal.repo.ts';
import { listAttachments } from '../attachments/attachment.repo.ts';

export async function getCase(ctx: Ctx, caseId: string) {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const row = await findCase(db, caseId);
  if (!row) throw notFound(`Case ${caseId}`);
  const now = ctx.now();
  const settings = await loadSettings(db);
  const [
    customer,
    contacts,
    owner,
    done,
    options,
    restitutions,
    promises,
    messages,
    events,
    pauses,
    facts,
    problems,
    survey,
    attachments,
  ] = await Promise.all([
    findCustomer(db, row.customerId),
    contactsOf(db, [row.customerId]),
    row.ownerId ? findUser(db, row.ownerId) : null,
    doneSteps(db, row.id),
    listOptions(db, row.id),
    listRestitutions(db, row.id),
    listPromises(db, row.id),
    listMessages(db, row.id),
    listEvents(db, row.id),
    pausesOf(db, row.id),
    closureFacts(db, row, settings),
    caseProblemsSection(db, row.id),
    findSurvey(db, row.id),
    listAttachments(db, row.id),
  ]);
  const steps = progress(settings.playbook, done);
  const given = restitutions
    .filter((r) => r.status === 'granted' && r.currency === settings.compensation.currency)
    .reduce((n, r) => n + toMinor(r.amount), 0);
  const role: Role | null = ctx.actor.kind === 'user' ? ctx.actor.role : null;
  const remaining = role ? remainingAuthority(settings.compensation, role, given) : null;
  return {
    case: row,
    customer: customer && {
      ...customer,
      contacts: contacts.map((c) => ({ kind: c.kind, value: c.value })),
    },
    owner: owner && { id: owner.id, name: owner.name, role: owner.role },
    playbook: { steps, next: nextStep(steps) },
    clocks: {
      firstResponse: caseClock(row, 'first_response', settings.calendar, pauses, now),
      resolution: caseClock(row, 'resolution', settings.calendar, pauses, now),
    },
    options,
    restitutions,
    authority: {
      currency: settings.compensation.currency,
      givenOnCase: fromMinor(given),
      remaining: remaining === null ? null : fromMinor(remaining),
    },
    promises,
    messages,
    problems,
    survey,
    /** Files kept with the case, without their bytes (download: GET /api/v1/attachments/:id). */
    attachments,
    closure: { canClose: closureGaps(facts).length === 0, missing: closureGaps(facts) },
    timeline: events,
  };
}
