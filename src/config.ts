// Environment configuration, parsed once at start-up with field-level messages.
import { z } from 'zod';
import {
  ACTIVE_TYPES,
  DEFAULT_POLICY,
  type AttachmentPolicy,
} from './core/attachments/attachment.rules.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'Must be a postgres:// or postgresql:// URL.')
      .optional(),
    REDRESS_DATA_DIR: z.string().min(1).default('./data'),
    REDRESS_PG_PORT: z.coerce.number().int().min(1024).max(65_535).default(54329),
    REDRESS_PUBLIC_URL: z.url().optional(),
    REDRESS_RUN_JOBS: bool.default(true),
    REDRESS_SECURE_COOKIES: bool.default(false),
    REDRESS_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
    /** App processes sharing the port (node:cluster); each is a stateless instance. */
    REDRESS_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    REDRESS_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    REDRESS_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    REDRESS_SMTP_OUT_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'Must be an smtp:// or smtps:// URL.')
      .optional(),
    REDRESS_MAIL_FROM: z.string().min(3).default('Support <support@localhost>'),
    REDRESS_SMS_AUTH_TOKEN: z.string().min(8).optional(),
    /** Outbound texts: the provider account, the sender and the API address (tests point it home). */
    REDRESS_SMS_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'Must be the account id: AC followed by 32 hex digits.')
      .optional(),
    REDRESS_SMS_FROM: z
      .string()
      .regex(
        /^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11}|MG[0-9a-fA-F]{32})$/,
        'Must be a number in international form (+447700900123), a sender name of up to 11 letters and digits, or a messaging service id (MG…).',
      )
      .optional(),
    REDRESS_SMS_API_URL: z
      .url()
      .regex(/^https?:\/\//, 'Must be an http:// or https:// URL.')
      .default('https://api.twilio.com'),
    REDRESS_SOCIAL_SECRET: z.string().min(16).optional(),
    /** The bridge that posts outbound direct messages (signed with REDRESS_SOCIAL_SECRET). */
    REDRESS_SOCIAL_OUT_URL: z
      .url()
      .regex(/^https?:\/\//, 'Must be an http:// or https:// URL.')
      .optional(),
    /** Files kept with cases (email attachments, staff uploads). */
    REDRESS_ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024, 'Must be at least 1024 bytes.')
      .max(25 * 1024 * 1024, 'Must be at most 26214400 bytes (25 MB, the email size limit).')
      .default(DEFAULT_POLICY.maxBytes),
    REDRESS_ATTACHMENT_TYPES: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/,
                'Each entry must be a MIME type such as application/pdf.',
              )
              .refine((t) => !ACTIVE_TYPES.includes(t), {
                message: 'Types a browser can run (HTML, SVG, scripts) are never accepted.',
              }),
          )
          .min(1, 'List at least one MIME type, separated by commas.'),
      )
      .optional(),
    /** Webhook calls accepted per minute from one address. */
    REDRESS_WEBHOOK_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Signs customer portal links; unset, a random secret is kept in the database. */
    REDRESS_SECRET: z.string().min(32, 'Must be at least 32 characters.').optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .superRefine((c, issues) => {
    if (c.REDRESS_SOCIAL_OUT_URL && !c.REDRESS_SOCIAL_SECRET)
      issues.addIssue({
        code: 'custom',
        path: ['REDRESS_SOCIAL_SECRET'],
        message:
          'Required with REDRESS_SOCIAL_OUT_URL: outbound direct messages are signed with it.',
      });
    // Outbound texts need the account, its token and a sender together; half a set is a mistake.
    if (!c.REDRESS_SMS_ACCOUNT_SID && !c.REDRESS_SMS_FROM) return;
    const missing = (
      ['REDRESS_SMS_ACCOUNT_SID', 'REDRESS_SMS_AUTH_TOKEN', 'REDRESS_SMS_FROM'] as const
    ).filter((k) => !c[k]);
    for (const key of missing)
      issues.addIssue({
        code: 'custom',
        path: [key],
        message:
          'Required to send text messages (set REDRESS_SMS_ACCOUNT_SID, REDRESS_SMS_AUTH_TOKEN and REDRESS_SMS_FROM together).',
      });
  });
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function attachmentPolicy(config: Config): AttachmentPolicy {
  return {
    ...DEFAULT_POLICY,
    maxBytes: config.REDRESS_ATTACHMENT_MAX_BYTES,
    ...(config.REDRESS_ATTACHMENT_TYPES ? { allowedTypes: config.REDRESS_ATTACHMENT_TYPES } : {}),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
