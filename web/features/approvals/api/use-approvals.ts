// The supervisors' queue (GET /approvals) and decisions on it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DecisionInput } from '../../../../src/contracts/cases.ts';
import type { listApprovals } from '../../../../src/core/restitution/list-approvals.ts';
import { get, post } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type Approval = ResultOf<typeof listApprovals>[number];

export function useApprovals() {
  return useQuery({
    queryKey: ['approvals'],
    queryFn: () => get<Approval[]>('/approvals'),
    refetchInterval: 30_000,
  });
}

export function useDecide(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof DecisionInput>) => post(`/approvals/${id}/decision`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ['approvals'] }),
  });
}
