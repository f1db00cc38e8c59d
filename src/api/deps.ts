import type { Database } from '../db/client.ts';
import type { JobSender, Logger } from '../core/shared/context.ts';
import type { PortalConfig } from '../core/portal/portal-secret.ts';
import type { AttachmentPolicy } from '../core/attachments/attachment.rules.ts';

/** What the HTTP app needs from the outside world; tests pass their own clock. */
export interface AppDeps {
  database: Database;
  jobs: JobSender;
  now: () => Date;
  logger?: boolean | object;
  isSecureCookie?: boolean;
  log?: Logger;
  /** Webhook secrets; a door without its secret answers 404. */
  /** Customer portal links: REDRESS_SECRET and REDRESS_PUBLIC_URL (the secret also keys staff session cookies). */
  portal?: PortalConfig;
  /** Size and type limits of kept files (REDRESS_ATTACHMENT_*); the defaults otherwise. */
  attachments?: AttachmentPolicy;
  webhooks?: {
    smsAuthToken?: string;
    socialSecret?: string;
    publicUrl: string;
    limitPerMinute?: number;
  };
}
