// Indicators: the library (reference data with no tenant, read-only to the application,
// loaded here from data/reference: the 2008 National Indicator Set's children's indicators and
// the DfE LAIT measures), and each partnership's own indicators (adopted from the library or
// local), with targets and tolerance, values with breakdowns, and comparators per period.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { readIndicatorLibrary } from '../modules/indicators/index.ts';
import { tenantTable } from './tenancy.ts';

const units = `'percentage', 'percentage points', 'rate', 'number', 'score', 'money'`;
const polarities = `'higher', 'lower', 'none'`;
const frequencies = `'financial year', 'academic year', 'calendar year', 'quarter', 'month'`;
const outcomes = `'BH', 'SS', 'EA', 'PC', 'EW'`;

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table indicator_library (
      key text primary key,
      set text not null check (set in ('nis2008', 'lait')),
      code text not null unique,
      title text not null,
      definition text not null,
      unit text not null check (unit in (${units})),
      unit_label text not null,
      polarity text not null check (polarity in (${polarities})),
      frequency text not null check (frequency in (${frequencies})),
      source text not null,
      outcome text check (outcome in (${outcomes})),
      topic text
    );
    grant select on indicator_library to cooperate_app;

    create table indicators (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      code text not null check (length(code) between 1 and 40),
      title text not null,
      definition text not null,
      unit text not null check (unit in (${units})),
      unit_label text not null,
      polarity text not null check (polarity in (${polarities})),
      frequency text not null check (frequency in (${frequencies})),
      source text not null,
      outcome text check (outcome in (${outcomes})),
      library_key text references indicator_library (key),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, code),
      unique (partnership_id, library_key),
      unique (partnership_id, id)
    );

    create table indicator_targets (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      indicator_id uuid not null,
      period text not null,
      period_start date not null,
      target double precision not null,
      tolerance_kind text not null check (tolerance_kind in ('absolute', 'relative')),
      tolerance double precision not null check (tolerance >= 0),
      source text,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, indicator_id) references indicators (partnership_id, id) on delete cascade,
      unique (indicator_id, period)
    );

    create table indicator_values (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      indicator_id uuid not null,
      period text not null,
      period_start date not null,
      breakdown_kind text not null default 'all' check (breakdown_kind in ('all', 'group', 'area')),
      breakdown text not null default '',
      value double precision not null,
      illustrative boolean not null default false,
      note text,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, indicator_id) references indicators (partnership_id, id) on delete cascade,
      check ((breakdown_kind = 'all') = (breakdown = '')),
      unique (indicator_id, period, breakdown_kind, breakdown)
    );
    create index indicator_values_by_period on indicator_values (indicator_id, period_start);

    create table indicator_comparators (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      indicator_id uuid not null,
      period text not null,
      period_start date not null,
      comparator text not null check (comparator in ('england', 'statistical neighbours', 'region')),
      value double precision not null,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, indicator_id) references indicators (partnership_id, id) on delete cascade,
      unique (indicator_id, period, comparator)
    );
    `,
  );
  await tenantTable(db, 'indicators', ['select', 'insert', 'update', 'delete']);
  await tenantTable(db, 'indicator_targets', ['select', 'insert', 'update', 'delete']);
  await tenantTable(db, 'indicator_values', ['select', 'insert', 'update', 'delete']);
  await tenantTable(db, 'indicator_comparators', ['select', 'insert', 'update', 'delete']);
  const library = await readIndicatorLibrary();
  await db
    .insertInto('indicator_library')
    .values(
      library.map((entry) => ({
        key: entry.key,
        set: entry.set,
        code: entry.code,
        title: entry.title,
        definition: entry.definition,
        unit: entry.unit,
        unit_label: entry.unitLabel,
        polarity: entry.polarity,
        frequency: entry.frequency,
        source: entry.source,
        outcome: entry.outcome,
        topic: entry.topic,
      })),
    )
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table indicator_comparators; drop table indicator_values; drop table indicator_targets;
     drop table indicators; drop table indicator_library;`,
  );
}
