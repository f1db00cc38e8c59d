// Passes: exit-code.test.ts checks that a passing run exits zero.
import { expect, test } from 'vitest';

test('passes', () => {
  expect(1 + 1).toBe(2);
});
