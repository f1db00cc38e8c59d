// A small history-API router: a handful of screens does not justify a router library.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const CHANGE = 'redress:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
  window.scrollTo(0, 0);
}

export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

export type Route =
  | { name: 'inbox' }
  | { name: 'case'; reference: string }
  | { name: 'customer'; id: string }
  | { name: 'supervisor' }
  | { name: 'settings'; section: string | null }
  | { name: 'setup' }
  | { name: 'dashboard' }
  | { name: 'not_found' };

export function matchRoute(path: string): Route {
  if (path === '/' || path === '/inbox') return { name: 'inbox' };
  if (path === '/supervisor' || path === '/approvals') return { name: 'supervisor' };
  if (path === '/setup') return { name: 'setup' };
  if (path === '/dashboard') return { name: 'dashboard' };
  const m = /^\/cases\/([^/]+)$/.exec(path);
  if (m?.[1]) return { name: 'case', reference: decodeURIComponent(m[1]) };
  const customer = /^\/customers\/([^/]+)$/.exec(path);
  if (customer?.[1]) return { name: 'customer', id: decodeURIComponent(customer[1]) };
  const settings = /^\/settings(?:\/([a-z-]+))?$/.exec(path);
  if (settings) return { name: 'settings', section: settings[1] ?? null };
  return { name: 'not_found' };
}
