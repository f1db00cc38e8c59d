// First run: a one-time set-up link creates the first admin from a browser.
import { SetupInput } from '../../contracts/users.ts';
import type { Database } from '../../db/client.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { forgetSettings, loadSettings, saveSettings } from '../settings/settings.repo.ts';
import { insertNewUser, publicUser } from './create-user.ts';
import { newToken, tokenHash } from './secrets.ts';
import { countUsers, insertSetupToken, useSetupToken } from './user.repo.ts';

/** Returns a set-up token when nobody can sign in yet, otherwise null. */
export async function issueSetupToken(database: Database, now: Date): Promise<string | null> {
  if ((await countUsers(database.db)) > 0) return null;
  const token = newToken('setup');
  await insertSetupToken(database.db, tokenHash(token), new Date(now.getTime() + 24 * 3_600_000));
  return token;
}

/** Whether the desk still needs its first admin (the app then offers the set-up form). */
export async function setupStatus(database: Database) {
  return { needed: (await countUsers(database.db)) === 0 };
}

export async function completeSetup(database: Database, raw: unknown, now: Date) {
  const input = parseInput(SetupInput, raw);
  const created = await database.db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0)
      throw new DomainError('conflict', 'Redress is already set up; sign in instead.');
    if (!(await useSetupToken(tx, tokenHash(input.token), now))) {
      throw new DomainError(
        'forbidden',
        'This set-up link is unknown, used or expired. Restart the server for a new one.',
      );
    }
    const user = await insertNewUser(tx, {
      email: input.email,
      name: input.name,
      role: 'admin',
      password: input.password,
    });
    if (input.organisationName || input.timeZone || input.weeklyHours) {
      const settings = await loadSettings(tx);
      await saveSettings(
        tx,
        {
          ...settings,
          name: input.organisationName ?? settings.name,
          calendar: {
            ...settings.calendar,
            timeZone: input.timeZone ?? settings.calendar.timeZone,
            weeklyHours: input.weeklyHours ?? settings.calendar.weeklyHours,
          },
        },
        now,
      );
    }
    return publicUser(user);
  });
  forgetSettings();
  return created;
}
