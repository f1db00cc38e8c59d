import { describe, expect, test } from 'vitest';
import type { CaseStatus } from '../../contracts/enums.ts';
import { escapeHtml, nextAnswer, statusInWords } from './portal-view.rules.ts';

describe('escapeHtml', () => {
  test.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a & b', 'a &amp; b'],
    ['"quoted" \'single\'', '&quot;quoted&quot; &#39;single&#39;'],
    ['<img src=x onerror="x()">', '&lt;img src=x onerror=&quot;x()&quot;&gt;'],
    ['&amp;', '&amp;amp;'],
  ])('%s', (given, expected) => expect(escapeHtml(given)).toBe(expected));
});

const NOW = new Date('2026-11-23T10:00:00Z');
const SOON = new Date('2026-11-23T14:00:00Z');
const PAST = new Date('2026-11-23T09:00:00Z');
const base = { firstResponseAt: null, firstResponseDueAt: SOON, resolutionDueAt: SOON };

describe('nextAnswer', () => {
  test.each<[string, Parameters<typeof nextAnswer>[0], string | null]>([
    [
      'first reply due',
      { ...base, status: 'new' },
      'We will reply personally by Monday 23 November at 14:00.',
    ],
    [
      'first reply late',
      { ...base, status: 'new', firstResponseDueAt: PAST },
      'We said we would reply personally by Monday 23 November at 09:00 and we are late. We are sorry; it is being chased.',
    ],
    [
      'resolution due',
      { ...base, status: 'in_progress', firstResponseAt: PAST },
      'We will have this resolved by Monday 23 November at 14:00.',
    ],
    [
      'no due time',
      { ...base, status: 'new', firstResponseDueAt: null },
      'We will answer as soon as someone is back at their desk.',
    ],
    [
      'waiting on the customer',
      { ...base, status: 'awaiting_customer' },
      'The next step is yours: answer below.',
    ],
    ['resolved', { ...base, status: 'resolved' }, null],
    ['closed', { ...base, status: 'closed' }, null],
  ])('%s', (_n, facts, expected) => expect(nextAnswer(facts, NOW, 'Europe/London')).toBe(expected));

  test.each<CaseStatus>(['new', 'in_progress', 'awaiting_customer', 'resolved', 'closed'])(
    'every status has plain words: %s',
    (s) => expect(statusInWords(s)).toMatch(/\w+/),
  );
});
