// Builders for integration tests: a fresh database, a settable clock, staff users, the HTTP app.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import type { Actor, Ctx, JobSender } from '../../src/core/shared/context.ts';
import { silentLogger } from '../../src/core/shared/context.ts';
import type { Role } from '../../src/core/shared/roles.rules.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { createApiToken } from '../../src/core/users/sessions.ts';
import { createTestDatabase } from './db.ts';
import type { Database } from '../../src/db/client.ts';

export interface SentJob {
  name: string;
  data: object;
  startAfter?: Date;
  id?: string;
}

/** Records queued jobs instead of running them; the jobs tests use the real queue. */
export function recordingJobs(): JobSender & { sent: SentJob[] } {
  const sent: SentJob[] = [];
  return {
    sent,
    send: async (_tx, jobs) => void sent.push(...jobs),
    asStatement: async (jobs) => ({ statement: null, committed: () => void sent.push(...jobs) }),
  };
}

export class TestClock {
  constructor(public current = new Date('2026-11-23T10:00:00Z')) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function makeDesk(opts: { jobs?: JobSender } = {}) {
  const database = await createTestDatabase();
  const clock = new TestClock();
  const jobs = opts.jobs ?? recordingJobs();
  const users: Record<string, Actor & { kind: 'user' }> = {};
  const ctxFor = (actor: Actor): Ctx => ({
    actor,
    database,
    now: clock.now,
    log: silentLogger,
    jobs,
  });
  async function makeUser(role: Role, name = `${role} ${Object.keys(users).length + 1}`) {
    const row = await insertNewUser(database.db, {
      email: `${name.replace(/\W+/g, '.').toLowerCase()}@example.test`,
      name,
      role,
      password: 'correct horse battery',
    });
    const actor = { kind: 'user' as const, id: row.id, role, name };
    users[name] = actor;
    return actor;
  }
  return {
    database,
    clock,
    jobs,
    ctxFor,
    makeUser,
    system: ctxFor({ kind: 'system', name: 'test' }),
    close: () => database.close(),
  };
}

export type Desk = Awaited<ReturnType<typeof makeDesk>>;

export async function makeApi(desk: Desk): Promise<FastifyInstance> {
  return buildApp({ database: desk.database, jobs: desk.jobs, now: desk.clock.now });
}

/** An API token for a role, for driving the HTTP API as that user. */
export async function tokenFor(
  desk: Desk,
  role: Role,
  scopes: Array<'cases:read' | 'cases:write' | 'admin'> = ['cases:write', 'admin'],
) {
  const user = await desk.makeUser(role);
  const allowed = role === 'admin' ? scopes : scopes.filter((s) => s !== 'admin');
  const { token } = await createApiToken(desk.ctxFor(user), { name: 'test', scopes: allowed });
  return { user, headers: { authorization: `Bearer ${token}` } };
}

export function complaint(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'email',
    subject: 'Sofa delivered with a torn cushion',
    account:
      'My new sofa arrived on Saturday with a long tear across the left cushion. I took the day off work to wait for it and now I have to wait again. I am really upset.',
    customer: {
      firstName: 'Priya',
      lastName: 'Shah',
      contacts: [{ kind: 'email', value: 'Priya.Shah@example.com' }],
    },
    ...overrides,
  };
}

/** `call(method, url, who, payload)` against /api/v1 of an in-process app, as a staff member. */
export function apiCaller(getApi: () => FastifyInstance) {
  return async (
    method: 'GET' | 'POST',
    url: string,
    who: { headers: Record<string, string> },
    payload?: object,
  ) => {
    const res = await getApi().inject({
      method,
      url: `/api/v1${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are asserted field by field
    return { status: res.statusCode, body: res.json() as Record<string, any> };
  };
}

/** An admin and a `cases:write` API token for them, for tests that drive a server process. */
export async function adminApiToken(database: Database, name: string): Promise<string> {
  const admin = await insertNewUser(database.db, {
    email: 'admin@example.test',
    name: 'Ada Admin',
    role: 'admin',
    password: 'correct horse battery',
  });
  const ctx: Ctx = {
    actor: { kind: 'user', id: admin.id, role: 'admin', name: 'Ada Admin' },
    database,
    now: () => new Date(),
    log: silentLogger,
    jobs: recordingJobs(),
  };
  return (await createApiToken(ctx, { name, scopes: ['cases:write'] })).token;
}
