// Parses an action's input with its Zod schema and turns failures into field-level issues.
import type { z } from 'zod';
import { DomainError, type FieldIssue } from './errors.ts';
import { unsafeTextIssues } from './text-safety.ts';

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const unsafe = unsafeTextIssues(input);
  if (unsafe.length > 0) throw new DomainError('validation', 'Some fields are not valid.', unsafe);
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError('validation', 'Some fields are not valid.', zodIssues(result.error));
  }
  return result.data;
}
