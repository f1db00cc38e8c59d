import { authorize, type Ctx } from '../shared/context.ts';
import { publicUser } from './create-user.ts';
import { listUsers } from './user.repo.ts';

export async function listStaff(ctx: Ctx) {
  authorize(ctx, 'case.read');
  return (await listUsers(ctx.database.db)).map(publicUser);
}
