// The SLA policy: first-response and resolution targets, pausing while the customer is awaited,
// and when a deadline counts as at risk and when promise reminders go out.
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ClockTargetSchema, Settings } from '../../../../src/contracts/settings.ts';
import { usePatchSettings } from '../api/use-settings.ts';
import { SaveBar } from './save-bar.tsx';

type Target = z.infer<typeof ClockTargetSchema>;

const KINDS = {
  same_business_day: 'Same business day (next day after a cut-off)',
  business_minutes: 'Business minutes',
  calendar_minutes: 'Calendar minutes',
} as const;

function TargetEditor({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Target;
  onChange: (t: Target) => void;
}) {
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="row">
        <label>
          Kind
          <select
            value={value.kind}
            onChange={(e) => {
              const kind = e.target.value as Target['kind'];
              onChange(
                kind === 'same_business_day'
                  ? { kind, cutoff: '16:00' }
                  : { kind, minutes: 'minutes' in value ? value.minutes : 480 },
              );
            }}
          >
            {Object.entries(KINDS).map(([k, text]) => (
              <option key={k} value={k}>
                {text}
              </option>
            ))}
          </select>
        </label>
        {value.kind === 'same_business_day' ? (
          <label>
            Cut-off (HH:MM)
            <input
              value={value.cutoff}
              onChange={(e) => onChange({ ...value, cutoff: e.target.value })}
            />
          </label>
        ) : (
          <label>
            Minutes
            <input
              type="number"
              min={1}
              value={value.minutes}
              onChange={(e) => onChange({ ...value, minutes: Number(e.target.value) })}
            />
          </label>
        )}
      </div>
    </fieldset>
  );
}

export function SlaSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const patch = usePatchSettings();
  const [policy, setPolicy] = useState(settings.slaPolicy);
  const [dueSoon, setDueSoon] = useState(settings.dueSoonMinutes);
  const [reminder, setReminder] = useState(settings.promiseReminderMinutes);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    patch.mutate({ slaPolicy: policy, dueSoonMinutes: dueSoon, promiseReminderMinutes: reminder });
  };
  return (
    <form onSubmit={submit} className="stack">
      <fieldset disabled={!canEdit} className="plain">
        <TargetEditor
          label="First response"
          value={policy.firstResponse}
          onChange={(firstResponse) => setPolicy({ ...policy, firstResponse })}
        />
        <TargetEditor
          label="Resolution"
          value={policy.resolution}
          onChange={(resolution) => setPolicy({ ...policy, resolution })}
        />
        <label className="inline">
          <input
            type="checkbox"
            checked={policy.pauseWhileAwaitingCustomer}
            onChange={(e) => setPolicy({ ...policy, pauseWhileAwaitingCustomer: e.target.checked })}
          />{' '}
          Pause the clocks while waiting on the customer
        </label>
        <div className="row">
          <label>
            At risk this many minutes before a deadline
            <input
              type="number"
              min={0}
              value={dueSoon}
              onChange={(e) => setDueSoon(Number(e.target.value))}
            />
          </label>
          <label>
            Remind promise owners this many minutes before
            <input
              type="number"
              min={0}
              value={reminder}
              onChange={(e) => setReminder(Number(e.target.value))}
            />
          </label>
        </div>
        {policy.overrides.length > 0 && (
          <p className="muted small">
            {policy.overrides.length} per-channel or per-severity overrides are kept as they are
            (change them through <code>PATCH /api/v1/settings</code>).
          </p>
        )}
      </fieldset>
      <SaveBar mutation={patch} canEdit={canEdit} />
    </form>
  );
}
