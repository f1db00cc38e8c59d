// The `redress` command. Exit codes: 0 ok, 1 failure, 2 bad usage.
import { ConfigError } from '../config.ts';
import { DomainError } from '../core/shared/errors.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { stdio, UsageError, type Io } from './stdio.ts';

export const HELP = `redress — the service-recovery desk

Usage: redress <command> [options]

  serve                      start the desk (HTTP on PORT, embedded PostgreSQL unless DATABASE_URL)
  migrate                    apply database migrations and exit
  user create --email E --name N --role R [--password P]
                             create a staff user (roles: agent, supervisor, spokesperson, manager, admin)
  demo [--cases N]           load a realistic demo organisation (default 40 cases)
  case list [--status S] [--q TEXT] [--json]
  case show <REF> [--json]
  case open --channel C --name N [--email E] [--phone P] --account TEXT [--subject S] [--json]
            [--duration 4:30] [--letter-ref REF] [--received ISO-TIME] [--scan FILE [--type MIME]]
                             a phone call's length; a letter's scan (kept with the case)
  case log <REF> --channel phone|letter|in_person --account TEXT [--duration 4:30] [--scan FILE]
                             a later call, letter or visit from the customer
  case attach <REF> <FILE> [--purpose file|letter_scan|call_recording] [--type MIME]
  case involve <REF> --staff E [--role TEXT]
                             record a staff member as involved in the failure (debrief after closure)
  case uninvolve <REF> --staff E
  incident list [--status S] [--json]
  incident show <ID|SLUG> [--json]
  incident import <ID|SLUG> <file.csv>
                             attach affected customers from a CSV (email, phone, first_name, last_name)

  customer export <ID>       everything stored about a customer, as JSON (manager, admin)
  customer erase <ID> --reason R
                             erase a customer's personal data; aggregates are kept
  corrections export [--since ISO]
                             intake's suggestions beside what staff confirmed, as JSON lines (manager, admin)
  backup <file>              write a consistent backup of the whole desk (gzip, with checksum)
  restore <file> [--force]   load a backup into an empty desk (--force replaces existing data)

  analyze [file]             complaints as JSON lines {"id","text"} in, analyses out
  coach [file]               draft replies as JSON lines {"id","text",…} in, findings out

Options for case, incident, customer and corrections commands: --as <email> acts as that staff user, with that user's permissions.
Configuration comes from environment variables; see the README.`;

type Command = (args: string[], io: Io) => Promise<number>;

// Each command is loaded when it runs: `analyze` and `coach` then stream in a small heap
// without the HTTP app, the job queue and the database driver that the others need.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
  user: async () => (await import('./commands/user.ts')).userCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  case: async () => (await import('./commands/case.ts')).caseCommand,
  incident: async () => (await import('./commands/incident.ts')).incidentCommand,
  customer: async () => (await import('./commands/customer.ts')).customerCommand,
  corrections: async () => (await import('./commands/corrections.ts')).correctionsCommand,
  backup: async () => (await import('./commands/backup.ts')).backupCommand,
  restore: async () => (await import('./commands/backup.ts')).restoreCommand,
  analyze: async () => {
    const { languageCommand } = await import('./commands/language.ts');
    return (args, io) => languageCommand('analyze', args, io);
  },
  coach: async () => {
    const { languageCommand } = await import('./commands/language.ts');
    return (args, io) => languageCommand('coach', args, io);
  },
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`Unknown command “${name}”.\n\n${HELP}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof DomainError) {
      io.err(`${err.message}${err.issues.map((i) => `\n  ${i.path}: ${i.message}`).join('')}`);
      return err.code === 'validation' ? 2 : 1;
    }
    if (err instanceof DataDirInUseError) {
      io.err(err.message);
      return 1;
    }
    io.err(`redress ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
