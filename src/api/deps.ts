import type { Database } from '../db/client.ts';
import type { JobSender, Logger } from '../core/shared/context.ts';

/** What the HTTP app needs from the outside world; tests pass their own clock. */
export interface AppDeps {
  database: Database;
  jobs: JobSender;
  now: () => Date;
  logger?: boolean | object;
  isSecureCookie?: boolean;
  log?: Logger;
  /** Webhook secrets; a door without its secret answers 404. */
  webhooks?: { smsAuthToken?: string; socialSecret?: string; publicUrl: string };
}
