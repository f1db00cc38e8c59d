// The desk's own furniture: saved inbox views, reply templates and staff changes.
import { z } from 'zod';
import { ListCasesQuery } from './cases.ts';
import { Role } from './enums.ts';
import { PLACEHOLDER, TEMPLATE_PLACEHOLDERS } from './templates.ts';

const Name = z.string().trim().min(1, 'Give it a name.').max(80);

/** The filters a saved view keeps: everything the queue filters on, never paging. */
export const ViewFilters = ListCasesQuery.pick({
  status: true,
  ownerId: true,
  channel: true,
  category: true,
  complainerType: true,
  deadline: true,
  feeling: true,
  approval: true,
  q: true,
  receivedFrom: true,
  receivedTo: true,
  outcome: true,
}).strict();
export type ViewFilters = z.infer<typeof ViewFilters>;

export const SavedViewInput = z.object({ name: Name, filters: ViewFilters });

export const TemplateInput = z
  .object({ name: Name, body: z.string().trim().min(1, 'Write the reply.').max(10_000) })
  .superRefine((t, ctx) => {
    for (const m of t.body.matchAll(PLACEHOLDER)) {
      const key = m[1] ?? '';
      if (!(key in TEMPLATE_PLACEHOLDERS)) {
        ctx.addIssue({
          code: 'custom',
          path: ['body'],
          message: `Unknown placeholder {{${key}}}; use ${Object.keys(TEMPLATE_PLACEHOLDERS)
            .map((k) => `{{${k}}}`)
            .join(', ')}.`,
        });
      }
    }
  });

export const UpdateUserInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: Role.optional(),
    isActive: z.boolean().optional(),
    password: z.string().min(10, 'Use at least 10 characters.').max(200).optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'Change at least one field.');
