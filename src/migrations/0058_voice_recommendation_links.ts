// Young people's voice, the loop closed on the record (issue 22): a recommendation of the young
// people's board points at the agenda item of the meeting where the board considered it (so
// at its minutes), and at the plan priorities the board's response led to, so the plan shows
// which priorities came from what young people said. Composite keys keep both inside the
// partnership in the database as well as in the service.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table voice_recommendations add column agenda_item_id uuid;
     alter table voice_recommendations add constraint voice_recommendations_agenda_item_fkey
       foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id)
       on delete set null (agenda_item_id);
     create index voice_recommendations_agenda_item on voice_recommendations (agenda_item_id)
       where agenda_item_id is not null;
     create table voice_recommendation_priorities (
       partnership_id uuid not null references partnerships (id) on delete cascade,
       recommendation_id uuid not null,
       priority_id uuid not null,
       primary key (recommendation_id, priority_id),
       foreign key (partnership_id, recommendation_id) references voice_recommendations (partnership_id, id) on delete cascade,
       foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id) on delete cascade
     );
     create index voice_recommendation_priorities_priority on voice_recommendation_priorities (priority_id);`,
  );
  await tenantTable(db, 'voice_recommendation_priorities', ['select', 'insert', 'update', 'delete']);
  await versionedTable(db, 'voice_recommendation_priorities');
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table voice_recommendation_priorities;
     drop index voice_recommendations_agenda_item;
     alter table voice_recommendations drop constraint voice_recommendations_agenda_item_fkey;
     alter table voice_recommendations drop column agenda_item_id;`,
  );
}
