// An admin changes a person's name, role, password or switches their account off. The last
// active admin can be neither demoted nor switched off, so the desk never locks itself out.
import { UpdateUserInput } from '../../contracts/workspace.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { publicUser } from './create-user.ts';
import { hashPassword } from './secrets.ts';
import { forgetApiTokens } from './sessions.ts';
import {
  countActiveAdmins,
  endSessionsOf,
  lockUser,
  setPasswordHash,
  setUser,
} from './user.repo.ts';

export async function updateUser(ctx: Ctx, id: string, raw: unknown) {
  authorize(ctx, 'users.manage');
  const input = parseInput(UpdateUserInput, raw);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  // A changed role or a switched-off account must stop its API tokens' cached rights at once.
  forgetApiTokens();
  const result = await ctx.database.db.transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (!user) throw notFound('User');
    const losesAdmin =
      user.role === 'admin' &&
      user.isActive &&
      ((input.role !== undefined && input.role !== 'admin') || input.isActive === false);
    if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
      throw new DomainError(
        'conflict',
        'This is the last active admin; make another admin first.',
        [
          {
            path: input.isActive === false ? 'isActive' : 'role',
            message: 'The desk needs an admin.',
          },
        ],
      );
    }
    const updated = await setUser(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    });
    if (passwordHash) await setPasswordHash(tx, id, passwordHash);
    // Switched off or given a new password: sessions opened before stop working at once.
    if (input.isActive === false || passwordHash) await endSessionsOf(tx, id);
    return publicUser(updated);
  });
  forgetApiTokens();
  return result;
}
