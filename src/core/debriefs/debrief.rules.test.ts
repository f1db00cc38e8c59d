import { describe, expect, test } from 'vitest';
import { customerOutcome, mayAccessDebrief } from './debrief.rules.ts';

describe('the news about the customer', () => {
  test.each([
    [{ verdict: 'meets', refusalReason: null, willStay: null }, true, /kept/],
    [{ verdict: 'exceeds', refusalReason: null, willStay: null }, true, /more than met/],
    [{ verdict: 'falls_short', refusalReason: null, willStay: null }, false, /fell short/],
    [{ verdict: null, refusalReason: 'wanted cash', willStay: null }, null, /declined/],
    [{ verdict: 'meets', refusalReason: null, willStay: 'no' }, false, /may leave/],
    [{ verdict: 'falls_short', refusalReason: null, willStay: 'yes' }, true, /will stay/],
    [{ verdict: 'meets', refusalReason: null, willStay: 'unsure' }, true, /met their/],
    [{ verdict: null, refusalReason: null, willStay: null }, null, /not heard/],
  ])('%j → kept %s', (input, kept, news) => {
    const out = customerOutcome(input);
    expect(out.kept).toBe(kept);
    expect(out.news).toMatch(news);
  });
});

describe('who may see a debrief', () => {
  const me = '11111111-1111-4111-8111-111111111111';
  test.each([
    [{ kind: 'user' as const, id: me, role: 'agent' as const }, true],
    [{ kind: 'user' as const, id: 'someone-else', role: 'agent' as const }, false],
    [{ kind: 'user' as const, id: 'someone-else', role: 'supervisor' as const }, false],
    [{ kind: 'user' as const, id: 'someone-else', role: 'manager' as const }, true],
    [{ kind: 'user' as const, id: 'someone-else', role: 'admin' as const }, true],
    [{ kind: 'system' as const }, true],
  ])('%j → %s', (actor, allowed) => {
    expect(mayAccessDebrief(actor, me)).toBe(allowed);
  });
});
