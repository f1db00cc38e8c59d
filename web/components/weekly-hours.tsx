// Opening hours per weekday, typed the way people say them: "09:00-12:30, 13:30-17:30", or
// left empty for a closed day. Used by first-run set-up and the settings screen.
import type { z } from 'zod';
import type { BusinessCalendarSchema } from '../../src/contracts/settings.ts';

export type WeeklyHours = z.input<typeof BusinessCalendarSchema>['weeklyHours'];
type DayKey = keyof WeeklyHours;

export const DAYS: readonly (readonly [DayKey, string])[] = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

export type HoursText = Record<DayKey, string>;

export function hoursToText(hours: WeeklyHours): HoursText {
  const text = {} as HoursText;
  for (const [day] of DAYS) {
    text[day] = (hours[day] ?? []).map((w) => `${w.start}-${w.end}`).join(', ');
  }
  return text;
}

/** Parses the typed hours; the server checks them again, field by field. */
export function textToHours(text: HoursText): { hours: WeeklyHours; problems: string[] } {
  const hours: WeeklyHours = {};
  const problems: string[] = [];
  for (const [day, name] of DAYS) {
    const raw = text[day].trim();
    if (!raw) continue;
    const windows = raw.split(',').map((part) => {
      const m = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(part);
      if (!m) {
        problems.push(`${name}: write hours like 09:00-17:30.`);
        return null;
      }
      const pad = (t: string) => t.padStart(5, '0');
      return { start: pad(m[1] ?? ''), end: pad(m[2] ?? '') };
    });
    hours[day] = windows.filter((w): w is { start: string; end: string } => w !== null);
  }
  return { hours, problems };
}

export function WeeklyHoursEditor({
  value,
  onChange,
  disabled,
}: {
  value: HoursText;
  onChange: (next: HoursText) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="hours" disabled={disabled}>
      <legend>Business hours (empty = closed)</legend>
      {DAYS.map(([day, name]) => (
        <label key={day} className="hours__day">
          <span>{name}</span>
          <input
            value={value[day]}
            placeholder="closed"
            onChange={(e) => onChange({ ...value, [day]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}
