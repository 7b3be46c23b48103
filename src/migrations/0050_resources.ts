// Resources (issue 21): a partnership's pooled and aligned funds, with their agreement and the
// plan priorities they serve; each financial year's contributions by partner (cash or in kind;
// planned, agreed, received) and spending (planned, committed, actual) by priority, action or
// commissioned service; partners' pledges; commissioned services; and the plan's financial
// principles. Money is held as integer pence (bigint), never as a fraction (ADR 0027).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

const tables = [
  'funds',
  'fund_priorities',
  'fund_decisions',
  'commissioned_services',
  'commissioned_service_priorities',
  'fund_contributions',
  'fund_spending',
  'pledges',
  'plan_financial_principles',
];

const pence = (column: string, nullable = true) =>
  `${column} bigint${nullable ? '' : ' not null'} check (${column} >= 0 and ${column} <= 100000000000000)`;

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table funds (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null,
      kind text not null check (kind in ('pooled-s10', 'pooled-s75', 'pooled', 'aligned', 'grant')),
      host_organisation_id uuid,
      purpose text,
      agreement_document text,
      agreement_starts_on date,
      agreement_ends_on date,
      review_on date,
      source text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (agreement_ends_on is null or agreement_starts_on is null or agreement_ends_on >= agreement_starts_on),
      foreign key (partnership_id, host_organisation_id) references organisations (partnership_id, id)
        on delete set null (host_organisation_id),
      unique (partnership_id, slug),
      unique (partnership_id, id)
    );
    create table fund_priorities (
      partnership_id uuid not null,
      fund_id uuid not null,
      priority_id uuid not null,
      primary key (fund_id, priority_id),
      foreign key (partnership_id, fund_id) references funds (partnership_id, id) on delete cascade,
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id) on delete cascade
    );
    create table fund_decisions (
      partnership_id uuid not null,
      fund_id uuid not null,
      decision_id uuid not null,
      primary key (fund_id, decision_id),
      foreign key (partnership_id, fund_id) references funds (partnership_id, id) on delete cascade,
      foreign key (partnership_id, decision_id) references decisions (partnership_id, id) on delete cascade
    );
    create table commissioned_services (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      name text not null,
      provider text not null,
      provider_organisation_id uuid,
      ${pence('annual_value_pence')},
      starts_on date,
      ends_on date,
      fund_id uuid,
      status text not null check (status in ('proposed', 'procuring', 'active', 'ended', 'decommissioned')),
      created_at timestamptz not null default now(),
      check (ends_on is null or starts_on is null or ends_on >= starts_on),
      foreign key (partnership_id) references partnerships (id) on delete cascade,
      foreign key (partnership_id, fund_id) references funds (partnership_id, id) on delete set null (fund_id),
      foreign key (partnership_id, provider_organisation_id) references organisations (partnership_id, id)
        on delete set null (provider_organisation_id),
      unique (partnership_id, id)
    );
    create table commissioned_service_priorities (
      partnership_id uuid not null,
      service_id uuid not null,
      priority_id uuid not null,
      primary key (service_id, priority_id),
      foreign key (partnership_id, service_id) references commissioned_services (partnership_id, id) on delete cascade,
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id) on delete cascade
    );
    create table fund_contributions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      fund_id uuid not null,
      organisation_id uuid not null,
      year integer not null check (year between 1990 and 2100),
      form text not null check (form in ('cash', 'staff time', 'premises', 'services', 'other in kind')),
      description text,
      ${pence('planned_pence')},
      ${pence('agreed_pence')},
      ${pence('received_pence')},
      created_at timestamptz not null default now(),
      check (planned_pence is not null or agreed_pence is not null or received_pence is not null),
      foreign key (partnership_id, fund_id) references funds (partnership_id, id) on delete cascade,
      foreign key (partnership_id, organisation_id) references organisations (partnership_id, id)
    );
    create index fund_contributions_by_fund on fund_contributions (fund_id, year);
    create table fund_spending (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      fund_id uuid not null,
      year integer not null check (year between 1990 and 2100),
      priority_id uuid not null,
      action_id uuid,
      service_id uuid,
      description text,
      ${pence('planned_pence')},
      ${pence('committed_pence')},
      ${pence('actual_pence')},
      decision_id uuid,
      created_at timestamptz not null default now(),
      check (planned_pence is not null or committed_pence is not null or actual_pence is not null),
      check (action_id is null or service_id is null),
      foreign key (partnership_id, fund_id) references funds (partnership_id, id) on delete cascade,
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id),
      foreign key (partnership_id, action_id) references plan_actions (partnership_id, id),
      foreign key (partnership_id, service_id) references commissioned_services (partnership_id, id),
      foreign key (partnership_id, decision_id) references decisions (partnership_id, id) on delete set null (decision_id)
    );
    create index fund_spending_by_fund on fund_spending (fund_id, year);
    create index fund_spending_by_priority on fund_spending (priority_id, year);
    create table pledges (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      organisation_id uuid not null,
      priority_id uuid not null,
      action_id uuid,
      resource text not null check (resource in ('money', 'people', 'premises', 'services')),
      description text not null,
      ${pence('amount_pence')},
      from_year integer not null check (from_year between 1990 and 2100),
      to_year integer not null check (to_year >= from_year and to_year <= 2100),
      status text not null check (status in ('proposed', 'agreed', 'delivered', 'withdrawn')),
      pledged_on date not null,
      due_on date,
      agreed_by text,
      decision_id uuid,
      created_at timestamptz not null default now(),
      foreign key (partnership_id) references partnerships (id) on delete cascade,
      foreign key (partnership_id, organisation_id) references organisations (partnership_id, id),
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id),
      foreign key (partnership_id, action_id) references plan_actions (partnership_id, id),
      foreign key (partnership_id, decision_id) references decisions (partnership_id, id) on delete set null (decision_id)
    );
    create index pledges_by_priority on pledges (priority_id);
    create table plan_financial_principles (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      plan_id uuid not null,
      position integer not null check (position >= 1),
      text text not null,
      source text,
      foreign key (partnership_id, plan_id) references plans (partnership_id, id) on delete cascade,
      unique (plan_id, position)
    );
    `,
  );
  for (const table of tables) {
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
    await versionedTable(db, table);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    tables
      .toReversed()
      .map((table) => `drop table ${table};`)
      .join('\n'),
  );
}
