// The key that signs portal links: REDRESS_SECRET when set, otherwise a random secret made once
// and kept in the database, so every instance signs and checks with the same key.
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { claimSecret } from './portal.repo.ts';
import { checkPortalToken, type TokenCheck } from './portal-token.rules.ts';

export interface PortalConfig {
  /** REDRESS_SECRET, already checked to be at least 32 characters. */
  secret?: string;
  /** REDRESS_PUBLIC_URL: links in emails need an absolute address. */
  publicUrl?: string;
}

export async function portalSecret(db: DbOrTx, config: PortalConfig = {}): Promise<string> {
  if (config.secret) return config.secret;
  return claimSecret(db, 'portal', randomBytes(32).toString('base64url'));
}

/** Checks a link a customer presented. */
export async function openPortalLink(
  db: DbOrTx,
  token: string,
  now: Date,
  config: PortalConfig = {},
): Promise<TokenCheck> {
  return checkPortalToken(await portalSecret(db, config), token, now);
}
