// What the customer reads on the portal: the status in plain words and an honest expected time
// for the next answer (R15), and HTML escaping for every piece of text that is not ours.
import { DateTime } from 'luxon';
import type { CaseStatus } from '../../contracts/enums.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function statusInWords(status: CaseStatus): string {
  switch (status) {
    case 'new':
      return 'We have your complaint and a person will pick it up soon.';
    case 'in_progress':
      return 'A member of our team is working on it.';
    case 'awaiting_customer':
      return 'We are waiting for an answer from you.';
    case 'resolved':
      return 'We think this is sorted. Please tell us whether the solution works for you.';
    case 'closed':
      return 'This case is closed. If something is still wrong, write to us below and it reopens.';
  }
}

export interface ClockFacts {
  status: CaseStatus;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

function when(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("cccc d LLLL 'at' HH:mm");
}

/** The next answer the customer can expect, or null when the next move is theirs or nobody's. */
export function nextAnswer(facts: ClockFacts, now: Date, timeZone: string): string | null {
  if (facts.status === 'awaiting_customer') return 'The next step is yours: answer below.';
  if (facts.status === 'resolved' || facts.status === 'closed') return null;
  const isFirst = facts.firstResponseAt === null;
  const due = isFirst ? facts.firstResponseDueAt : facts.resolutionDueAt;
  if (!due) return 'We will answer as soon as someone is back at their desk.';
  const what = isFirst ? 'reply personally' : 'have this resolved';
  if (due.getTime() < now.getTime())
    return `We said we would ${what} by ${when(due, timeZone)} and we are late. We are sorry; it is being chased.`;
  return `We will ${what} by ${when(due, timeZone)}.`;
}
