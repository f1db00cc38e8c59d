// Fails on purpose: exit-code.test.ts checks that a failing run exits non-zero.
import { expect, test } from 'vitest';

test('fails on purpose', () => {
  expect(1 + 1).toBe(3);
});
