// First run: the set-up link `redress serve` prints (/setup?token=…) opens this form. It
// creates the first admin, names the organisation and sets its time zone and business hours,
// then signs the admin in. Without a token it says where to find one.
import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../../components/query-state.tsx';
import { hoursToText, textToHours, WeeklyHoursEditor } from '../../../components/weekly-hours.tsx';
import { useCompleteSetup } from '../api/use-setup.ts';

const STANDARD_HOURS = hoursToText({
  mon: [{ start: '09:00', end: '17:30' }],
  tue: [{ start: '09:00', end: '17:30' }],
  wed: [{ start: '09:00', end: '17:30' }],
  thu: [{ start: '09:00', end: '17:30' }],
  fri: [{ start: '09:00', end: '17:30' }],
});

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/London'];
  }
}

export function SetupPage() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const setup = useCompleteSetup();
  const [org, setOrg] = useState('');
  const [timeZone, setTimeZone] = useState(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London',
  );
  const [hours, setHours] = useState(STANDARD_HOURS);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = textToHours(hours);
    setProblems(parsed.problems);
    if (parsed.problems.length > 0) return;
    setup.mutate({
      token,
      name,
      email,
      password,
      timeZone,
      weeklyHours: parsed.hours,
      ...(org.trim() ? { organisationName: org.trim() } : {}),
    });
  };
  if (!token) {
    return (
      <main id="main" className="sign-in">
        <h1>Set up Redress</h1>
        <p>
          Nobody can sign in yet. Open the one-time set-up link that <code>redress serve</code> (or{' '}
          <code>npm start</code>) printed when it started; restart the server for a fresh one. Or
          create the first admin from a terminal with <code>redress user create --role admin</code>.
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="setup">
      <h1>Set up Redress</h1>
      <p>This link works once. It creates the first administrator and signs you in.</p>
      <form onSubmit={submit} className="stack">
        <fieldset>
          <legend>Your organisation</legend>
          <label>
            Organisation name
            <input
              autoComplete="organization"
              value={org}
              onChange={(e) => setOrg(e.target.value)}
            />
          </label>
          <label>
            Time zone
            <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {zones().map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <WeeklyHoursEditor value={hours} onChange={setHours} />
        <fieldset>
          <legend>The first administrator</legend>
          <label>
            Your name
            <input
              required
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label>
            Email
            <input
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label>
            Password (at least 10 characters)
            <input
              type="password"
              required
              minLength={10}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
        </fieldset>
        {problems.length > 0 && (
          <div className="error-note" role="alert">
            {problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        )}
        <button type="submit" disabled={setup.isPending}>
          {setup.isPending ? 'Setting up…' : 'Create administrator and sign in'}
        </button>
        {setup.error && <ErrorNote error={setup.error} />}
      </form>
    </main>
  );
}
