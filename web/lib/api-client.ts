// The one way the web app talks to /api/v1: same-origin cookie, the anti-CSRF header on every
// write, and application/problem+json turned into an ApiError the screens can show.
export interface ProblemIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ProblemIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function readProblem(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const title = typeof body.title === 'string' ? body.title : `Request failed (${res.status}).`;
  const issues = Array.isArray(body.issues) ? (body.issues as ProblemIssue[]) : [];
  return new ApiError(res.status, title, issues, body);
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-redress-request'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'Cannot reach the server. It may be restarting; try again shortly.');
  }
  if (!res.ok) throw await readProblem(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

/** A human sentence for any error, with field issues appended. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const detail = err.issues.map((i) => i.message).join(' ');
    return detail && !err.message.includes(detail) ? `${err.message} ${detail}` : err.message;
  }
  return err instanceof Error ? err.message : 'Something went wrong.';
}
