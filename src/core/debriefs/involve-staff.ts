// R24: record who was involved in the failure behind a case (apart from its owner), with its
// timeline event in the same transaction; and read the list.
import { eq } from 'drizzle-orm';
import { InvolveStaffInput } from '../../contracts/debriefs.ts';
import { users } from '../../db/schema.ts';
import { findCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { addInvolved, involvedStaff } from './debrief.repo.ts';

export async function involveStaff(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(InvolveStaffInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row, now }) => {
    const [person] = await tx
      .select({ id: users.id, name: users.name, isActive: users.isActive })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!person?.isActive) {
      throw new DomainError('validation', 'Some fields are not valid.', [
        { path: 'userId', message: 'No active staff member with this id.' },
      ]);
    }
    const added = await addInvolved(tx, {
      caseId: row.id,
      userId: person.id,
      role: input.role ?? null,
      addedById: actorId(ctx),
      addedAt: now,
    });
    if (!added) {
      throw new DomainError('conflict', `${person.name} is already recorded as involved.`);
    }
    await record(tx, ctx, row.id, 'staff_involved_added', {
      userId: person.id,
      name: person.name,
      role: input.role ?? null,
    });
    return involvedStaff(tx, row.id);
  });
}

export async function listInvolvedStaff(ctx: Ctx, caseId: string) {
  authorize(ctx, 'case.read');
  const row = await findCase(ctx.database.db, caseId);
  if (!row) throw notFound(`Case ${caseId}`);
  return involvedStaff(ctx.database.db, row.id);
}
