// The `cadence` command-line tool (package.json "bin"; scripts/cadence.js loads this file through tsx).
//
//   cadence migrate
//   cadence create-token --email E --role rep|manager|admin|integration [--name N] [--manager EMAIL] [--label L]
//
// Output contract: create-token prints only the token on stdout, so `TOKEN=$(npx cadence create-token ...)`
// works; everything else goes to stderr. Exit codes: 0 success, 1 failure, 2 bad usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createToken } from '../api/auth';
import { loadAppConfig, type AppConfig } from '../config/app';
import { ConfigError } from '../config/errors';
import { createDb, migrateToLatest, type Db } from '../db/connect';
import type { Role } from '../db/types';
import { boundaryReportCommand } from './cadence-boundary-report';
import { checkSenderCommand } from './cadence-check-sender';
import { classifyReplyCommand } from './cadence-classify';
import { draftCommand } from './cadence-draft';
import { importSuppressionsCommand } from './cadence-suppressions';
import { triageEvalCommand } from './cadence-triage-eval';
import { verifyAuditCommand } from './cadence-verify-audit';
import { ensureUser, ROLES, runningLocalStackPid, UserConflictError } from './demo-seed';

const USAGE = `usage: cadence <command> [options]

commands:
  migrate
      Apply the database migrations to DATABASE_URL or, when it is unset, to the
      embedded PGlite database under DATA_DIR (default .data).

  create-token --email EMAIL --role rep|manager|admin|integration
               [--name NAME] [--manager MANAGER_EMAIL] [--label LABEL]
      Create the user with that email if there is none (reuse it otherwise; its
      role must match), create an API token for it and print only the token:
          TOKEN=$(npx cadence create-token --email dana@example.com --role rep)

  classify-reply [--json] < message.eml
      Classify one raw inbound email read from standard input and print one JSON
      line: {"intent","sentiment","escalate","returnDate"}.

  draft [--json] < case.json
      Draft one email from a framework (AI slots {{ai:NAME|instruction}}) for one
      prospect with the template, local or openai drafter; print one line of JSON:
      {"subject","body","provider","model","confidence","reasons","gate"}.

  triage-eval [--set dev|blind|all] [--dir DIR] [--misses] [--json]
      Classify every message of a labelled corpus (default: the project's blind
      and dev sets under test/fixtures/triage-corpus) and print per-class
      precision and recall, the confusion matrix and the safety figures.

  check-sender DOMAIN [--selector S] [--dns HOST:PORT] [--dkim-domain D] [--json]
      Check the SPF, DKIM and DMARC records of a From domain and its alignment;
      ends with "verdict: pass|warn|fail" (exit 0 on pass, 1 otherwise).

  import-suppressions FILE [--format csv|json] [--source NAME]
      Import suppression entries (CSV with a header "value,reason[,kind]", or JSON);
      bad rows are listed with their line numbers and the good rows kept.

  verify-audit [--json] [--batch-size N]
      Check the audit trail's hash chain: recompute every event's hash and its link
      to the one before; print "audit chain intact: N events, head <hash>" (exit 0)
      or the first bad event and what is wrong with it (exit 1).

  boundary-report [--json]
      Print the boundary report for the gate policy in force: gated templates ready
      to graduate to automatic and automatic ones to put back behind a gate, each
      with its evidence; accept one with POST /v1/boundary-report/accept.

  help
      Show this text.`;

class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure whose message is the whole story (no stack trace needed). */
class CliError extends Error {
  override name = 'CliError';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false } as const).values;
  } catch (err) {
    // node:util reports unknown options, missing values and stray arguments with a clear message.
    throw new UsageError((err as Error).message);
  }
}

function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`missing --${name}`);
  return v.trim();
}

function describeDatabase(config: AppConfig): string {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL ${url.host}${url.pathname}`;
  }
  return `embedded PGlite under ${config.DATA_DIR}/pglite`;
}

async function openDb(config: AppConfig): Promise<Db> {
  if (!config.DATABASE_URL) {
    // PGlite is single-process: a second process opening the same directory would corrupt it.
    const pid = runningLocalStackPid(config.DATA_DIR);
    if (pid !== null) {
      throw new CliError(
        `the local stack (npm start, pid ${pid}) has the embedded database under ${config.DATA_DIR} open; ` +
          'stop it first (Ctrl-C), or use the token it printed, or set DATABASE_URL',
      );
    }
  }
  return createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
}

async function migrate(db: Db): Promise<string[]> {
  const result = await migrateToLatest(db);
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function commandMigrate(args: string[]): Promise<void> {
  parse(args, {});
  const config = loadAppConfig();
  const db = await openDb(config);
  try {
    const applied = await migrate(db);
    console.error(
      applied.length
        ? `migrated ${describeDatabase(config)}: applied ${applied.join(', ')}`
        : `${describeDatabase(config)} is already up to date`,
    );
  } finally {
    await db.destroy();
  }
}

async function commandCreateToken(args: string[]): Promise<void> {
  const values = parse(args, {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    manager: { type: 'string' },
    label: { type: 'string' },
  });
  const email = requireString(values, 'email').toLowerCase();
  if (!EMAIL.test(email)) throw new UsageError(`--email: "${email}" is not an email address`);
  const role = requireString(values, 'role') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role: "${role}" is not one of ${ROLES.join(', ')}`);
  const name = values.name === undefined ? undefined : requireString(values, 'name');
  const managerEmail = values.manager === undefined ? undefined : requireString(values, 'manager').toLowerCase();
  if (managerEmail !== undefined && !EMAIL.test(managerEmail)) {
    throw new UsageError(`--manager: "${managerEmail}" is not an email address`);
  }
  const label = values.label === undefined ? 'cli' : requireString(values, 'label');

  const config = loadAppConfig();
  const db = await openDb(config);
  try {
    const applied = await migrate(db);
    if (applied.length) console.error(`migrated ${describeDatabase(config)}: applied ${applied.join(', ')}`);

    let managerId: string | null = null;
    if (managerEmail !== undefined) {
      const manager = await db.selectFrom('users').select(['id', 'role']).where('email', '=', managerEmail).executeTakeFirst();
      if (!manager) {
        throw new CliError(`--manager: no user has the email ${managerEmail}; create it first with --role manager`);
      }
      if (manager.role !== 'manager') {
        throw new CliError(`--manager: ${managerEmail} (${manager.id}) has the role ${manager.role}, not manager`);
      }
      managerId = manager.id;
    }

    let user;
    try {
      user = await ensureUser(db, { email, role, name, managerId });
    } catch (err) {
      if (err instanceof UserConflictError) throw new CliError(err.message);
      throw err;
    }
    if (user.created) {
      console.error(`created ${user.role} ${user.id} (${user.name} <${user.email}>)${user.managerId ? `, reporting to ${user.managerId}` : ''}`);
    } else {
      console.error(`using existing ${user.role} ${user.id} (${user.name} <${user.email}>)`);
      if (managerEmail !== undefined && user.managerId !== managerId) {
        console.error(`note: ${user.id} reports to ${user.managerId ?? 'nobody'}; --manager does not change an existing user`);
      }
    }
    const token = await createToken(db, user.id, label);
    console.error(`created token "${label}" for ${user.id}; it is shown only once`);
    process.stdout.write(`${token}\n`);
  } finally {
    await db.destroy();
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  migrate: commandMigrate,
  'create-token': commandCreateToken,
};

export async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
      return 0;
    }
    if (command === undefined) throw new UsageError('missing command');
    if (command === 'classify-reply') return await classifyReplyCommand(args, process.stdin, process.stdout);
    if (command === 'triage-eval') return await triageEvalCommand(args, process.stdout);
    if (command === 'draft') return await draftCommand(args, process.stdin, process.stdout, process.stderr);
    if (command === 'check-sender') return await checkSenderCommand(args, process.stdout, process.stderr);
    if (command === 'import-suppressions') return await importSuppressionsCommand(args, process.stdout, process.stderr, { openDb });
    if (command === 'boundary-report') return await boundaryReportCommand(args, process.stdout, process.stderr, { openDb });
    if (command === 'verify-audit') return await verifyAuditCommand(args, process.stdout, process.stderr, { openDb });
    const handler = commands[command];
    if (!handler) throw new UsageError(`unknown command "${command}"`);
    if (args.includes('--help') || args.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    await handler(args);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`cadence: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      console.error(`cadence: configuration error: ${err.message}`);
      return 1;
    }
    if (err instanceof CliError) {
      console.error(`cadence: ${err.message}`);
      return 1;
    }
    console.error('cadence: failed:', err);
    return 1;
  }
}

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Never hang on a stray handle (a pool, a socket): leave shortly after the work is done.
  setTimeout(() => process.exit(code), 2000).unref();
});
