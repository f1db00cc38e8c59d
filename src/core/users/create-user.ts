import { CreateUserInput } from '../../contracts/users.ts';
import type { DbOrTx } from '../../db/client.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import type { Role } from '../shared/roles.rules.ts';
import { hashPassword } from './secrets.ts';
import { findUserByEmail, insertUser, type UserRow } from './user.repo.ts';

export function publicUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    isActive: u.isActive,
    createdAt: u.createdAt,
  };
}

export async function insertNewUser(tx: DbOrTx, input: ReturnType<typeof CreateUserInput.parse>) {
  if (await findUserByEmail(tx, input.email)) {
    throw new DomainError('conflict', 'A user with this email already exists.', [
      { path: 'email', message: 'Already in use.' },
    ]);
  }
  try {
    return await insertUser(
      tx,
      { email: input.email, name: input.name, role: input.role },
      await hashPassword(input.password),
    );
  } catch {
    throw new DomainError('conflict', 'A user with this email already exists.', [
      { path: 'email', message: 'Already in use.' },
    ]);
  }
}

export async function createUser(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'users.manage');
  const input = parseInput(CreateUserInput, raw);
  return publicUser(await insertNewUser(ctx.database.db, input));
}
