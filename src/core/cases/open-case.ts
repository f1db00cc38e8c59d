// Intake: every channel becomes the same kind of case (R1). Finds or creates the customer,
// fixes the SLA targets the case will be held to, writes the first timeline event and queues
// the acknowledgement and SLA checks — all in one transaction.
import { randomUUID } from 'node:crypto';
import { AUTOMATED_CHANNELS, type Severity } from '../../contracts/enums.ts';
import { analyze } from '../../language/analyze.ts';
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
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
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
import { planSlaChecks } from './sla-schedule.ts';
import { record } from './timeline.ts';

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
    const created = await insertCustomer(tx, {
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      lifetimeValue: input.lifetimeValue ?? '0',
      currency: input.currency ?? 'GBP',
    });
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
  const analysis = analyze(input.account);
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

export interface OpenCaseResult {
  case: CaseRow;
  isReplay: boolean;
}

export interface OpenCaseOptions {
  idempotencyKey?: string;
  suppressAcknowledgement?: boolean;
  /** More work that must commit with the new case (an email's attachments). */
  alsoInTransaction?: (tx: Tx, row: CaseRow) => Promise<void>;
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
    const targets = selectTargets(settings.slaPolicy, {
      channel: input.channel,
      severity: reading.severity,
    });
    // The id is chosen here so the SLA plan (due times and check jobs) is known before the insert.
    const facts = {
      id: randomUUID(),
      receivedAt,
      firstResponseAt: null,
      resolvedAt: null,
      firstResponseTarget: targets.firstResponse,
      resolutionTarget: targets.resolution,
    };
    const plan = planSlaChecks(facts, settings, [], now);
    const row = await insertCase(tx, {
      ...facts,
      ...plan.due,
      customerId: await resolveCustomer(tx, input.customer),
      channel: input.channel,
      subject: input.subject ?? null,
      account: input.account,
      category: input.category ?? null,
      severity: reading.severity,
      complainerType: reading.complainerType,
      analysis: reading.analysis,
      ownerId: await resolveOwner(tx, ctx, input.ownerId),
      status: 'new',
      suggestedFeelings: reading.suggestedFeelings,
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
      channel: row.channel,
      ownerId: row.ownerId,
      callDurationSeconds: input.callDurationSeconds,
      letterScanRef: input.letterScanRef,
      preferredContact: input.preferredContact,
    });
    await opts.alsoInTransaction?.(tx, row);
    // No acknowledgement to staff-logged channels, nor when intake holds it back (mail loops).
    const isAutomated = AUTOMATED_CHANNELS.includes(input.channel) && !opts.suppressAcknowledgement;
    const ack = isAutomated ? [{ name: JOBS.acknowledge.name, data: { caseId: row.id } }] : [];
    await ctx.jobs.send(tx, [...ack, ...plan.jobs]);
    return { case: row, isReplay: false };
  });
}
