// The reply coach (POST /coach) read as the agent types: the draft settles for a moment, then
// the coach looks at it with what the case knows (first name, confirmed feelings, authority,
// open promises).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { coachInputSchema } from '../../../../src/language/schemas.ts';
import type { coach } from '../../../../src/language/coach.ts';
import { post } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/time.ts';
import type { ResultOf } from '../../../lib/types.ts';
import type { CaseView } from './use-case.ts';

export type CoachResult = ResultOf<typeof coach>;
const SETTLE_MS = 350;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function coachContext(view: CaseView): Omit<z.input<typeof coachInputSchema>, 'text'> {
  const { authority } = view;
  return {
    ...(view.customer?.firstName ? { customerFirstName: view.customer.firstName } : {}),
    ...(view.case.confirmedFeelings
      ? {
          confirmedFeelings: view.case.confirmedFeelings as z.input<
            typeof coachInputSchema
          >['confirmedFeelings'],
        }
      : {}),
    remainingAuthority:
      authority.remaining === null
        ? null
        : { amount: Number(authority.remaining), currency: authority.currency },
    openPromises: view.promises
      .filter((p) => p.status === 'open')
      .slice(0, 50)
      .map((p) => ({ what: p.what.slice(0, 500), dueAt: formatDateTime(p.dueAt) })),
    isClosing: view.case.status === 'resolved',
  };
}

export function useCoach(view: CaseView, draft: string, enabled: boolean) {
  const text = useSettled(draft.trim(), SETTLE_MS);
  const context = coachContext(view);
  return useQuery({
    queryKey: ['coach', view.case.id, text, context],
    queryFn: () => post<CoachResult>('/coach', { text, ...context }),
    enabled: enabled && text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: 1,
  });
}
