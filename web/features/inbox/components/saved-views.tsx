// The views bar: "All open", "Mine", "Breaching today", "Awaiting approval", then the person's
// own saved views, and a form that saves the current filters under a name.
import { useState, type FormEvent } from 'react';
import type { ViewFilters } from '../../../../src/contracts/workspace.ts';
import { ErrorNote } from '../../../components/query-state.tsx';
import {
  BUILT_IN_VIEWS,
  sameFilters,
  useDeleteView,
  useSaveView,
  useViews,
} from '../api/use-views.ts';

interface Props {
  current: ViewFilters;
  myId: string | null;
  onPick: (filters: ViewFilters) => void;
}

export function SavedViews({ current, myId, onPick }: Props) {
  const views = useViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, filters: current }, { onSuccess: () => setName('') });
  };
  return (
    <div className="views">
      <nav aria-label="Views" className="views__list">
        {BUILT_IN_VIEWS.map((v) => {
          const filters = v.filters(myId);
          return (
            <button
              key={v.key}
              type="button"
              className="chip"
              aria-pressed={sameFilters(filters, current)}
              onClick={() => onPick(filters)}
            >
              {v.name}
            </button>
          );
        })}
        {views.data?.map((v) => (
          <span key={v.id} className="views__saved">
            <button
              type="button"
              className="chip"
              aria-pressed={sameFilters(v.filters, current)}
              onClick={() => onPick(v.filters)}
            >
              {v.name}
            </button>
            <button
              type="button"
              className="button--small button--quiet"
              aria-label={`Delete view ${v.name}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate(v.id)}
            >
              ×
            </button>
          </span>
        ))}
        {views.isPending && <span className="muted small">Loading your views…</span>}
      </nav>
      <form className="views__save" onSubmit={submit}>
        <label className="inline">
          <span className="visually-hidden">Name for this view</span>
          <input
            placeholder="Name these filters"
            maxLength={80}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="button--small" disabled={save.isPending}>
          Save view
        </button>
      </form>
      {views.error && <ErrorNote error={views.error} onRetry={() => void views.refetch()} />}
      {save.error && <ErrorNote error={save.error} />}
      {remove.error && <ErrorNote error={remove.error} />}
    </div>
  );
}
