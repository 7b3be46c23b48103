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

Configuration comes from environment variables: see the README.`;

class UsageError extends Error {}

async function withRuntime<T>(config: Config, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(config);
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
      const { startServer } = await import('./server.ts');
      const running = await startServer(config, { seedOnFirstRun: true });
      process.stdout.write(`Cooperate is running at ${running.url}\n`);
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await running.stop();
      return 0;
    }
    case 'migrate':
      return withRuntime(config, async (runtime) => {
        if (values.down) {
          const reverted = await migrateToNothing(runtime.db.owner, migrations);
          say(reverted.length ? reverted.join('\n') : 'Nothing to revert');
        } else say(runtime.applied.length ? runtime.applied.join('\n') : 'The database is up to date');
        return 0;
      });
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
        error instanceof RuleViolation
      ) {
        process.stderr.write(`${error.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
