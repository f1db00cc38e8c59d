// What the customer sees behind a verified portal link: status in plain words, the honest next
// answer time, the messages meant for them (never internal notes), the solutions on offer and,
// once the case is resolved, whether the survey is still open.
import type { CaseStatus } from '../../contracts/enums.ts';
import { findCase } from '../cases/case.repo.ts';
import { listMessages } from '../cases/message.repo.ts';
import { findCustomer } from '../customers/customer.repo.ts';
import { listOptions } from '../resolutions/resolution.repo.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { findSurvey } from './portal.repo.ts';
import { nextAnswer, statusInWords } from './portal-view.rules.ts';

/** `caseId` must come from a verified portal token (openPortalLink). */
export async function viewPortal(ctx: Ctx, caseId: string) {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const row = await findCase(db, caseId);
  if (!row) throw notFound('The case');
  const [settings, customer, messages, options, survey] = await Promise.all([
    loadSettings(db),
    findCustomer(db, row.customerId),
    listMessages(db, row.id),
    listOptions(db, row.id),
    findSurvey(db, row.id),
  ]);
  const status = row.status as CaseStatus;
  const isDone = status === 'resolved' || status === 'closed';
  return {
    reference: row.reference,
    subject: row.subject,
    account: row.account,
    firstName: customer?.firstName ?? null,
    status,
    statusText: statusInWords(status),
    nextAnswer: nextAnswer({ ...row, status }, ctx.now(), settings.calendar.timeZone),
    messages: messages
      .filter((m) => m.direction === 'in' || m.direction === 'out')
      .map((m) => ({
        direction: m.direction as 'in' | 'out',
        body: m.body,
        at: m.createdAt,
      })),
    options: options.map((o) => ({ description: o.description, isChosen: o.isChosen })),
    verdict: row.verdict,
    canAnswerSolutions: options.length > 0 && status !== 'closed',
    survey: isDone ? (survey ? 'done' : 'open') : 'not_yet',
    timeZone: settings.calendar.timeZone,
  } as const;
}
