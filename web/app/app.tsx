// The shell: who is signed in, the navigation, and which screen the URL names.
import { ApprovalsPage } from '../features/approvals/components/approvals-page.tsx';
import { useSession, useSignOut } from '../features/auth/api/use-session.ts';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { CasePage } from '../features/case/components/case-page.tsx';
import { InboxPage } from '../features/inbox/components/inbox-page.tsx';
import { ErrorNote, Loading } from '../components/query-state.tsx';
import { ApiError } from '../lib/api-client.ts';
import { AppProvider } from './provider.tsx';
import { lazy, Suspense } from 'react';
import { Link, matchRoute, usePath, type Route } from './router.tsx';

const APPROVERS = new Set(['supervisor', 'manager', 'admin']);
/** Who reads the trends (the metrics.read permission). */
const DASHBOARD_ROLES = APPROVERS;
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
    case 'approvals':
      return <ApprovalsPage />;
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

function Shell() {
  const session = useSession();
  const signOut = useSignOut();
  const path = usePath();
  if (session.isPending) return <Loading what="your session" />;
  if (session.error instanceof ApiError && session.error.status === 401) return <SignInPage />;
  if (session.error)
    return <ErrorNote error={session.error} onRetry={() => void session.refetch()} />;
  const me = session.data;
  const route = matchRoute(path);
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
          <Link href="/" aria-current={route.name === 'inbox' ? 'page' : undefined}>
            Inbox
          </Link>
          {me.kind === 'user' && APPROVERS.has(me.role) && (
            <Link href="/approvals" aria-current={route.name === 'approvals' ? 'page' : undefined}>
              Approvals
            </Link>
          )}
          {me.kind === 'user' && DASHBOARD_ROLES.has(me.role) && (
            <Link href="/dashboard" aria-current={route.name === 'dashboard' ? 'page' : undefined}>
              Dashboard
            </Link>
          )}
        </nav>
        <span className="topbar__who">
          {me.name}
          {me.kind === 'user' ? ` (${me.role})` : ''}
        </span>
        <button type="button" className="button--quiet" onClick={() => signOut.mutate()}>
          Sign out
        </button>
      </header>
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
