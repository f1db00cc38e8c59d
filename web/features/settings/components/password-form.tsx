// Change your own password: the current one first, then the new one twice. Every other browser
// of yours is signed out; this one stays signed in.
import { useState, type FormEvent } from 'react';
import { useChangePassword } from '../api/use-sessions.ts';
import { SaveBar } from './save-bar.tsx';

export function PasswordForm() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again.length > 0 && again !== next;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="panel stack">
      <h3>Change your password</h3>
      <div className="row">
        <label>
          Current password
          <input
            type="password"
            required
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          New password (10+ characters)
          <input
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <label>
          New password again
          <input
            type="password"
            required
            autoComplete="new-password"
            aria-invalid={mismatch}
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </label>
      </div>
      <SaveBar
        mutation={change}
        canEdit
        label="Change password"
        problems={mismatch ? ['The two new passwords differ.'] : []}
      />
      {change.isSuccess && (
        <p className="muted" role="status">
          Your other browsers were signed out.
        </p>
      )}
    </form>
  );
}
