// Intake: every channel becomes the same kind of case (R1). Finds or creates the customer,
// fixes the SLA targets the case will be held to, writes the first timeline event and queues
// the acknowledgement and SLA checks — all in one transaction.
import { randomUUID } from 'node:crypto';
import { AUTOMATED_CHANNELS, type Severity } from '../../contracts/enums.ts';
import { analyze } from '../../language/analyze.ts';
import { categorize } from '../../language/categorize.ts';
import { OpenCaseInput } from '../../contracts/cases.ts';
import { JOBS } from '../../contracts/jobs.ts';
import type { Tx } from '../../db/client.ts';
import {
  addContacts,
  findByContacts,
  findCustomer,
  insertCustomer,
  normaliseContact,
} from '../customers/customer.repo.ts';
import { currentSettings, loadSettings } from '../settings/settings.repo.ts';
import type { Settings } from '../../contracts/settings.ts';
import { actorId, actorLabel, authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { selectTargets } from '../sla/sla.rules.ts';
import { findUser, leastLoadedAgent } from '../users/user.repo.ts';
import {
  claimIdempotency,
  findIdempotent,
  findCase,
  insertCase,
  markStep,
  type CaseRow,
} from './case.repo.ts';
import { routeAttention } from '../spokesperson/route-attention.ts';
import { slaDueTimes } from './sla-schedule.ts';
import { isUniqueViolation } from './intake.repo.ts';
import { writeCase, writesStatements } from './intake-batch.ts';
import { record, type EventType } from './timeline.ts';

type Input = ReturnType<typeof OpenCaseInput.parse>;

async function resolveCustomer(tx: Tx, input: Input['customer']): Promise<string> {
  const contacts = input.contacts.map(normaliseContact);
  let id = input.id ?? (await findByContacts(tx, contacts));
  if (input.id && !(await findCustomer(tx, input.id))) {
    throw new DomainError('validation', 'Unknown customer.', [
      { path: 'customer.id', message: 'No such customer.' },
    ]);
  }
  if (!id) {
    const created = await insertCustomer(tx, newCustomerRow(input));
    id = created.id;
  }
  await addContacts(tx, id, contacts);
  return id;
}

async function resolveOwner(tx: Tx, ctx: Ctx, ownerId: string | undefined): Promise<string | null> {
  if (ownerId) {
    const owner = await findUser(tx, ownerId);
    if (!owner?.isActive) {
      throw new DomainError('validation', 'Unknown owner.', [
        { path: 'ownerId', message: 'No active user with this id.' },
      ]);
    }
    return owner.id;
  }
  if (ctx.actor.kind === 'user') return ctx.actor.id;
  return leastLoadedAgent(tx);
}

/**
 * The language module reads the customer's words at intake. Its findings are suggestions:
 * stated severity and type always win, and the agent confirms or corrects the rest.
 */
function readAccount(input: Input) {
  // The suggested category rides with the reading, so its quality can be measured later.
  const analysis = {
    ...analyze(input.account),
    suggestedCategory: categorize(input.account)?.category ?? null,
  };
  const derived: Severity =
    analysis.urgency === 2 ? 'critical' : analysis.urgency === 1 ? 'high' : 'normal';
  return {
    analysis,
    severity: input.severity ?? derived,
    complainerType: input.complainerType ?? (analysis.activist ? 'activist' : null),
    suggestedFeelings:
      input.suggestedFeelings ??
      analysis.feelings.map((f) => ({
        feeling: f.feeling,
        score: f.score,
        evidence: f.evidence.map((e) => e.text),
      })),
  };
}

export interface OpenCaseOptions {
  idempotencyKey?: string;
  suppressAcknowledgement?: boolean;
  /** Arrived as a public post: the case goes to the spokesperson (R14). */
  isPublicFacing?: boolean;
  /** More work that must commit with the new case (an email's attachments). */
  alsoInTransaction?: (tx: Tx, row: CaseRow) => Promise<void>;
}

export interface OpenCaseResult {
  case: CaseRow;
  isReplay: boolean;
}

export async function openCase(
  ctx: Ctx,
  raw: unknown,
  opts: OpenCaseOptions = {},
): Promise<OpenCaseResult> {
  authorize(ctx, 'case.write');
  const input = parseInput(OpenCaseInput, raw);
  const now = ctx.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new DomainError('validation', 'Some fields are not valid.', [
      { path: 'receivedAt', message: 'Must not be in the future.' },
    ]);
  }
  // Read the words before the transaction: CPU work must not hold a database connection.
  const reading = readAccount(input);
  const fast = await insertInOneStatement(ctx, input, reading, receivedAt, now, opts);
  if (fast) return fast;
  const attempt = () => insertOnce(ctx, input, reading, receivedAt, now, opts);
  try {
    return await attempt();
  } catch (err) {
    // Two submissions with one key raced: the loser rolled back; replay the winner's case.
    if (err instanceof IdempotencyRace) return attempt();
    throw err;
  }
}

class IdempotencyRace extends Error {}

/** The SLA targets and due times a new case starts with (its id chosen here), and its jobs. */
function planNewCase(
  input: Input,
  reading: ReturnType<typeof readAccount>,
  settings: Settings,
  receivedAt: Date,
  now: Date,
  suppressAcknowledgement: boolean | undefined,
) {
  const targets = selectTargets(settings.slaPolicy, {
    channel: input.channel,
    severity: reading.severity,
  });
  const facts = {
    id: randomUUID(),
    receivedAt,
    firstResponseAt: null,
    resolvedAt: null,
    firstResponseTarget: targets.firstResponse,
    resolutionTarget: targets.resolution,
  };
  const due = slaDueTimes(facts, settings, [], now);
  // No acknowledgement to staff-logged channels, nor when intake holds it back (mail loops).
  const isAutomated = AUTOMATED_CHANNELS.includes(input.channel) && !suppressAcknowledgement;
  const ack = isAutomated ? [{ name: JOBS.acknowledge.name, data: { caseId: facts.id } }] : [];
  const caseRow = {
    ...facts,
    ...due,
    channel: input.channel,
    subject: input.subject ?? null,
    account: input.account,
    category: input.category ?? null,
    severity: reading.severity,
    complainerType: reading.complainerType,
    analysis: reading.analysis,
    status: 'new',
    suggestedFeelings: reading.suggestedFeelings,
  };
  const opened = {
    channel: input.channel,
    callDurationSeconds: input.callDurationSeconds,
    letterScanRef: input.letterScanRef,
    preferredContact: input.preferredContact,
  };
  return { caseRow, jobs: ack, opened };
}

/**
 * The common case — a new or known customer found by contact, the owner implied — written as
 * one SQL statement (see intake.repo.ts). Returns null when the step-by-step transaction must
 * decide instead: an explicit customer or owner to validate, a case to route (R14), or a unique
 * key taken meanwhile.
 */
async function insertInOneStatement(
  ctx: Ctx,
  input: Input,
  reading: ReturnType<typeof readAccount>,
  receivedAt: Date,
  now: Date,
  opts: OpenCaseOptions,
): Promise<OpenCaseResult | null> {
  // An activist or public-facing case is routed (R14) inside a transaction; so are those.
  const needsRouting = opts.isPublicFacing === true || reading.complainerType === 'activist';
  const jobs = ctx.jobs;
  if (!writesStatements(jobs) || input.customer.id || input.ownerId || needsRouting) return null;
  if (opts.alsoInTransaction) return null;
  const key = opts.idempotencyKey ?? null;
  if (key && (await findIdempotent(ctx.database.db, key))) return null;
  const settings = await currentSettings(ctx.database);
  const planned = planNewCase(
    input,
    reading,
    settings,
    receivedAt,
    now,
    opts.suppressAcknowledgement,
  );
  try {
    const row = await writeCase(
      ctx.database,
      jobs,
      {
        contacts: input.customer.contacts.map(normaliseContact),
        newCustomer: newCustomerRow(input.customer),
        caseRow: planned.caseRow,
        ownerId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        idempotencyKey: key,
        event: {
          at: now,
          actorId: actorId(ctx),
          actorLabel: actorLabel(ctx),
          type: 'case_opened' satisfies EventType,
          data: planned.opened,
        },
      },
      planned.jobs,
    );
    return { case: row, isReplay: false };
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

function newCustomerRow(input: Input['customer']) {
  return {
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    lifetimeValue: input.lifetimeValue ?? '0',
    currency: input.currency ?? 'GBP',
  };
}

async function insertOnce(
  ctx: Ctx,
  input: Input,
  reading: ReturnType<typeof readAccount>,
  receivedAt: Date,
  now: Date,
  opts: OpenCaseOptions,
): Promise<OpenCaseResult> {
  const key = opts.idempotencyKey;
  return ctx.database.db.transaction(async (tx) => {
    if (key) {
      const existing = await findIdempotent(tx, key);
      const found = existing ? await findCase(tx, existing) : null;
      if (found) return { case: found, isReplay: true };
    }
    const settings = await loadSettings(tx);
    const planned = planNewCase(
      input,
      reading,
      settings,
      receivedAt,
      now,
      opts.suppressAcknowledgement,
    );
    const row = await insertCase(tx, {
      ...planned.caseRow,
      customerId: await resolveCustomer(tx, input.customer),
      ownerId: await resolveOwner(tx, ctx, input.ownerId),
    });
    if (key && !(await claimIdempotency(tx, key, row.id))) throw new IdempotencyRace();
    await markStep(tx, {
      caseId: row.id,
      stepKey: 'listen',
      doneBy: null,
      doneAt: now,
      notes: null,
    });
    await record(tx, ctx, row.id, 'case_opened', {
      reference: row.reference,
      ownerId: row.ownerId,
      ...planned.opened,
    });
    await routeAttention(ctx, tx, row, { isPublicFacing: opts.isPublicFacing ?? false });
    await opts.alsoInTransaction?.(tx, row);
    await ctx.jobs.send(tx, planned.jobs);
    return { case: row, isReplay: false };
  });
}
