// Sign-in. First-run set-up of the admin happens at /setup (link printed by `redress serve`).
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { useSignIn } from '../api/use-session.ts';

export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Redress</h1>
      <form onSubmit={submit} className="stack">
        <label htmlFor="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        {signIn.error && (
          <p className="error-note" role="alert">
            {describeError(signIn.error)}
          </p>
        )}
      </form>
      <p className="muted">
        First time here? Open the set-up link that <code>npm start</code> printed to create the
        first administrator.
      </p>
    </main>
  );
}
