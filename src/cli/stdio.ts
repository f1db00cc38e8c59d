// The CLI's lightest plumbing: usage errors (exit 2) and where output goes. Kept apart from
// io.ts (the store and job queue) so `redress analyze` and `coach` stream in a small heap.
export class UsageError extends Error {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const stdio: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};
