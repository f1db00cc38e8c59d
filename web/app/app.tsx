// The shell: who is signed in, the navigation, and which screen the URL names. Before anyone
// exists the app offers first-run set-up instead of sign-in.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { ApprovalsPage } from '../features/approvals/components/approvals-page.tsx';
import { useSession, useSignOut } from '../features/auth/api/use-session.ts';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { CasePage } from '../features/case/components/case-page.tsx';
import { CustomerPage } from '../features/customer/components/customer-page.tsx';
import { prefetchInbox } from '../features/inbox/api/use-cases.ts';
import { InboxPage } from '../features/inbox/components/inbox-page.tsx';
import { SettingsPage } from '../features/settings/components/settings-page.tsx';
import { useSetupStatus } from '../features/setup/api/use-setup.ts';
import { SetupPage } from '../features/setup/components/setup-page.tsx';
import { ConnectionBanner } from '../components/connection-banner.tsx';
import { ErrorNote, Loading } from '../components/query-state.tsx';
import { ApiError } from '../lib/api-client.ts';
import { APPROVER_ROLES } from '../lib/use-me.ts';
import { AppProvider } from './provider.tsx';
import { Link, matchRoute, usePath, type Route } from './router.tsx';

/** Who reads the trends (the metrics.read permission): the approvers. */
const DASHBOARD_ROLES = APPROVER_ROLES;
// Charts are only for the roles that read trends: their code loads with the route.
const DashboardPage = lazy(async () => ({
  default: (await import('../features/dashboard/components/dashboard-page.tsx')).DashboardPage,
}));

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'inbox':
      return <InboxPage />;
    case 'case':
      return <CasePage key={route.reference} reference={route.reference} />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'supervisor':
      return <ApprovalsPage />;
    case 'settings':
      return <SettingsPage section={route.section} />;
    case 'setup':
      return (
        <p>
          This desk is set up. <Link href="/">Go to the inbox</Link>.
        </p>
      );
    case 'dashboard':
      return (
        <Suspense fallback={<Loading what="the dashboard" />}>
          <DashboardPage />
        </Suspense>
      );
    case 'not_found':
      return (
        <p>
          There is no page here. <Link href="/">Back to the inbox</Link>.
        </p>
      );
  }
}

/** Not signed in: sign in, or set the desk up when nobody exists yet. */
function SignedOut({ route }: { route: Route }) {
  const status = useSetupStatus();
  if (route.name === 'setup' || status.data?.needed) return <SetupPage />;
  if (status.isPending) return <Loading what="Redress" />;
  return <SignInPage />;
}

function Shell() {
  const client = useQueryClient();
  const path = usePath();
  const route = matchRoute(path);
  // Opening the app on the inbox: ask for the queue alongside the session, not after it.
  useState(() => {
    if (route.name === 'inbox') prefetchInbox(client);
    return null;
  });
  const session = useSession();
  const signOut = useSignOut();
  if (session.isPending) return <Loading what="your session" />;
  if (session.error instanceof ApiError && session.error.status === 401)
    return <SignedOut route={route} />;
  // A failed refetch (the server restarting) keeps the screen: only no session at all stops here.
  if (!session.data)
    return (
      <main id="main">
        <ErrorNote error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  const me = session.data;
  const role = me.kind === 'user' ? me.role : null;
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Redress
        </Link>
        <nav aria-label="Main">
          <Link href="/" aria-current={current('inbox')}>
            Inbox
          </Link>
          {role && APPROVER_ROLES.has(role) && (
            <Link href="/supervisor" aria-current={current('supervisor')}>
              Supervisor
            </Link>
          )}
          <Link href="/settings" aria-current={current('settings')}>
            Settings
          </Link>
          {role && DASHBOARD_ROLES.has(role) && (
            <Link href="/dashboard" aria-current={current('dashboard')}>
              Dashboard
            </Link>
          )}
        </nav>
        <span className="topbar__who">
          {me.name}
          {role ? ` (${role})` : ''}
        </span>
        <button type="button" className="button--quiet" onClick={() => signOut.mutate()}>
          Sign out
        </button>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </>
  );
}

export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}
