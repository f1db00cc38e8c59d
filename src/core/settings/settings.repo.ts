// The organisation's settings row. A fresh install gets sensible defaults on first read.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
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

export async function loadSettings(tx: DbOrTx): Promise<Settings> {
  const [row] = await tx.select().from(orgSettings).where(eq(orgSettings.id, 1));
  if (!row) return DEFAULT_SETTINGS;
  return SettingsSchema.parse({
    name: row.name,
    calendar: row.calendar,
    slaPolicy: row.slaPolicy,
    playbook: row.playbook,
    compensation: row.compensation,
    promiseReminderMinutes: row.promiseReminderMinutes,
    dueSoonMinutes: row.dueSoonMinutes,
  });
}

export async function saveSettings(tx: DbOrTx, s: Settings, now: Date): Promise<void> {
  const values = { id: 1, ...s, updatedAt: now };
  await tx
    .insert(orgSettings)
    .values(values)
    .onConflictDoUpdate({ target: orgSettings.id, set: values });
}
