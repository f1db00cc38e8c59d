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
  // Said once, when the form is sent, not at every keystroke of the second copy.
  const [mismatch, setMismatch] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(again !== next);
    if (again !== next) return;
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
            aria-describedby={mismatch ? 'password-mismatch' : undefined}
            value={again}
            onChange={(e) => {
              setAgain(e.target.value);
              setMismatch(false);
            }}
          />
        </label>
      </div>
      {mismatch && (
        <p id="password-mismatch" className="error-note" role="alert">
          The two new passwords differ.
        </p>
      )}
      <SaveBar mutation={change} canEdit label="Change password" />
      {/* Kept in the page, so a screen reader announces the text when it appears. */}
      <p className="muted" role="status">
        {change.isSuccess ? 'Your other browsers were signed out.' : ''}
      </p>
    </form>
  );
}
