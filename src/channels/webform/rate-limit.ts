// A fixed-window counter per key (the client address) for public doors. Per instance: with
// several instances behind a balancer each allows its own share, which is enough to stop a
// flood from one address without a shared store.
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True when this hit is allowed. */
  hit(key: string, now: number): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.windows.clear(); // bounded memory under attack
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  /** True when the key has used up its window, without counting a hit. */
  isBlocked(key: string, now: number): boolean {
    const w = this.windows.get(key);
    return w !== undefined && now - w.start < this.windowMs && w.count >= this.limit;
  }

  /** Whole seconds until the key's window ends (for Retry-After). */
  retryAfterSeconds(key: string, now: number): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 1;
  }

  forget(key: string): void {
    this.windows.delete(key);
  }
}
