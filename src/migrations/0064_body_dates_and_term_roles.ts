// The record as councils keep it: the last gaps (issue 24, ADR 0041).
// - A body's own dates (`bodies.starts_on`, `ends_on`, "runs from … until …") may be known to the
//   year or the month only (`starts_precision`, `ends_precision`), like a relationship's
//   (migration 0057) and a membership's (0059): the date kept is the first day the start can mean
//   and the last day the end can mean.
// - A change of role recorded for an appointment (`membership_terms.role`) may be to observer or
//   note-taker, the roles a seat may have since migration 0057.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

const memberRoles = `'chair', 'vice-chair', 'member', 'in-attendance'`;

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table bodies add column starts_precision text not null default 'day'
       check (starts_precision in ('day', 'month', 'year'));
     alter table bodies add column ends_precision text not null default 'day'
       check (ends_precision in ('day', 'month', 'year'));
     alter table membership_terms drop constraint membership_terms_role_check;
     alter table membership_terms add constraint membership_terms_role_check
       check (role is null or role in (${memberRoles}, 'observer', 'note-taker'));`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `delete from membership_terms where role in ('observer', 'note-taker') and title is null;
     update membership_terms set role = null where role in ('observer', 'note-taker');
     alter table membership_terms drop constraint membership_terms_role_check;
     alter table membership_terms add constraint membership_terms_role_check
       check (role is null or role in (${memberRoles}));
     alter table bodies drop column ends_precision;
     alter table bodies drop column starts_precision;`,
  );
}
