// The fixed vocabularies of a case, shared by the API, the CLI and the web app.
import { z } from 'zod';

export const CHANNELS = [
  'email',
  'phone',
  'sms',
  'social',
  'web',
  'chat',
  'letter',
  'in_person',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;
/** Channels that arrive by themselves and so get an automatic acknowledgement (R2). */
export const AUTOMATED_CHANNELS: readonly Channel[] = ['email', 'sms', 'social', 'web', 'chat'];

export const Severity = z.enum(['low', 'normal', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const ComplainerType = z.enum(['voicer', 'irate', 'activist', 'passive']);
export type ComplainerType = z.infer<typeof ComplainerType>;

export const CASE_STATUSES = [
  'new',
  'in_progress',
  'awaiting_customer',
  'resolved',
  'closed',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const FEELINGS = [
  'angry',
  'frustrated',
  'anxious',
  'disappointed',
  'confused',
  'sad',
  'embarrassed',
] as const;
export const Feeling = z.enum(FEELINGS);
export type Feeling = z.infer<typeof Feeling>;

export const Verdict = z.enum(['exceeds', 'meets', 'falls_short']);
export type Verdict = z.infer<typeof Verdict>;

export const RESTITUTION_KINDS = [
  'refund',
  'credit',
  'discount',
  'replacement',
  'gift_card',
  'flowers',
  'goodwill',
] as const;
export const RestitutionKind = z.enum(RESTITUTION_KINDS);
export type RestitutionKind = z.infer<typeof RestitutionKind>;

export const ContactKind = z.enum(['email', 'phone', 'social']);
export type ContactKind = z.infer<typeof ContactKind>;

export const Role = z.enum(['agent', 'supervisor', 'spokesperson', 'manager', 'admin']);
