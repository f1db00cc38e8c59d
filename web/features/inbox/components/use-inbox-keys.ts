// j/k move through the queue, Enter opens the selected case, / jumps to search.
import { useEffect, useEffectEvent, type RefObject } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

export function useInboxKeys(opts: {
  count: number;
  setSelected: (update: (i: number) => number) => void;
  open: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { count, setSelected, open, searchRef } = opts;
  // An effect event always reads this render's values: a key pressed the moment the list grows
  // (a search cleared) moves through the new list, not the old one's length.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape' && e.target === searchRef.current) {
      searchRef.current?.blur();
      return;
    }
    if (isTyping(e.target)) return;
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
    } else if (e.key === 'j') {
      setSelected((i) => Math.min(i + 1, count - 1));
    } else if (e.key === 'k') {
      setSelected((i) => Math.max(i - 1, 0));
    } else if (
      e.key === 'Enter' &&
      !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)
    ) {
      e.preventDefault();
      open();
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
