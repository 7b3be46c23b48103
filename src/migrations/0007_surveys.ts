// Cross-authority surveys: a partnership asks other authorities questions, collates the
// answers into a table, codes them and draws findings. Owned by the asking partnership (its
// tenant); respondents are authorities (and, when they are on the system, their partnerships).
// Also: the authorities abolished since that surveys of their time name (Northamptonshire).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    -- Northamptonshire County Council (E10000021) was replaced on 1 April 2021 by North
    -- Northamptonshire (E06000061) and West Northamptonshire (E06000062).
    insert into authorities (gss_code, dfe_code, name, type, region, valid_to, successor_gss_code)
      values ('E10000021', null, 'Northamptonshire', 'county council', 'East Midlands', '2021-03-31', 'E06000061')
      on conflict (gss_code) do nothing;

    create table surveys (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text not null,
      purpose text,
      opens_on date,
      closes_on date,
      status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'published')),
      suppression_threshold integer not null default 5 check (suppression_threshold >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, slug),
      unique (partnership_id, id)
    );
    create table survey_questions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      survey_id uuid not null,
      key text not null,
      position integer not null,
      text text not null,
      kind text not null check (kind in ('text', 'choice', 'number', 'date')),
      codes jsonb,
      foreign key (partnership_id, survey_id) references surveys (partnership_id, id) on delete cascade,
      unique (survey_id, key),
      unique (partnership_id, id)
    );
    create table survey_groups (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      survey_id uuid not null,
      key text not null,
      position integer not null,
      name text not null,
      foreign key (partnership_id, survey_id) references surveys (partnership_id, id) on delete cascade,
      unique (survey_id, key),
      unique (partnership_id, id)
    );
    create table survey_respondents (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      survey_id uuid not null,
      group_id uuid not null,
      key text not null,
      position integer not null,
      label text not null,
      authority_gss_code text not null references authorities (gss_code),
      as_at date,
      as_at_precision text check (as_at_precision in ('day', 'month', 'year')),
      foreign key (partnership_id, survey_id) references surveys (partnership_id, id) on delete cascade,
      foreign key (partnership_id, group_id) references survey_groups (partnership_id, id) on delete cascade,
      unique (survey_id, key),
      unique (survey_id, authority_gss_code),
      unique (partnership_id, id)
    );
    create table survey_answers (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      respondent_id uuid not null,
      question_id uuid not null,
      text text,
      no_response boolean not null default false,
      blank boolean not null default false,
      refers_to_question_id uuid,
      code text,
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, respondent_id) references survey_respondents (partnership_id, id) on delete cascade,
      foreign key (partnership_id, question_id) references survey_questions (partnership_id, id) on delete cascade,
      foreign key (partnership_id, refers_to_question_id) references survey_questions (partnership_id, id),
      unique (respondent_id, question_id),
      unique (partnership_id, id),
      check (no_response or text is not null)
    );
    create table survey_findings (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      survey_id uuid not null,
      number text not null,
      position integer not null,
      text text not null,
      foreign key (partnership_id, survey_id) references surveys (partnership_id, id) on delete cascade,
      unique (survey_id, number),
      unique (partnership_id, id)
    );
    create table survey_finding_evidence (
      partnership_id uuid not null,
      finding_id uuid not null,
      answer_id uuid not null,
      primary key (finding_id, answer_id),
      foreign key (partnership_id, finding_id) references survey_findings (partnership_id, id) on delete cascade,
      foreign key (partnership_id, answer_id) references survey_answers (partnership_id, id) on delete cascade
    );
    `,
  );
  for (const table of [
    'surveys',
    'survey_questions',
    'survey_groups',
    'survey_respondents',
    'survey_answers',
    'survey_findings',
    'survey_finding_evidence',
  ]) {
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table survey_finding_evidence; drop table survey_findings; drop table survey_answers; drop table survey_respondents;
     drop table survey_groups; drop table survey_questions; drop table surveys;
     delete from authorities where gss_code = 'E10000021';`,
  );
}
