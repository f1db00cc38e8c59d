// A read-through cache for the few rows nearly every request reads: the caller's API token and
// the organisation's settings. Each read costs a round trip to PostgreSQL, and at intake rates
// the round trips, not the queries, are the cost.
//
// Correctness rules:
// - Entries live one second at most, so another app instance's change (a revoked token, new
//   business hours) is seen within a second everywhere.
// - A change made in this process forgets the cache at once (call `forget`), before and after
//   its commit, so this instance never serves what it has just changed.
// - A read that started before a `forget` is not stored: a generation number tells.
// - Only what was found is cached; a miss is asked again next time.
import type { Database } from './client.ts';

const TTL_MS = 1000;

export class ReadCache<V> {
  private entries = new WeakMap<Database, Map<string, { value: V; at: number }>>();
  private generation = 0;

  async get(database: Database, key: string, load: () => Promise<V | null>): Promise<V | null> {
    const now = performance.now();
    const hit = this.entries.get(database)?.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (value !== null && generation === this.generation) {
      let map = this.entries.get(database);
      if (!map) {
        map = new Map();
        this.entries.set(database, map);
      }
      // A burst of distinct keys (a token-guessing flood) must not grow the map without bound.
      if (map.size > 1000) map.clear();
      map.set(key, { value, at: now });
    }
    return value;
  }

  /** Forgets everything, for every database: something behind these entries changed. */
  forget(): void {
    this.generation++;
    this.entries = new WeakMap();
  }
}
