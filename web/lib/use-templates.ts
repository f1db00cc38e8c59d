// Reply templates (GET /templates), shared by the composer and the settings screen.
import { useQuery } from '@tanstack/react-query';
import type { listTemplates } from '../../src/core/templates/list-templates.ts';
import { get } from './api-client.ts';
import type { ResultOf } from './types.ts';

export type ReplyTemplate = ResultOf<typeof listTemplates>[number];
export const TEMPLATES_KEY = ['templates'] as const;

export function useTemplates() {
  return useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: () => get<ReplyTemplate[]>('/templates'),
    staleTime: 5 * 60_000,
  });
}
