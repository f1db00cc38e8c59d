// Compensation limits per role: what each role may give per case without approval, and which
// kinds of restitution it may give at all.
import { useState, type FormEvent } from 'react';
import type { CompensationPolicy, Settings } from '../../../../src/contracts/settings.ts';
import { RESTITUTION_KINDS, Role, type RestitutionKind } from '../../../../src/contracts/enums.ts';
import { usePatchSettings } from '../api/use-settings.ts';
import { SaveBar } from './save-bar.tsx';

type RoleName = (typeof Role.options)[number];

export function CompensationSection({
  settings,
  canEdit,
}: {
  settings: Settings;
  canEdit: boolean;
}) {
  const patch = usePatchSettings();
  const [policy, setPolicy] = useState<CompensationPolicy>(settings.compensation);
  const rule = (role: RoleName) => policy.byRole[role] ?? { kinds: [], maxPerCase: '0' };
  const setRule = (role: RoleName, change: Partial<ReturnType<typeof rule>>) =>
    setPolicy({ ...policy, byRole: { ...policy.byRole, [role]: { ...rule(role), ...change } } });
  const toggleKind = (role: RoleName, kind: RestitutionKind, on: boolean) => {
    const kinds = rule(role).kinds.filter((k) => k !== kind);
    setRule(role, { kinds: on ? [...kinds, kind] : kinds });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    patch.mutate({ compensation: policy });
  };
  return (
    <form onSubmit={submit} className="stack">
      <fieldset disabled={!canEdit}>
        <legend>Limits per case</legend>
        <label>
          Currency
          <input
            size={4}
            value={policy.currency}
            onChange={(e) => setPolicy({ ...policy, currency: e.target.value.toUpperCase() })}
          />
        </label>
        <table>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Most per case (empty = no limit)</th>
              <th scope="col">Kinds allowed</th>
            </tr>
          </thead>
          <tbody>
            {Role.options.map((role) => (
              <tr key={role}>
                <th scope="row">{role}</th>
                <td>
                  <label>
                    <span className="visually-hidden">Most per case for {role}</span>
                    <input
                      inputMode="decimal"
                      size={8}
                      value={rule(role).maxPerCase ?? ''}
                      onChange={(e) => setRule(role, { maxPerCase: e.target.value.trim() || null })}
                    />
                  </label>
                </td>
                <td>
                  <div className="chips">
                    {RESTITUTION_KINDS.map((kind) => (
                      <label key={kind} className="inline small">
                        <input
                          type="checkbox"
                          checked={rule(role).kinds.includes(kind)}
                          onChange={(e) => toggleKind(role, kind, e.target.checked)}
                        />{' '}
                        {kind.replace(/_/g, ' ')}
                        <span className="visually-hidden"> for {role}</span>
                      </label>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <SaveBar mutation={patch} canEdit={canEdit} />
    </form>
  );
}
