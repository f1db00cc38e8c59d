// The search box (`/` focuses it) and every filter the queue takes: status, channel, owner,
// category, feeling, complainer type and deadline state.
import { forwardRef } from 'react';
import { CHANNELS, ComplainerType, FEELINGS } from '../../../../src/contracts/enums.ts';
import { useStaff } from '../../../lib/use-staff.ts';
import type { CaseFilters } from '../api/use-cases.ts';

const STATUSES = ['open', 'new', 'in_progress', 'awaiting_customer', 'resolved', 'closed'] as const;
const DEADLINES = { breached: 'Breached', at_risk: 'At risk', today: 'Due or missed today' };
const words = (s: string) => s.replace(/_/g, ' ');

interface Props {
  filters: CaseFilters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (next: CaseFilters) => void;
}

function Choice<K extends keyof CaseFilters>(props: {
  label: string;
  name: K;
  any: string;
  options: readonly (readonly [string, string])[];
  filters: CaseFilters;
  onChange: (next: CaseFilters) => void;
}) {
  const { label, name, any, options, filters, onChange } = props;
  return (
    <label>
      {label}
      <select
        name={name}
        value={(filters[name] as string | undefined) ?? ''}
        onChange={(e) => onChange({ ...filters, [name]: e.target.value || undefined })}
      >
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export const InboxFilters = forwardRef<HTMLInputElement, Props>(function InboxFilters(
  { filters, search, onSearch, onChange },
  searchRef,
) {
  const staff = useStaff();
  const common = { filters, onChange };
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
      <Choice
        {...common}
        label="Status"
        name="status"
        any="All"
        options={STATUSES.map((s) => [s, words(s)] as const)}
      />
      <Choice
        {...common}
        label="Channel"
        name="channel"
        any="All"
        options={CHANNELS.map((c) => [c, words(c)] as const)}
      />
      <Choice
        {...common}
        label="Owner"
        name="ownerId"
        any="Anyone"
        options={(staff.data ?? []).map((u) => [u.id, u.name] as const)}
      />
      <label>
        Category
        <input
          name="category"
          size={12}
          value={filters.category ?? ''}
          onChange={(e) => onChange({ ...filters, category: e.target.value || undefined })}
        />
      </label>
      <Choice
        {...common}
        label="Feeling"
        name="feeling"
        any="Any"
        options={FEELINGS.map((f) => [f, f] as const)}
      />
      <Choice
        {...common}
        label="Complainer"
        name="complainerType"
        any="Any"
        options={ComplainerType.options.map((t) => [t, t] as const)}
      />
      <Choice
        {...common}
        label="Deadline"
        name="deadline"
        any="Any"
        options={Object.entries(DEADLINES)}
      />
    </form>
  );
});
