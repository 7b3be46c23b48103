// Benchmarking (ADR 0020): a partnership publishes chosen library indicators, and every other
// partnership may then read those indicators and their whole-population values, never their
// targets, comparators, group or area breakdowns or illustrative figures.
// - `indicator_publications`: one row per published indicator (a tenant table).
// - The extra policies hold only in a transaction that has turned benchmarking on
//   (`app.benchmark` = 'on', transaction-local): the indicators module reads by row-level
//   security alone, so its pages must go on seeing only their own partnership's rows.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table indicator_publications (
      partnership_id uuid not null,
      indicator_id uuid primary key,
      published_at timestamptz not null default now(),
      foreign key (partnership_id, indicator_id) references indicators (partnership_id, id) on delete cascade
    );
    create index indicator_publications_partnership on indicator_publications (partnership_id);
    `,
  );
  await tenantTable(db, 'indicator_publications', ['select', 'insert', 'delete']);
  await runSql(
    db,
    `
    create function benchmarking() returns boolean language sql stable
      as $$ select coalesce(current_setting('app.benchmark', true), '') = 'on' $$;
    grant execute on function benchmarking() to cooperate_app;

    create policy benchmark on indicator_publications for select using (benchmarking());
    create policy benchmark on indicators for select
      using (benchmarking() and library_key is not null
             and id in (select indicator_id from indicator_publications));
    create policy benchmark on indicator_values for select
      using (benchmarking() and breakdown_kind = 'all' and not illustrative
             and indicator_id in (select p.indicator_id from indicator_publications p
                                  join indicators i on i.id = p.indicator_id and i.library_key is not null));
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    drop policy benchmark on indicator_values;
    drop policy benchmark on indicators;
    drop table indicator_publications;
    drop function benchmarking();
    `,
  );
}
