// Plays each demo story through the core actions a person would use, on a clock that starts
// when the complaint arrived and moves on with every step, so each timeline event is real and
// dated as it would have been. Stories are played oldest first, so references follow arrival.
import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../core/sla/calendar.rules.ts';
import { isBusinessTime, nextBusinessOpen } from '../core/sla/calendar.rules.ts';
import { AUTOMATED_CHANNELS } from '../contracts/enums.ts';
import { changeStatus, reopenCase } from '../core/cases/change-status.ts';
import { closeCase } from '../core/cases/close-case.ts';
import { openCase } from '../core/cases/open-case.ts';
import { recordReply } from '../core/cases/record-reply.ts';
import { transferCase } from '../core/cases/transfer-case.ts';
import { involveStaff } from '../core/debriefs/involve-staff.ts';
import { logContact } from '../core/intake/log-contact.ts';
import { completeStep } from '../core/playbook/complete-step.ts';
import { confirmFeelings } from '../core/playbook/confirm-feelings.ts';
import { recordRootCause } from '../core/playbook/record-root-cause.ts';
import { confirmRestatement, restateComplaint } from '../core/playbook/restate-complaint.ts';
import { thankCustomer } from '../core/playbook/thank-customer.ts';
import { linkCaseToProblem } from '../core/problems/link-case-to-problem.ts';
import { makePromise } from '../core/promises/make-promise.ts';
import { settlePromise } from '../core/promises/settle-promise.ts';
import { chooseOption } from '../core/resolutions/choose-option.ts';
import { deliverResolution } from '../core/resolutions/deliver-resolution.ts';
import { offerSolutions } from '../core/resolutions/offer-solutions.ts';
import { recordRefusal, recordVerdict } from '../core/resolutions/record-verdict.ts';
import { decideApproval } from '../core/restitution/decide-approval.ts';
import { grantRestitution } from '../core/restitution/grant-restitution.ts';
import type { Actor, Ctx } from '../core/shared/context.ts';
import type { DemoStory, ProblemKey, StaffKey, Step } from './story.ts';

const MINUTE = 60_000;
const DEFAULT_GAP = 20;

export type StaffActors = Record<StaffKey, Actor & { kind: 'user' }>;

export interface StoryEnv {
  ctx: Ctx;
  staff: StaffActors;
  problems: Record<ProblemKey, string>;
  /** The moment the load started: every story ends before it. */
  now: number;
  /** Staff act in business hours: a step that falls outside them waits for the next opening. */
  calendar: BusinessCalendar;
}

/** What a story remembers between steps. */
interface Play {
  caseId: string;
  owner: Actor & { kind: 'user' };
  t: number;
  options: string[];
  restitutionId: string | null;
  promiseId: string | null;
}

/** When each step happens: its gap after the one before, moved into business hours. */
export function scheduleOf(s: DemoStory, start: number, calendar: BusinessCalendar): number[] {
  let t = start;
  return s.steps.map((step, i) => {
    t += (step.after ?? DEFAULT_GAP) * MINUTE;
    if (!isBusinessTime(calendar, new Date(t))) {
      // A few minutes after opening, not all on the stroke of it.
      t = nextBusinessOpen(calendar, new Date(t)).getTime() + (5 + ((i * 7) % 25)) * MINUTE;
    }
    return t;
  });
}

/**
 * The arrival: `daysAgo` days back at `at` local time, moved a day earlier until every step
 * is over before now (and, for calls, letters and visits, until it falls in business hours).
 */
export function arrivalOf(s: DemoStory, now: number, calendar: BusinessCalendar): number {
  const [hour, minute] = s.at.split(':').map(Number);
  const isStaffLogged = !AUTOMATED_CHANNELS.includes(s.channel);
  let day = DateTime.fromMillis(now, { zone: calendar.timeZone }).minus({ days: s.daysAgo });
  for (let tries = 0; tries < 60; tries++, day = day.minus({ days: 1 })) {
    const start = day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
    if (isStaffLogged && !isBusinessTime(calendar, new Date(start))) continue;
    const last = scheduleOf(s, start, calendar).at(-1) ?? start;
    if (last < now - MINUTE) return start;
  }
  throw new Error(`The demo story “${s.subject}” does not fit before now.`);
}

export async function loadStories(
  env: StoryEnv,
  stories: readonly DemoStory[],
  onCase: () => void,
): Promise<void> {
  const timed = stories
    .map((story) => ({ story, start: arrivalOf(story, env.now, env.calendar) }))
    .sort((a, b) => a.start - b.start);
  for (const { story, start } of timed) {
    await playStory(env, story, start);
    onCase();
  }
}

async function playStory(env: StoryEnv, story: DemoStory, start: number): Promise<void> {
  const owner = env.staff[story.owner];
  // Staff log calls, letters and visits; the other channels arrive by themselves.
  const isStaffLogged = !AUTOMATED_CHANNELS.includes(story.channel);
  const opener: Actor = isStaffLogged ? owner : { kind: 'system', name: `${story.channel}-intake` };
  const { firstName, lastName, email, phone, handle, lifetimeValue } = story.customer;
  const { case: opened } = await openCase(
    { ...env.ctx, actor: opener, now: () => new Date(start) },
    {
      channel: story.channel,
      receivedAt: new Date(start).toISOString(),
      subject: story.subject,
      account: story.account,
      category: story.category,
      severity: story.severity,
      callDurationSeconds: story.callSeconds,
      ownerId: isStaffLogged ? undefined : owner.id,
      customer: {
        firstName,
        lastName,
        lifetimeValue,
        contacts: [
          ...(email ? [{ kind: 'email' as const, value: email }] : []),
          ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
          ...(handle ? [{ kind: 'social' as const, value: handle }] : []),
        ],
      },
    },
  );
  const play: Play = {
    caseId: opened.id,
    owner,
    t: start,
    options: [],
    restitutionId: null,
    promiseId: null,
  };
  const times = scheduleOf(story, start, env.calendar);
  for (const [i, step] of story.steps.entries()) {
    play.t = times[i]!;
    await playStep(env, play, step);
  }
}

function as(env: StoryEnv, play: Play, actor: Actor = play.owner): Ctx {
  const at = new Date(play.t);
  return { ...env.ctx, actor, now: () => at };
}

type Handler<K extends Step['do']> = (
  ctx: Ctx,
  step: Extract<Step, { do: K }>,
  play: Play,
  env: StoryEnv,
) => Promise<unknown>;

/** One core action per kind of step, acting as the case's owner at the step's time. */
const PLAY: { [K in Step['do']]: Handler<K> } = {
  reply: (ctx, s, p) => recordReply(ctx, p.caseId, { body: s.body, channel: s.channel }),
  note: (ctx, s, p) => recordReply(ctx, p.caseId, { body: s.body, isInternalNote: true }),
  restate: async (ctx, s, p, env) => {
    await restateComplaint(ctx, p.caseId, { restatement: s.text });
    if (s.isConfirmed) await confirmRestatement(as(env, { ...p, t: p.t + MINUTE }), p.caseId);
  },
  feelings: (ctx, s, p) => confirmFeelings(ctx, p.caseId, { feelings: s.feelings }),
  tick: (ctx, s, p) => completeStep(ctx, p.caseId, s.step, { notes: s.notes }),
  offer: async (ctx, s, p) => {
    const offered = await offerSolutions(ctx, p.caseId, {
      options: s.options,
      customerIdea: s.idea,
    });
    p.options.push(...offered.options.map((o) => o.id));
  },
  choose: (ctx, s, p) => chooseOption(ctx, p.caseId, { optionId: p.options[s.option] }),
  deliver: (ctx, _s, p) => deliverResolution(ctx, p.caseId),
  verdict: (ctx, s, p) => recordVerdict(ctx, p.caseId, { verdict: s.verdict, note: s.note }),
  refuse: (ctx, s, p) => recordRefusal(ctx, p.caseId, { reason: s.reason }),
  give: async (ctx, s, p) => {
    const given = await grantRestitution(ctx, p.caseId, {
      kind: s.kind,
      amount: s.amount,
      note: s.note,
    });
    if (given.needsApproval) p.restitutionId = given.restitution.id;
  },
  decide: async (_ctx, s, p, env) => {
    if (!p.restitutionId) throw new Error('A demo story decides an approval never asked for.');
    await decideApproval(as(env, p, env.staff[s.by]), p.restitutionId, {
      approve: s.approve,
      reason: s.reason,
    });
    p.restitutionId = null;
  },
  promise: async (ctx, s, p, env) => {
    const from = s.isOpen ? env.now : p.t;
    const dueAt = new Date(from + s.dueIn * MINUTE).toISOString();
    p.promiseId = (await makePromise(ctx, p.caseId, { what: s.what, dueAt })).id;
  },
  settle: async (ctx, s, p) => {
    if (!p.promiseId) throw new Error('A demo story settles a promise never made.');
    await settlePromise(ctx, p.promiseId, { outcome: s.outcome, note: s.note });
    p.promiseId = null;
  },
  wait: (ctx, s, p) =>
    changeStatus(ctx, p.caseId, { status: 'awaiting_customer', reason: s.reason }),
  resume: (ctx, s, p) => changeStatus(ctx, p.caseId, { status: 'in_progress', reason: s.reason }),
  transfer: async (ctx, s, p, env) => {
    await transferCase(ctx, p.caseId, { toUserId: env.staff[s.to].id, reason: s.reason });
    p.owner = env.staff[s.to];
  },
  contact: (ctx, s, p) =>
    logContact(ctx, p.caseId, {
      channel: s.channel,
      body: s.body,
      callDurationSeconds: s.seconds,
    }),
  involve: (ctx, s, p, env) =>
    involveStaff(ctx, p.caseId, { userId: env.staff[s.staff].id, role: s.role }),
  link: (ctx, s, p, env) =>
    linkCaseToProblem(ctx, p.caseId, { problemId: env.problems[s.problem] }),
  cause: (ctx, s, p) => recordRootCause(ctx, p.caseId, { rootCauseCategory: s.category }),
  oneOff: (ctx, s, p) => recordRootCause(ctx, p.caseId, { oneOffReason: s.reason }),
  thank: (ctx, _s, p) => thankCustomer(ctx, p.caseId),
  close: (ctx, _s, p) => closeCase(ctx, p.caseId),
  reopen: (ctx, s, p) => reopenCase(ctx, p.caseId, { reason: s.reason }),
};

async function playStep(env: StoryEnv, play: Play, step: Step): Promise<void> {
  const handler = PLAY[step.do] as Handler<typeof step.do>;
  await handler(as(env, play), step, play, env);
}
