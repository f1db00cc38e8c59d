// Time zone, weekly business hours and holidays: the calendar every SLA clock runs on.
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../src/contracts/settings.ts';
import { hoursToText, textToHours, WeeklyHoursEditor } from '../../../components/weekly-hours.tsx';
import { usePatchSettings } from '../api/use-settings.ts';
import { SaveBar } from './save-bar.tsx';

export function HoursSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const patch = usePatchSettings();
  const { calendar } = settings;
  const [name, setName] = useState(settings.name);
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [hours, setHours] = useState(() => hoursToText(calendar.weeklyHours));
  const [holidays, setHolidays] = useState(calendar.holidays.join('\n'));
  const [problems, setProblems] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = textToHours(hours);
    setProblems(parsed.problems);
    if (parsed.problems.length > 0) return;
    patch.mutate({
      name,
      calendar: {
        ...calendar,
        timeZone,
        weeklyHours: parsed.hours,
        holidays: holidays
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean),
      },
    });
  };
  return (
    <form onSubmit={submit} className="stack">
      <fieldset disabled={!canEdit}>
        <legend>Organisation</legend>
        <label>
          Organisation name
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Time zone (IANA name)
          <input required value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        </label>
      </fieldset>
      <WeeklyHoursEditor value={hours} onChange={setHours} disabled={!canEdit} />
      <fieldset disabled={!canEdit}>
        <legend>Holidays</legend>
        <label>
          Closed dates, one per line (YYYY-MM-DD)
          <textarea rows={5} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </label>
        {calendar.closures.length > 0 && (
          <p className="muted small">
            {calendar.closures.length} one-off closures are kept as they are.
          </p>
        )}
      </fieldset>
      <SaveBar mutation={patch} canEdit={canEdit} problems={problems} />
    </form>
  );
}
