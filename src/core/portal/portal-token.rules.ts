// R15: a status link that always works, without an account. The token is the case id, the
// expiry (Unix seconds) and an HMAC-SHA256 over both with the server secret, so nobody can
// change the case or stretch the expiry without the secret. Nothing about it is stored.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const PORTAL_LINK_DAYS = 30;
export const MIN_SECRET_LENGTH = 32;

export type TokenCheck =
  | { ok: true; caseId: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHAPE = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, caseId: string, expirySeconds: number): string {
  return createHmac('sha256', secret)
    .update(`redress-portal:v1:${caseId}:${expirySeconds}`)
    .digest('base64url');
}

/** A token for one case that stops working at `expiresAt` (rounded down to the second). */
export function portalToken(secret: string, caseId: string, expiresAt: Date): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  return `${caseId}.${expiry}.${mac(secret, caseId, expiry)}`;
}

/** The default expiry of a link issued at `now`. */
export function defaultExpiry(now: Date, days = PORTAL_LINK_DAYS): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

/** The signature is checked before the expiry, so a stretched expiry reads as tampered. */
export function checkPortalToken(secret: string, token: string, now: Date): TokenCheck {
  const m = SHAPE.exec(token);
  if (!m || !m[1] || !m[2] || !m[3] || !UUID.test(m[1])) return { ok: false, reason: 'malformed' };
  const expiry = Number(m[2]);
  const expected = Buffer.from(mac(secret, m[1], expiry));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'tampered' };
  const expiresAt = new Date(expiry * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, caseId: m[1], expiresAt };
}

/** The public address of a portal page. */
export function portalUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/${token}`;
}
