// Personal-data requests: the erasure of a customer, with the reason kept on every case.
import { z } from 'zod';

export const EraseCustomerInput = z.object({
  reason: z.string().trim().min(3, 'Say why (e.g. the customer asked to be forgotten).').max(500),
});
