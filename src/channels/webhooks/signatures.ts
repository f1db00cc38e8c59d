// Request signatures of the webhook doors. Comparisons are constant-time.
import { createHmac, timingSafeEqual } from 'node:crypto';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The widely used SMS provider's scheme: base64 HMAC-SHA1, keyed with the account's auth token,
 * of the full request URL followed by every form field name and value, sorted by name.
 */
export function smsSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function isValidSmsSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  given: string,
): boolean {
  return same(smsSignature(authToken, url, params), given);
}

/** Social webhooks: hex HMAC-SHA256 of `${timestamp}.${rawBody}`; old timestamps are replays. */
export function socialSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export const REPLAY_WINDOW_MS = 5 * 60_000;

export function checkSocialSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}): 'ok' | 'missing' | 'stale' | 'bad' {
  if (!input.timestamp || !input.signature) return 'missing';
  const ts = Number(input.timestamp) * 1000;
  if (!Number.isFinite(ts) || Math.abs(input.now.getTime() - ts) > REPLAY_WINDOW_MS) return 'stale';
  const expected = socialSignature(input.secret, input.timestamp, input.rawBody);
  return same(expected, input.signature.replace(/^sha256=/, '')) ? 'ok' : 'bad';
}
