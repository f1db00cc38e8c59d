// What every action receives: who is acting, the database, the clock and a logger.
import type { Database, DbOrTx } from '../../db/client.ts';
import type { SQL } from 'drizzle-orm';
import { DomainError } from './errors.ts';
import {
  roleCan,
  scopeAllows,
  type Permission,
  type Role,
  type TokenScope,
} from './roles.rules.ts';

export type Actor =
  | { kind: 'user'; id: string; role: Role; name: string; scopes?: readonly TokenScope[] }
  | { kind: 'system'; name: string };

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobRequest {
  name: string;
  data: object;
  startAfter?: Date;
  /** A fixed job id: queuing the same id twice keeps the first job only. */
  id?: string;
}

/** Queues durable jobs inside the caller's transaction (see jobs/queue.ts), in one statement. */
export interface JobSender {
  send(tx: DbOrTx, jobs: JobRequest[]): Promise<void>;
  /**
   * The same jobs as one data-modifying SQL statement (null when there are none), for actions
   * that write everything in a single statement; `committed` runs once that statement commits.
   * Senders without it make those actions use an ordinary transaction and `send`.
   */
  asStatement?(jobs: JobRequest[]): Promise<{ statement: SQL | null; committed(): void }>;
}

export interface Ctx {
  actor: Actor;
  database: Database;
  now: () => Date;
  log: Logger;
  jobs: JobSender;
  requestId?: string;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function authorize(ctx: Ctx, permission: Permission): void {
  const { actor } = ctx;
  if (actor.kind === 'system') return;
  if (!roleCan(actor.role, permission)) {
    throw new DomainError(
      'forbidden',
      `Your role (${actor.role}) may not do this (${permission}).`,
    );
  }
  if (actor.scopes && !scopeAllows(actor.scopes, permission)) {
    throw new DomainError('forbidden', `This API token lacks the scope for ${permission}.`);
  }
}

export function actorId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.id : null;
}

export function actorLabel(ctx: Ctx): string {
  return ctx.actor.kind === 'user' ? ctx.actor.name : `system:${ctx.actor.name}`;
}
