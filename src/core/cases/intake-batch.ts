// Group commit for intake. Under load many complaints arrive while the previous statement is
// still with PostgreSQL; instead of each waiting for a connection and paying for its own round
// trip, parse, executor start-up and commit (WAL flush), the waiting ones travel together in
// the next statement. At low load nothing waits: a lone complaint is written at once.
//
// A batch is one statement, so it is written whole or not at all. When it fails (one case's
// contact or idempotency key was taken meanwhile), each case is tried again alone, so one
// conflict never fails its neighbours; a lone case's error reaches its own caller, who falls
// back to the step-by-step transaction exactly as without batching.
import type { Database } from '../../db/client.ts';
import type { JobRequest, JobSender } from '../shared/context.ts';
import type { CaseRow } from './case.repo.ts';
import { insertCasesInOneStatement, type IntakeStatement } from './intake.repo.ts';

/** Statements in flight at once per process and sender: enough to keep PostgreSQL's cores busy. */
const IN_FLIGHT = 2;
/** Cases per statement at most: bounds the statement's size and how long the first case waits. */
const MAX_BATCH = 16;

/** Statements written and the cases they carried, in this process (for tests and diagnostics). */
export const intakeCounts = { statements: 0, cases: 0 };

interface Pending {
  item: IntakeStatement;
  jobs: JobRequest[];
  resolve(row: CaseRow): void;
  reject(err: unknown): void;
}

type StatementSender = JobSender & Required<Pick<JobSender, 'asStatement'>>;

/** Whether this job sender can add its insert to another statement (the queue can; test doubles may not). */
export function writesStatements(sender: JobSender): sender is StatementSender {
  return typeof sender.asStatement === 'function';
}

class IntakeBatcher {
  private readonly waiting: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly database: Database,
    private readonly sender: StatementSender,
  ) {}

  submit(item: IntakeStatement, jobs: JobRequest[]): Promise<CaseRow> {
    return new Promise<CaseRow>((resolve, reject) => {
      this.waiting.push({ item, jobs, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const rows = await this.insert(batch);
      intakeCounts.statements++;
      intakeCounts.cases += batch.length;
      batch.forEach((p, i) => p.resolve(rows[i] as CaseRow));
    } catch (err) {
      if (batch.length === 1) return batch[0]?.reject(err);
      // Written nothing: try each alone, so only the case at fault sees the error.
      await Promise.all(batch.map((p) => this.write([p])));
    }
  }

  private async insert(batch: Pending[]): Promise<CaseRow[]> {
    const jobs = batch.flatMap((p) => p.jobs);
    const queued = await this.sender.asStatement(jobs);
    const rows = await insertCasesInOneStatement(
      this.database,
      batch.map((p) => p.item),
      queued.statement,
    );
    queued.committed();
    return rows;
  }
}

// One batcher per database and job sender: cases in one statement share both.
const batchers = new WeakMap<Database, WeakMap<StatementSender, IntakeBatcher>>();

/** Writes the case in the next intake statement, with any others waiting for one. */
export function writeCase(
  database: Database,
  sender: StatementSender,
  item: IntakeStatement,
  jobs: JobRequest[],
): Promise<CaseRow> {
  let bySender = batchers.get(database);
  if (!bySender) batchers.set(database, (bySender = new WeakMap()));
  let batcher = bySender.get(sender);
  if (!batcher) bySender.set(sender, (batcher = new IntakeBatcher(database, sender)));
  return batcher.submit(item, jobs);
}
