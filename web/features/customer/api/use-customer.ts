// One customer's history (GET /customers/:id).
import { useQuery } from '@tanstack/react-query';
import type { getCustomer } from '../../../../src/core/customers/get-customer.ts';
import { get } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type CustomerView = ResultOf<typeof getCustomer>;

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: () => get<CustomerView>(`/customers/${encodeURIComponent(id)}`),
  });
}
