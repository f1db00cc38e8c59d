/**
 * A refusal from a sending service (SMS provider, social bridge). Permanent ones (a number that
 * cannot take texts, rejected credentials) are not retried; the rest (rate limits, outages,
 * timeouts) are.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Rate limits and server trouble pass; bad addresses and rejected credentials do not. */
export function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}
