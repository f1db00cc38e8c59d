// The inbox: cases ordered by their next deadline, views, filters, search and keyboard
// navigation. The filters live in the session so going into a case and back keeps them.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { navigate } from '../../../app/router.tsx';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { useMe } from '../../../lib/use-me.ts';
import { useStaff } from '../../../lib/use-staff.ts';
import {
  MAX_LIMIT,
  PAGE_SIZE,
  queryFilters,
  rememberedInbox,
  rememberInbox,
  useCases,
  type CaseFilters,
} from '../api/use-cases.ts';
import { DrillNote } from './drill-note.tsx';
import { CaseRow } from './case-row.tsx';
import { InboxFilters } from './inbox-filters.tsx';
import { SavedViews } from './saved-views.tsx';
import { useInboxKeys } from './use-inbox-keys.ts';

export function InboxPage() {
  // A dashboard drill-down names its filters in the address; otherwise the tab's last view.
  const [initial] = useState(rememberedInbox);
  const [filters, setFilters] = useState<CaseFilters>(initial.filters);
  const [search, setSearch] = useState(initial.search);
  const q = useDeferredValue(search.trim());
  const category = useDeferredValue(filters.category?.trim());
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const me = useMe().data;
  const myId = me?.kind === 'user' ? me.id : null;
  const cases = useCases(queryFilters({ ...filters, category }, q), limit);
  const staff = useStaff();
  const owners = useMemo(
    () => new Map((staff.data ?? []).map((u) => [u.id, u.name])),
    [staff.data],
  );
  const items = useMemo(() => cases.data?.items ?? [], [cases.data]);

  useEffect(() => {
    rememberInbox({ filters, search });
  }, [filters, search]);
  useEffect(() => {
    document.title = 'Inbox · Redress';
  }, []);
  // A new filter or search starts at the top. Reset while rendering, not in an effect: an effect
  // runs after the new list is on screen, and would undo a j/k pressed in that moment.
  const listKey = JSON.stringify([filters, q]);
  const [selectionFor, setSelectionFor] = useState(listKey);
  if (selectionFor !== listKey) {
    setSelectionFor(listKey);
    setSelected(0);
  }
  useEffect(() => {
    document.querySelector('.case-row.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const open = useCallback(() => {
    const item = items[selected];
    if (item) navigate(`/cases/${item.reference}`);
  }, [items, selected]);
  useInboxKeys({ count: items.length, setSelected, open, searchRef });

  const pick = (next: CaseFilters) => {
    setFilters({ ...next, q: undefined });
    setSearch(next.q ?? '');
  };
  const total = cases.data?.total ?? 0;

  return (
    <section aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">Inbox</h1>
        <p className="muted">
          Nearest deadline first. <kbd>j</kbd>/<kbd>k</kbd> to move, <kbd>Enter</kbd> to open,{' '}
          <kbd>/</kbd> to search.
        </p>
      </div>
      <DrillNote
        filters={filters}
        onClear={() => {
          setFilters({ status: 'open' });
          navigate('/');
        }}
      />
      <SavedViews
        current={{ ...filters, q: search.trim() || undefined }}
        myId={myId}
        onPick={pick}
      />
      <InboxFilters
        ref={searchRef}
        filters={filters}
        search={search}
        onSearch={setSearch}
        onChange={setFilters}
      />
      {cases.isPending && <Loading what="cases" />}
      {cases.error && <ErrorNote error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data && items.length === 0 && (
        <p className="empty">No cases match. Clear the search or the filters to see more.</p>
      )}
      {items.length > 0 && (
        <>
          <p className="muted small" role="status">
            {total === items.length ? `${total} cases` : `${items.length} of ${total} cases`}
          </p>
          <table className="inbox" aria-busy={cases.isFetching}>
            <caption className="visually-hidden">Cases, nearest deadline first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Customer</th>
                <th scope="col">Subject</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
                <th scope="col">Next deadline</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <CaseRow
                  key={item.id}
                  item={item}
                  ownerName={item.ownerId ? owners.get(item.ownerId) : undefined}
                  isSelected={i === selected}
                  onSelect={() => setSelected(i)}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
      {items.length >= limit && limit < MAX_LIMIT && (
        <button
          type="button"
          className="button--quiet"
          onClick={() => setLimit((n) => Math.min(n + PAGE_SIZE, MAX_LIMIT))}
        >
          Show more cases
        </button>
      )}
    </section>
  );
}
