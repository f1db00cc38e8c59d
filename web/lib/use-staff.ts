// Staff, for owner filters and transfers (shared by features; GET /users).
import { useQuery } from '@tanstack/react-query';
import type { listStaff } from '../../src/core/users/list-staff.ts';
import { get } from './api-client.ts';
import type { ResultOf } from './types.ts';

export type StaffMember = ResultOf<typeof listStaff>[number];

export function useStaff() {
  return useQuery({
    queryKey: ['staff'],
    queryFn: () => get<ResultOf<typeof listStaff>>('/users'),
    staleTime: 5 * 60_000,
  });
}
