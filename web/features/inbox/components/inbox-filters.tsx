// Status, channel and owner filters plus the search box (`/` focuses it).
import { forwardRef } from 'react';
import { CHANNELS } from '../../../../src/contracts/enums.ts';
import { useStaff } from '../../../lib/use-staff.ts';
import type { CaseFilters } from '../api/use-cases.ts';

const STATUSES = ['open', 'new', 'in_progress', 'awaiting_customer', 'resolved', 'closed'] as const;
const words = (s: string) => s.replace(/_/g, ' ');

interface Props {
  filters: CaseFilters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (next: CaseFilters) => void;
}

export const InboxFilters = forwardRef<HTMLInputElement, Props>(function InboxFilters(
  { filters, search, onSearch, onChange },
  searchRef,
) {
  const staff = useStaff();
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>
          Search <kbd>/</kbd>
        </span>
        <input
          ref={searchRef}
          type="search"
          value={search}
          placeholder="Words, names or RD-1234"
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
      <label>
        Status
        <select
          value={filters.status ?? ''}
          onChange={(e) =>
            onChange({ ...filters, status: (e.target.value || undefined) as CaseFilters['status'] })
          }
        >
          <option value="">All</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Channel
        <select
          value={filters.channel ?? ''}
          onChange={(e) =>
            onChange({
              ...filters,
              channel: (e.target.value || undefined) as CaseFilters['channel'],
            })
          }
        >
          <option value="">All</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {words(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner
        <select
          value={filters.ownerId ?? ''}
          onChange={(e) => onChange({ ...filters, ownerId: e.target.value || undefined })}
        >
          <option value="">Anyone</option>
          {(staff.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
});
