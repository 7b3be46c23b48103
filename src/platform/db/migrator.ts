// Applies the product's migrations, one global timeline, with Kysely's migrator (each
// migration in its own transaction, a lock against two processes migrating at once).
import { sql, type Kysely } from 'kysely';
import { Migrator, NO_MIGRATIONS, type Migration, type MigrationResultSet } from 'kysely/migration';

export type Migrations = Record<string, Migration>;

// Migrations run against the schema as it was at their time, not today's typed one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

/** Runs a block of plain SQL (several statements) as written. */
export async function runSql(db: MigrationDb, text: string): Promise<void> {
  await sql.raw(text).execute(db);
}

export class MigrationError extends Error {}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((step) => step.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `Migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return (result.results ?? []).map(
    (step) => `${step.direction === 'Up' ? 'applied' : 'reverted'} ${step.migrationName}`,
  );
}

function migrator(db: MigrationDb, migrations: Migrations): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export async function migrateToLatest(db: MigrationDb, migrations: Migrations): Promise<string[]> {
  return check(await migrator(db, migrations).migrateToLatest());
}

/** Applies or reverts migrations until `name` is the last applied (a restore, ADR 0039). */
export async function migrateTo(db: MigrationDb, migrations: Migrations, name: string): Promise<string[]> {
  return check(await migrator(db, migrations).migrateTo(name));
}

/** Reverts every migration, newest first. */
export async function migrateToNothing(db: MigrationDb, migrations: Migrations): Promise<string[]> {
  return check(await migrator(db, migrations).migrateTo(NO_MIGRATIONS));
}

export async function pendingMigrations(db: MigrationDb, migrations: Migrations): Promise<string[]> {
  const all = await migrator(db, migrations).getMigrations();
  return all.filter((step) => !step.executedAt).map((step) => step.name);
}
