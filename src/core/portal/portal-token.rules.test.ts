import { describe, expect, test } from 'vitest';
import { checkPortalToken, defaultExpiry, portalToken, portalUrl } from './portal-token.rules.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const CASE = '0b0f6c1e-3a52-4d0e-9b7a-2f1c7d9e8a10';
const OTHER = '7d3f1a22-9c44-4b1e-8f0a-5e6d7c8b9a01';
const NOW = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-12-01T10:00:00Z');
const token = portalToken(SECRET, CASE, LATER);
const [, expiry, sig] = token.split('.');

describe('portal tokens', () => {
  test.each([
    ['valid', token, SECRET, NOW, { ok: true, caseId: CASE, expiresAt: LATER }],
    ['one second before expiry', token, SECRET, new Date(LATER.getTime() - 1000), { ok: true }],
    ['at expiry', token, SECRET, LATER, { ok: false, reason: 'expired' }],
    ['expired', token, SECRET, new Date('2027-01-01T00:00:00Z'), { ok: false, reason: 'expired' }],
    [
      'tampered case id',
      `${OTHER}.${expiry}.${sig}`,
      SECRET,
      NOW,
      { ok: false, reason: 'tampered' },
    ],
    [
      'tampered expiry',
      `${CASE}.${Number(expiry) + 86_400}.${sig}`,
      SECRET,
      NOW,
      { ok: false, reason: 'tampered' },
    ],
    [
      'tampered signature',
      `${CASE}.${expiry}.${'A'.repeat(43)}`,
      SECRET,
      NOW,
      { ok: false, reason: 'tampered' },
    ],
    ['wrong secret', token, `${SECRET}x`, NOW, { ok: false, reason: 'tampered' }],
    ['garbage', 'not-a-token', SECRET, NOW, { ok: false, reason: 'malformed' }],
    ['empty', '', SECRET, NOW, { ok: false, reason: 'malformed' }],
    [
      'not a uuid',
      `${'z'.repeat(36)}.${expiry}.${sig}`,
      SECRET,
      NOW,
      { ok: false, reason: 'malformed' },
    ],
  ])('%s', (_name, given, secret, now, expected) => {
    expect(checkPortalToken(secret, given, now)).toMatchObject(expected);
  });

  test('the default lifetime is 30 days and the URL joins cleanly', () => {
    expect(defaultExpiry(NOW).toISOString()).toBe('2026-12-23T10:00:00.000Z');
    expect(portalUrl('https://help.example.com/', 'abc')).toBe(
      'https://help.example.com/portal/abc',
    );
  });
});
