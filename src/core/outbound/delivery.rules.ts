// Which channel carries a message meant for the customer. Email, text messages and social direct
// messages can be sent; a reply logged on a phone, letter or walk-in case records what staff said
// in person, so it is not sent again unless the customer asked for email or texts.
import type { Channel, ContactKind } from '../../contracts/enums.ts';

export type Preference = 'email' | 'phone' | 'sms' | 'social';

const STAFF_LOGGED: readonly Channel[] = ['phone', 'letter', 'in_person'];

const CONTACT_OF = { email: 'email', sms: 'phone', social: 'social' } as const;

export function isSendable(channel: Channel): channel is 'email' | 'sms' | 'social' {
  return channel === 'email' || channel === 'sms' || channel === 'social';
}

function reachable(channel: keyof typeof CONTACT_OF, contacts: readonly ContactKind[]): boolean {
  return contacts.includes(CONTACT_OF[channel]);
}

export function deliveryChannel(input: {
  caseChannel: Channel;
  /** Chosen by the member of staff for this one message. */
  requested?: Channel | undefined;
  preferred?: Preference | null | undefined;
  contacts: readonly ContactKind[];
}): Channel {
  if (input.requested) return input.requested;
  const { caseChannel, preferred, contacts } = input;
  if ((preferred === 'email' || preferred === 'sms') && reachable(preferred, contacts))
    return preferred;
  if (isSendable(caseChannel) && reachable(caseChannel, contacts)) return caseChannel;
  if (STAFF_LOGGED.includes(caseChannel)) return caseChannel;
  // Web and chat (or a channel without its contact): answer where the customer can be reached.
  if (contacts.includes('email')) return 'email';
  if (contacts.includes('phone')) return 'sms';
  return caseChannel;
}

/** How long outbound mail waits before the next try after the mail server failed it. */
export interface RetryPolicy {
  firstSeconds: number;
  maxSeconds: number;
}

/** 5 s, 10 s, 20 s … doubling up to 10 minutes, then every 10 minutes until the server answers. */
export const EMAIL_RETRY: RetryPolicy = { firstSeconds: 5, maxSeconds: 600 };

/** Seconds to wait after the `attempt`-th failure (0 for the first). */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxSeconds, policy.firstSeconds * 2 ** Math.min(attempt, 30));
}
