// Pure rules of an incident: status moves, the public address, the damage-control checklist,
// templates and their placeholders, and how each affected customer is reached.
import type { Channel } from '../../contracts/enums.ts';
import { PLACEHOLDERS, type IncidentStatus, type Placeholder } from '../../contracts/incidents.ts';

export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['monitoring', 'resolved'],
  monitoring: ['open', 'resolved'],
  // It came back: reopening is allowed, and says so publicly.
  resolved: ['open'],
};

export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function statusInWords(status: IncidentStatus): string {
  switch (status) {
    case 'open':
      return 'We are working on it.';
    case 'monitoring':
      return 'A fix is in place and we are watching it closely.';
    case 'resolved':
      return 'This is resolved.';
  }
}

/** A readable, collision-resistant address: the title's words and a random tail. */
export function slugFor(title: string, tail: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words ? `${words}-${tail}` : `incident-${tail}`;
}

export const DEFAULT_CHECKLIST: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'scope_confirmed', label: 'Who is affected is confirmed and the customers are attached' },
  { key: 'statement_published', label: 'The spokesperson has published a statement' },
  { key: 'frontline_briefed', label: 'Front-line staff have the statement and know what to offer' },
  { key: 'apology_sent', label: 'Every affected customer has had a personal apology' },
  { key: 'public_channels_watched', label: 'Social media and review sites are being watched' },
  { key: 'regulator_considered', label: 'Regulators or partners told, where they must be' },
  { key: 'amends_decided', label: 'What we give affected customers is decided' },
  { key: 'follow_up_planned', label: 'A follow-up after the fix is planned' },
];

export const DEFAULT_APOLOGY = `Hello {{firstName}},

{{incidentTitle}}: this affected you, and we are sorry. It is our failure, not yours, and you should not have had to deal with it.

{{statement}}

We will write to you again as soon as anything changes. Every update is also on {{pageUrl}}.`;

export const DEFAULT_UPDATE = `Hello {{firstName}},

An update on {{incidentTitle}}:

{{whatChanged}}

Thank you for your patience while we put this right. Every update is on {{pageUrl}}.`;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders the template names that do not exist. */
export function unknownPlaceholders(template: string): string[] {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n)))];
}

export function usesPlaceholder(template: string, name: Placeholder): boolean {
  return [...template.matchAll(PLACEHOLDER)].some((m) => m[1] === name);
}

export type TemplateValues = Record<Placeholder, string>;

export function render(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}

/** A customer without a first name is greeted as "there" ("Hello there,"). */
export function firstNameOrGreeting(firstName: string | null | undefined): string {
  return firstName?.trim() || 'there';
}

export type Route = 'email' | 'agent' | 'none';

/**
 * How a customer is reached: on the channel of their case (the newest one linked to the incident,
 * else their newest case), else by email. Email goes out by itself; channels without an outbound
 * adapter (phone, text, social, letter, in person) are handed to the case owner on the timeline.
 */
export function routeFor(
  caseChannel: Channel | null,
  hasCase: boolean,
  email: string | null,
): { route: Route; channel: Channel | 'email' } {
  const channel = caseChannel ?? 'email';
  const isEmailLike = channel === 'email' || channel === 'web' || channel === 'chat';
  if (isEmailLike && email) return { route: 'email', channel: 'email' };
  if (hasCase && !isEmailLike) return { route: 'agent', channel };
  if (email) return { route: 'email', channel: 'email' };
  return hasCase ? { route: 'agent', channel } : { route: 'none', channel };
}
