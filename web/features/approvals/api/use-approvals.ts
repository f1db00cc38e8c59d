// The supervisors' queue (GET /approvals), decisions on it, and the day's breaches and broken
// promises (GET /reports/today).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DecisionInput } from '../../../../src/contracts/cases.ts';
import type { supervisorToday } from '../../../../src/core/reports/supervisor-today.ts';
import type { listApprovals } from '../../../../src/core/restitution/list-approvals.ts';
import { get, post } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type Approval = ResultOf<typeof listApprovals>[number];
export type SupervisorDay = ResultOf<typeof supervisorToday>;

export function useApprovals() {
  return useQuery({
    queryKey: ['approvals'],
    queryFn: () => get<Approval[]>('/approvals'),
    refetchInterval: 30_000,
  });
}

export function useSupervisorDay() {
  return useQuery({
    queryKey: ['reports', 'today'],
    queryFn: () => get<SupervisorDay>('/reports/today'),
    refetchInterval: 60_000,
  });
}

export function useDecide(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof DecisionInput>) => post(`/approvals/${id}/decision`, input),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['approvals'] }),
        client.invalidateQueries({ queryKey: ['cases'] }),
        client.invalidateQueries({ queryKey: ['case'] }),
      ]),
  });
}
