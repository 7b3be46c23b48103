// Outcome frameworks: a plan is made with one, the Every Child Matters outcomes (2003-2010) or
// the Children's Social Care National Framework (December 2023), and its outcome framework rows
// say which framework they come from (none for a local outcome). Existing plans, and the
// outcomes marked Every Child Matters, take the Every Child Matters framework. A framework row's
// framework must be its plan's: a composite foreign key (a local row's null skips the check).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

const frameworks = `'every-child-matters', 'national-framework-2023'`;

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    alter table plans
      add column outcome_framework text not null default 'every-child-matters'
        check (outcome_framework in (${frameworks})),
      add constraint plans_framework_key unique (partnership_id, id, outcome_framework);
    alter table plan_outcomes add column framework text check (framework in (${frameworks}));
    update plan_outcomes set framework = 'every-child-matters' where every_child_matters;
    alter table plan_outcomes
      drop column every_child_matters,
      add constraint plan_outcomes_framework_of_plan
        foreign key (partnership_id, plan_id, framework)
        references plans (partnership_id, id, outcome_framework);
    `,
  );
}

/** Back to one framework: National Framework rows stay, as local outcomes, so no words are lost. */
export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    alter table plan_outcomes
      drop constraint plan_outcomes_framework_of_plan,
      add column every_child_matters boolean not null default false;
    update plan_outcomes set every_child_matters = true where framework = 'every-child-matters';
    alter table plan_outcomes drop column framework;
    alter table plans drop constraint plans_framework_key, drop column outcome_framework;
    `,
  );
}
