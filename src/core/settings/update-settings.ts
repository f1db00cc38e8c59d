import { SettingsPatchSchema, SettingsSchema, type Settings } from '../../contracts/settings.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { forgetSettings, loadSettings, saveSettings } from './settings.repo.ts';

export async function updateSettings(ctx: Ctx, input: unknown): Promise<Settings> {
  authorize(ctx, 'settings.write');
  const patch = parseInput(SettingsPatchSchema, input);
  const saved = await ctx.database.db.transaction(async (tx) => {
    const merged = parseInput(SettingsSchema, { ...(await loadSettings(tx)), ...patch });
    await saveSettings(tx, merged, ctx.now());
    return merged;
  });
  forgetSettings();
  return saved;
}

export async function getSettings(ctx: Ctx): Promise<Settings> {
  authorize(ctx, 'case.read');
  return loadSettings(ctx.database.db);
}
