import { describe, expect, test } from 'vitest';
import { fillTemplate } from './templates.ts';
import { TemplateInput } from './workspace.ts';

describe('reply templates', () => {
  test('placeholders are filled; unknown values stay visible', () => {
    expect(
      fillTemplate('Hi {{firstName}}, {{ reference }} by {{promisedTime}}.', {
        firstName: 'Rosa',
        reference: 'RD-1042',
        promisedTime: null,
      }),
    ).toBe('Hi Rosa, RD-1042 by {{promisedTime}}.');
  });

  test('only the known placeholders are accepted', () => {
    expect(TemplateInput.safeParse({ name: 'ok', body: 'Hi {{firstName}}' }).success).toBe(true);
    const bad = TemplateInput.safeParse({ name: 'odd', body: 'Hi {{nickname}}' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('{{nickname}}');
  });
});
