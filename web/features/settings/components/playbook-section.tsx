// The recovery playbook: the steps in order, which are required for closure, and new steps.
import { useState, type FormEvent } from 'react';
import type { PlaybookStep, Settings } from '../../../../src/contracts/settings.ts';
import { usePatchSettings } from '../api/use-settings.ts';
import { SaveBar } from './save-bar.tsx';

function keyFor(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 's_$1')
      .slice(0, 36) || 'step';
  let key = /^[a-z]/.test(base) ? base : `s_${base}`;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

export function PlaybookSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const patch = usePatchSettings();
  const [steps, setSteps] = useState<PlaybookStep[]>(settings.playbook);
  const [newLabel, setNewLabel] = useState('');
  const set = (i: number, change: Partial<PlaybookStep>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(i, 1);
    if (step) next.splice(i + by, 0, step);
    setSteps(next);
  };
  const add = () => {
    if (!newLabel.trim()) return;
    const key = keyFor(newLabel, new Set(steps.map((s) => s.key)));
    setSteps([...steps, { key, label: newLabel.trim(), isRequired: false }]);
    setNewLabel('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    patch.mutate({ playbook: steps });
  };
  return (
    <form onSubmit={submit} className="stack">
      <fieldset disabled={!canEdit}>
        <legend>Steps, in order</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Step</th>
              <th scope="col">Required to close</th>
              <th scope="col">Order</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={s.key}>
                <td>{i + 1}</td>
                <td>
                  <label>
                    <span className="visually-hidden">Label of step {i + 1}</span>
                    <input
                      size={40}
                      value={s.label}
                      onChange={(e) => set(i, { label: e.target.value })}
                    />
                  </label>
                  <span className="muted small">{s.key}</span>
                </td>
                <td>
                  <label className="inline">
                    <input
                      type="checkbox"
                      checked={s.isRequired}
                      onChange={(e) => set(i, { isRequired: e.target.checked })}
                    />
                    <span className="visually-hidden">Step {i + 1} required</span>
                  </label>
                </td>
                <td className="row">
                  <button
                    type="button"
                    className="button--small button--quiet"
                    aria-label={`Move “${s.label}” up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button--small button--quiet"
                    aria-label={`Move “${s.label}” down`}
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button--small button--quiet"
                    aria-label={`Remove “${s.label}”`}
                    onClick={() => setSteps(steps.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <label>
            New step
            <input value={newLabel} onChange={(e) => setNewLabel(e.target.value)} />
          </label>
          <button type="button" className="button--quiet" onClick={add}>
            Add step
          </button>
        </div>
        <p className="muted small">
          Steps backed by a fact (restatement, feelings, verdict…) tick themselves on each case by
          their key; new steps are ticked by hand.
        </p>
      </fieldset>
      <SaveBar mutation={patch} canEdit={canEdit} />
    </form>
  );
}
