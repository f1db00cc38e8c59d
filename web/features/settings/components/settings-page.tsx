// Settings: business hours and holidays, SLA policy, playbook steps, compensation limits per
// role, reply templates, and users and roles. Everyone may read; only admins may change. Your
// account (where you are signed in, your password) is everyone's own.
import { useEffect } from 'react';
import { Link } from '../../../app/router.tsx';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { useRole } from '../../../lib/use-me.ts';
import { useSettings } from '../api/use-settings.ts';
import { CompensationSection } from './compensation-section.tsx';
import { HoursSection } from './hours-section.tsx';
import { PasswordForm } from './password-form.tsx';
import { PlaybookSection } from './playbook-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { SlaSection } from './sla-section.tsx';
import { TemplatesSection } from './templates-section.tsx';
import { UsersSection } from './users-section.tsx';

const SECTIONS = [
  ['hours', 'Business hours'],
  ['sla', 'SLA policy'],
  ['playbook', 'Playbook'],
  ['compensation', 'Compensation'],
  ['templates', 'Reply templates'],
  ['users', 'Users and roles'],
  ['account', 'Your account'],
] as const;
type SectionKey = (typeof SECTIONS)[number][0];

export function SettingsPage({ section }: { section: string | null }) {
  const settings = useSettings();
  const isAdmin = useRole() === 'admin';
  const key: SectionKey = SECTIONS.some(([k]) => k === section) ? (section as SectionKey) : 'hours';
  const title = SECTIONS.find(([k]) => k === key)?.[1] ?? '';
  useEffect(() => {
    document.title = `Settings · ${title} · Redress`;
  }, [title]);
  const body = () => {
    if (key === 'templates') return <TemplatesSection canEdit={isAdmin} />;
    if (key === 'users') return <UsersSection canEdit={isAdmin} />;
    if (key === 'account')
      return (
        <div className="stack">
          <SessionsSection />
          <PasswordForm />
        </div>
      );
    if (settings.isPending) return <Loading what="settings" />;
    if (!settings.data)
      return <ErrorNote error={settings.error} onRetry={() => void settings.refetch()} />;
    const props = { settings: settings.data, canEdit: isAdmin };
    if (key === 'sla') return <SlaSection {...props} />;
    if (key === 'playbook') return <PlaybookSection {...props} />;
    if (key === 'compensation') return <CompensationSection {...props} />;
    return <HoursSection {...props} />;
  };
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">Settings</h1>
      {!isAdmin && key !== 'account' && (
        <p className="muted">You can read these settings; only an admin can change them.</p>
      )}
      <div className="settings__grid">
        <nav aria-label="Settings sections" className="settings__nav">
          {SECTIONS.map(([k, label]) => (
            <Link key={k} href={`/settings/${k}`} aria-current={k === key ? 'page' : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        <div>
          <h2>{title}</h2>
          {body()}
        </div>
      </div>
    </section>
  );
}
