// Environment configuration, parsed once at start-up with field-level messages.
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z.object({
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
  REDRESS_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  REDRESS_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  REDRESS_SMTP_OUT_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'Must be an smtp:// or smtps:// URL.')
    .optional(),
  REDRESS_MAIL_FROM: z.string().min(3).default('Support <support@localhost>'),
  REDRESS_SMS_AUTH_TOKEN: z.string().min(8).optional(),
  REDRESS_SOCIAL_SECRET: z.string().min(16).optional(),
  /** Webhook calls per minute per sending address. */
  REDRESS_WEBHOOK_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Signs customer portal links; unset, a random secret is kept in the database. */
  REDRESS_SECRET: z.string().min(32, 'Must be at least 32 characters.').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

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
