// Organisation settings (GET/PATCH /settings), reply templates and staff: what admins change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Settings, SettingsPatchSchema } from '../../../../src/contracts/settings.ts';
import type { CreateUserInput } from '../../../../src/contracts/users.ts';
import type { TemplateInput, UpdateUserInput } from '../../../../src/contracts/workspace.ts';
import { api, get, post } from '../../../lib/api-client.ts';
import { TEMPLATES_KEY } from '../../../lib/use-templates.ts';

const SETTINGS_KEY = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => get<Settings>('/settings') });
}

export function usePatchSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof SettingsPatchSchema>) =>
      api<Settings>('PATCH', '/settings', patch),
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof TemplateInput> & { id?: string }) =>
      id ? api('PATCH', `/templates/${id}`, input) : post('/templates', input),
    onSettled: () => client.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/templates/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreateUserInput>) => post('/users', input),
    onSettled: () => client.invalidateQueries({ queryKey: ['staff'] }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof UpdateUserInput> & { id: string }) =>
      api('PATCH', `/users/${id}`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ['staff'] }),
  });
}
