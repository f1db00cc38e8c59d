// The organisation's settings row. A fresh install gets sensible defaults on first read.
import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import { ReadCache } from '../../db/read-cache.ts';
import { orgSettings } from '../../db/schema.ts';
import { SettingsSchema, type Settings } from '../../contracts/settings.ts';
import { DEFAULT_PLAYBOOK } from '../playbook/playbook.rules.ts';
import { DEFAULT_COMPENSATION } from '../restitution/authority.rules.ts';
import { DEFAULT_CALENDAR } from '../sla/calendar.rules.ts';
import { DEFAULT_SLA_POLICY } from '../sla/sla.rules.ts';

export const DEFAULT_SETTINGS: Settings = {
  name: 'My organisation',
  calendar: DEFAULT_CALENDAR,
  slaPolicy: { ...DEFAULT_SLA_POLICY, overrides: [] },
  playbook: DEFAULT_PLAYBOOK,
  compensation: DEFAULT_COMPENSATION,
  promiseReminderMinutes: 60,
  dueSoonMinutes: 60,
};

// Parsing the settings (time-zone checks, playbook, limits) costs more than reading them, and
// they change rarely: the parsed copy is reused while the stored row is unchanged.
let parsed: { key: string; settings: Settings } | null = null;

export async function loadSettings(tx: DbOrTx): Promise<Settings> {
  const [row] = await tx.select().from(orgSettings).where(eq(orgSettings.id, 1));
  if (!row) return DEFAULT_SETTINGS;
  const key = JSON.stringify(row);
  if (parsed?.key === key) return parsed.settings;
  const settings = SettingsSchema.parse({
    name: row.name,
    calendar: row.calendar,
    slaPolicy: row.slaPolicy,
    playbook: row.playbook,
    compensation: row.compensation,
    promiseReminderMinutes: row.promiseReminderMinutes,
    dueSoonMinutes: row.dueSoonMinutes,
  });
  parsed = { key, settings };
  return settings;
}

const settingsCache = new ReadCache<Settings>();

/**
 * The settings for work outside a transaction, read at most once a second (see read-cache.ts).
 * Inside a transaction use `loadSettings`, which always reads.
 */
export async function currentSettings(database: Database): Promise<Settings> {
  return (
    (await settingsCache.get(database, 'settings', () => loadSettings(database.db))) ??
    DEFAULT_SETTINGS
  );
}

/** Call after the transaction that saved settings commits. */
export function forgetSettings(): void {
  settingsCache.forget();
}

export async function saveSettings(tx: DbOrTx, s: Settings, now: Date): Promise<void> {
  settingsCache.forget();
  const values = { id: 1, ...s, updatedAt: now };
  await tx
    .insert(orgSettings)
    .values(values)
    .onConflictDoUpdate({ target: orgSettings.id, set: values });
}
