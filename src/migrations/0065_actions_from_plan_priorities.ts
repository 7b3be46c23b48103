// Actions raised from a plan priority (issue 23 item 4): an action in a meeting's action log may
// name the plan priority it serves. The link is the priority's id, so it survives a rename; a
// priority that actions name cannot be deleted (no cascade: the delete page names them first,
// and the database refuses a deletion that races a new link).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    alter table actions add column plan_priority_id uuid;
    alter table actions add constraint actions_plan_priority_fk
      foreign key (partnership_id, plan_priority_id) references plan_priorities (partnership_id, id);
    create index actions_plan_priority on actions (plan_priority_id) where plan_priority_id is not null;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `alter table actions drop column plan_priority_id;`);
}
