import { parseArgs } from 'node:util';
import { createUser } from '../../core/users/create-user.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

export async function userCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw new UsageError('Usage: redress user create --email E --name N --role R [--password P]');
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const password = values.password ?? process.env.REDRESS_USER_PASSWORD;
  if (!password)
    throw new UsageError(
      'Give --password, or set REDRESS_USER_PASSWORD (keeps it out of shell history).',
    );
  // The operator who holds the database credentials is trusted to create users.
  const user = await withDesk(undefined, (ctx) =>
    createUser(ctx, { email: values.email, name: values.name, role: values.role, password }),
  );
  io.out(values.json ? JSON.stringify(user) : `Created ${user.role} ${user.name} <${user.email}>.`);
  return 0;
}
