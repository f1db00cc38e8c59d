import { describe, expect, it } from 'vitest';
import { unsafeTextIssues } from './text-safety.ts';

describe('unsafeTextIssues', () => {
  it('passes text PostgreSQL can store, numbers, booleans and nulls', () => {
    expect(
      unsafeTextIssues({ a: 'plain', b: 3, c: true, d: null, e: ['x', { f: 'é 🙂' }] }, 'body'),
    ).toEqual([]);
  });

  it('names the field of a NUL character and of a lone surrogate, keys included', () => {
    expect(
      unsafeTextIssues(
        { account: 'a\u0000b', contacts: [{ value: 'ok' }, { value: '\uD800' }], ['k\u0000']: 1 },
        'body',
      ),
    ).toEqual([
      { path: 'body.account', message: 'Must not contain the NUL character.' },
      { path: 'body.contacts.1.value', message: 'Must be valid Unicode text.' },
      { path: 'body.k\u0000', message: 'Must not contain the NUL character.' },
    ]);
  });

  it('reports a bare string at the root, and skips raw bytes', () => {
    expect(unsafeTextIssues('\u0000')).toEqual([
      { path: '(root)', message: 'Must not contain the NUL character.' },
    ]);
    expect(unsafeTextIssues({ file: Buffer.from([0, 0xd8]) })).toEqual([]);
  });

  it('stops at 20 issues and at a depth of 32', () => {
    expect(unsafeTextIssues(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
    let deep: unknown = '\u0000';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(unsafeTextIssues(deep)).toEqual([]);
  });
});
