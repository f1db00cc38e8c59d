// The `redress` command. Exit codes: 0 ok, 1 failure, 2 bad usage.
import { ConfigError } from '../config.ts';
import { DomainError } from '../core/shared/errors.ts';
import { DataDirInUseError } from '../db/embedded.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { customerCommand } from './commands/customer.ts';
import { caseCommand } from './commands/case.ts';
import { demoCommand } from './commands/demo.ts';
import { incidentCommand } from './commands/incident.ts';
import { languageCommand } from './commands/language.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { userCommand } from './commands/user.ts';
import { stdio, UsageError, type Io } from './io.ts';

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
  backup <file>              write a consistent backup of the whole desk (gzip, with checksum)
  restore <file> [--force]   load a backup into an empty desk (--force replaces existing data)

  analyze [file]             complaints as JSON lines {"id","text"} in, analyses out
  coach [file]               draft replies as JSON lines {"id","text",…} in, findings out

Options for case and incident commands: --as <email> acts as that staff user, with that user's permissions.
Configuration comes from environment variables; see the README.`;

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  serve: serveCommand,
  migrate: migrateCommand,
  user: userCommand,
  demo: demoCommand,
  case: caseCommand,
  incident: incidentCommand,
  customer: customerCommand,
  backup: backupCommand,
  restore: restoreCommand,
  analyze: (args, io) => languageCommand('analyze', args, io),
  coach: (args, io) => languageCommand('coach', args, io),
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command “${name}”.\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest, io);
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
