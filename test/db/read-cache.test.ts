// The read-through cache for tokens and settings: one second at most, forgotten on change, and
// never storing a read that raced a change.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { ReadCache } from '../../src/db/read-cache.ts';

const db = {} as Database;
const other = {} as Database;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

test('a found value is reused for up to a second, then read again', async () => {
  const cache = new ReadCache<string>();
  let reads = 0;
  const load = () => Promise.resolve(`v${++reads}`);
  expect(await cache.get(db, 'k', load)).toBe('v1');
  vi.advanceTimersByTime(900);
  expect(await cache.get(db, 'k', load)).toBe('v1');
  vi.advanceTimersByTime(200);
  expect(await cache.get(db, 'k', load)).toBe('v2');
  expect(reads).toBe(2);
});

test('each database has its own entries, and misses are never cached', async () => {
  const cache = new ReadCache<string>();
  let reads = 0;
  expect(await cache.get(db, 'k', () => Promise.resolve(`a${++reads}`))).toBe('a1');
  expect(await cache.get(other, 'k', () => Promise.resolve(`b${++reads}`))).toBe('b2');
  const miss = vi.fn(() => Promise.resolve(null));
  await cache.get(db, 'missing', miss);
  await cache.get(db, 'missing', miss);
  expect(miss).toHaveBeenCalledTimes(2);
});

test('forget drops every entry at once', async () => {
  const cache = new ReadCache<string>();
  await cache.get(db, 'k', () => Promise.resolve('old'));
  cache.forget();
  expect(await cache.get(db, 'k', () => Promise.resolve('new'))).toBe('new');
});

test('a read that was in flight when forget ran is returned but not stored', async () => {
  const cache = new ReadCache<string>();
  let release: (v: string) => void = () => undefined;
  const slow = cache.get(db, 'k', () => new Promise<string>((r) => (release = r)));
  cache.forget();
  release('stale');
  expect(await slow).toBe('stale');
  expect(await cache.get(db, 'k', () => Promise.resolve('fresh'))).toBe('fresh');
});
