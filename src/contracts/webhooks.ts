// Webhook bodies, validated before anything is stored.
import { z } from 'zod';

/** The SMS provider's inbound message form (only the fields Redress uses; others are ignored). */
export const InboundSms = z.object({
  MessageSid: z.string().min(1).max(64),
  From: z.string().min(3).max(32),
  To: z.string().max(32).optional(),
  Body: z.string().max(1600),
});

export const SocialEvent = z.object({
  id: z.string().min(1).max(128),
  kind: z.enum(['mention', 'direct_message']),
  network: z.string().min(1).max(40),
  author: z.object({ handle: z.string().min(1).max(100), name: z.string().max(200).optional() }),
  text: z.string().min(1).max(10_000),
  url: z.url().max(2000).optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
});
