// The audit trail moves its partnership's data version too (ADR 0021), so that the audit trail
// page can be kept like the others (ADR 0056): migration 0041 left it out because every write's
// own table moves the version already, but an event recorded with no other row changed (a
// message sent, a request to send waiting messages) would then not show until the next change.
// A statement trigger, as on every other table: one more update of the version row the
// transaction holds already. Platform events (no partnership) move nothing.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await versionedTable(db, 'audit_events');
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    ['insert', 'update', 'delete']
      .map((event) => `drop trigger audit_events_version_${event} on audit_events;`)
      .join('\n'),
  );
}
