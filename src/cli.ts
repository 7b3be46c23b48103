#!/usr/bin/env node
// The command-line tool: `cooperate <command>`. Every command reads the same configuration
// as the server (environment variables), so it works on the embedded database or PostgreSQL.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { isRole } from './platform/http/permissions.ts';
import { systemCaller } from './platform/http/auth.ts';
import { validate, RuleViolation } from './platform/http/validation.ts';
import { migrateToNothing } from './platform/db/migrator.ts';
import { migrations } from './migrations/index.ts';
import { newUserSchema } from './modules/accounts/index.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { importSeeds } from './seeds/seed.importer.ts';
import { readSeeds, seedFiles, SeedFilesInvalid } from './seeds/seed.reader.ts';
import { importSurveys, readSurveys } from './seeds/seed.surveys.ts';
import { DataFilesInvalid } from './platform/data-files.ts';
import { isIsoDate, londonToday } from './platform/mail/daily.ts';
import { FolderRefusal } from './platform/db/folder-lock.ts';
import { migrateTo, migrateToLatest } from './platform/db/migrator.ts';
import {
  auditRow,
  BackupRefused,
  checkBackup,
  importPartnership,
  restoreBackup,
  writeBackup,
  writePartnership,
  type PendingJob,
} from './platform/db/backup.ts';

const usage = `Usage: cooperate <command> [options]

Commands:
  serve                         Start the web server (migrates; on an empty database also loads
                                the seeds and creates a first administrator)
  migrate [--down]              Apply pending migrations (--down: revert them all)
  seed                          Load every seed file in data/seeds (idempotent)
  import <file>                 Check and load one seed file
  users add --email E --password P [--name N] [--platform-admin] [--partnership SLUG --role R]
                                Add a user, or give an existing user a role
  tokens create --email E [--name N]
                                Create an API token for a user and print it alone on stdout
  reminders [--as-of YYYY-MM-DD]
                                Write the daily reminders as of a date (today in London by
                                default) and send the daily digests; a reminder already
                                written is not written again

  backup <file>                 Write the whole database to a file (consistent while the server
                                runs; through the running server on the embedded database)
  restore <file> [--force]      Replace the database with a backup (refuses a database that has
                                users or partnerships unless --force; stop the server first)
  export-partnership <slug> <file>
                                Write one partnership, its papers and the users it names
  import-partnership <file>     Add an exported partnership, with the same ids (refused when its
                                slug is here already)

While a server holds the embedded database (DATA_DIR), commands reach the database through it;
migrate --down and restore refuse until it stops.

Configuration comes from environment variables: see the README.`;

class UsageError extends Error {}

/**
 * Opens the database for a command. On the embedded database held by a running server, through
 * that server (ADR 0039); `exclusive` commands refuse then instead. A command sends background
 * jobs but leaves working them to the server.
 */
async function withRuntime<T>(
  config: Config,
  work: (runtime: Runtime) => Promise<T>,
  options: { exclusive?: boolean; migrate?: boolean } = {},
): Promise<T> {
  const runtime = await openRuntime(config, {
    role: options.exclusive ? 'server' : 'command',
    migrate: options.migrate ?? true,
  });
  runtime.jobs.sendOnly();
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

const say = (line: string) => process.stderr.write(`${line}\n`);

async function addUser(
  runtime: Runtime,
  values: Record<string, string | boolean | undefined>,
): Promise<void> {
  const { services } = runtime;
  const email = String(values.email ?? '');
  const existing = email ? await services.accounts.userIdByEmail(email) : null;
  let userId = existing;
  if (!existing) {
    const checked = validate(newUserSchema, {
      email,
      password: values.password,
      name: values.name ?? email.split('@')[0],
      platformAdmin: Boolean(values['platform-admin']),
    });
    if (!checked.ok)
      throw new UsageError(checked.problems.map((p) => `--${p.path}: ${p.message}`).join('\n'));
    userId = await services.accounts.createUser(systemCaller('command line'), checked.value);
    say(`Added ${checked.value.email}${checked.value.platformAdmin ? ' (platform administrator)' : ''}`);
  } else {
    say(`${email} already has an account`);
  }
  if (values.partnership) {
    const role = values.role ?? 'viewer';
    if (!isRole(role)) throw new UsageError('--role must be one of admin, editor, member, viewer');
    const partnership = await services.partnerships.bySlug(String(values.partnership));
    if (!partnership) throw new UsageError(`There is no partnership ${values.partnership}`);
    await services.members.grant(systemCaller('command line', partnership.id), userId!, role);
    say(`${email} is ${role} of ${partnership.name}`);
  }
}

/** Sends again the jobs a backup or export held (their queues' only), in one transaction. */
async function sendAgain(runtime: Runtime, jobs: PendingJob[]): Promise<number> {
  const known = jobs.filter((job) => runtime.jobs.has(job.name));
  if (!known.length) return 0;
  await runtime.jobs.start();
  await runtime.db.owner.transaction().execute(async (trx) => {
    for (const job of known)
      await runtime.jobs.send(trx, job.name, job.data as object, {
        ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}),
        priority: job.priority,
      });
  });
  return known.length;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      'platform-admin': { type: 'boolean' },
      partnership: { type: 'string' },
      role: { type: 'string' },
      down: { type: 'boolean' },
      force: { type: 'boolean' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (!command || values.help) {
    process.stdout.write(`${usage}\n`);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { startServer, serveUntilSignalled } = await import('./server.ts');
      const running = await startServer(config, { seedOnFirstRun: true });
      process.stdout.write(`Cooperate is running at ${running.url}\n`);
      await serveUntilSignalled(running);
      return 0;
    }
    case 'migrate':
      return withRuntime(
        config,
        async (runtime) => {
          if (values.down) {
            const reverted = await migrateToNothing(runtime.db.owner, migrations);
            say(reverted.length ? reverted.join('\n') : 'Nothing to revert');
          } else say(runtime.applied.length ? runtime.applied.join('\n') : 'The database is up to date');
          return 0;
        },
        { exclusive: Boolean(values.down) },
      );
    case 'backup': {
      const file = positionals[1];
      if (!file) throw new UsageError('Name the file to write: cooperate backup <file>');
      return withRuntime(config, async (runtime) => {
        const done = await writeBackup(runtime.db.engine.pool, runtime.db.engine.kind, file);
        say(
          `Wrote ${done.rows} row(s) of ${done.tables} table(s) and ${done.jobs} waiting job(s) to ${file}`,
        );
        return 0;
      });
    }
    case 'restore': {
      const file = positionals[1];
      if (!file) throw new UsageError('Name the backup to restore: cooperate restore <file> [--force]');
      const header = await checkBackup(file);
      return withRuntime(
        config,
        async (runtime) => {
          const done = await restoreBackup(runtime.db.engine.pool, file, header, {
            force: Boolean(values.force),
            knownMigrations: Object.keys(migrations),
            plan: { migrateTo: async (name) => void (await migrateTo(runtime.db.owner, migrations, name)) },
            audit: (client) =>
              auditRow(client, {
                partnershipId: null,
                action: 'restore',
                entityType: 'database',
                entityId: 'database',
                summary: `Restored the database from a backup made at ${header.createdAt}`,
                after: { createdAt: header.createdAt, rows: header.rows, tables: header.tables },
              }),
          });
          const applied = await migrateToLatest(runtime.db.owner, migrations);
          const sent = await sendAgain(runtime, done.jobList);
          say(
            `Restored ${done.rows} row(s) of ${done.tables} table(s) from ${file} (made ${header.createdAt}); ${applied.length} newer migration(s) applied; ${sent} waiting job(s) sent again`,
          );
          return 0;
        },
        { exclusive: true, migrate: false },
      );
    }
    case 'export-partnership': {
      const [, slug, file] = positionals;
      if (!slug || !file) throw new UsageError('Usage: cooperate export-partnership <slug> <file>');
      return withRuntime(config, async (runtime) => {
        const done = await writePartnership(runtime.db.engine.pool, runtime.db.engine.kind, slug, file);
        say(
          `Wrote ${done.name}: ${done.rows} row(s) of ${done.tables} table(s) and ${done.jobs} waiting job(s) to ${file}`,
        );
        return 0;
      });
    }
    case 'import-partnership': {
      const file = positionals[1];
      if (!file) throw new UsageError('Name the file to import: cooperate import-partnership <file>');
      const header = await checkBackup(file);
      return withRuntime(config, async (runtime) => {
        const done = await importPartnership(runtime.db.engine.pool, file, header, {
          audit: (client, partnership) =>
            auditRow(client, {
              partnershipId: partnership.id,
              action: 'import',
              entityType: 'partnership',
              entityId: partnership.id,
              summary: `Imported ${partnership.name} from an export made at ${header.createdAt}`,
              after: { slug: partnership.slug, createdAt: header.createdAt },
            }),
        });
        const sent = await sendAgain(runtime, done.jobList);
        say(
          `Imported ${header.partnership!.name} (${header.partnership!.slug}): ${done.rows} row(s); ${done.users.matched} user(s) matched by e-mail address, ${done.users.added} added; ${sent} waiting job(s) sent again`,
        );
        return 0;
      });
    }
    case 'seed':
    case 'import': {
      const files = command === 'seed' ? await seedFiles() : positionals.slice(1);
      if (!files.length) throw new UsageError('Name the file to import: cooperate import <file>');
      const seeds = await readSeeds(files);
      return withRuntime(config, async (runtime) => {
        for (const report of await importSeeds(runtime.services, seeds))
          say(`${report.file}: ${report.partnership} ${report.outcome}`);
        if (command === 'seed') {
          for (const report of await importSurveys(runtime.services, await readSurveys()))
            say(`surveys/${report.file}: ${report.outcome}`);
        }
        return 0;
      });
    }
    case 'users':
      if (sub !== 'add') throw new UsageError('Did you mean: cooperate users add --email E --password P');
      return withRuntime(config, async (runtime) => {
        await addUser(runtime, values);
        return 0;
      });
    case 'tokens':
      if (sub !== 'create') throw new UsageError('Did you mean: cooperate tokens create --email E');
      return withRuntime(config, async ({ services }) => {
        const userId = values.email ? await services.accounts.userIdByEmail(values.email) : null;
        if (!userId)
          throw new UsageError(values.email ? `There is no user ${values.email}` : 'Give the user’s --email');
        const { token } = await services.tokens.create(
          systemCaller('command line'),
          userId,
          values.name ?? 'Command line',
        );
        process.stdout.write(`${token}\n`);
        return 0;
      });
    case 'reminders': {
      const asOf = values['as-of'] ?? londonToday();
      if (!isIsoDate(asOf)) throw new UsageError(`Give --as-of as a date like 2025-03-31, not ${asOf}`);
      return withRuntime(config, async ({ services }) => {
        const run = await services.mailDaily.run(asOf);
        // written to the outbox with their jobs: the server's background jobs send them
        say(
          `As of ${run.asOf}: ${run.reminders} reminder(s) and ${run.digests} digest(s) written to the outbox`,
        );
        return 0;
      });
    }
    default:
      throw new UsageError(`Unknown command ${command}\n\n${usage}`);
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (
        error instanceof UsageError ||
        error instanceof ConfigError ||
        error instanceof SeedFilesInvalid ||
        error instanceof DataFilesInvalid ||
        error instanceof RuleViolation ||
        error instanceof BackupRefused
      ) {
        process.stderr.write(`${error.message}\n`);
        process.exit(2);
      }
      // the database is held by a running server (ADR 0039): nothing was done
      if (error instanceof FolderRefusal) {
        process.stderr.write(`${error.message}\n`);
        process.exit(3);
      }
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
