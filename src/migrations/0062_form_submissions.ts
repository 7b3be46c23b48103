// One-use form tokens (ADR 0044): the digest of each token a form was first sent with, written
// in the same transaction as what the form made, and where its answer went. A second POST with
// the same token finds it and goes there instead of making the thing again. Not a tenant's
// table (a digest names nothing); only the owner connection reads and writes it, so the
// application role has no grant. Rows older than a day are pruned as new ones arrive.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table form_submissions (
      digest text primary key,
      location text,
      submitted_at timestamptz not null default now()
    );
    create index form_submissions_submitted on form_submissions (submitted_at);
    revoke all on form_submissions from public;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table form_submissions;`);
}
