// Surveys made and answered in the product, and read across partnerships by design (ADR 0009).
// - Questions gain choices (for choice questions) and an "about children" flag (for counts that
//   small-number suppression protects).
// - An invited authority's partnership reads, through row-level security, the surveys that
//   invite its authority (once open), its own respondent rows and answers, and every respondent
//   and answer of a survey its owner has published; it writes its own answers while the survey
//   is open. Findings, codes' evidence and response links stay with the owner.
// - `surveys.audience` (the invited authorities, kept by a trigger) lets the surveys policy
//   avoid reading survey_respondents, so no policy reads a table whose policy reads it back.
// - Response links: a named contact answers without an account through a random token stored
//   only as its SHA-256 digest.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create function current_partnership_authority() returns text language sql stable
      as $$ select authority_gss_code from partnerships where id = current_partnership_id() $$;
    grant execute on function current_partnership_authority() to cooperate_app;

    alter table survey_questions add column choices jsonb;
    alter table survey_questions add column about_children boolean not null default false;
    -- "correct as at", answer by answer, when the respondent gives it
    alter table survey_answers add column as_at date;

    alter table surveys add column audience text[] not null default '{}';
    update surveys s set audience = coalesce(
      (select array_agg(distinct r.authority_gss_code) from survey_respondents r where r.survey_id = s.id), '{}');
    create function survey_audience_refresh() returns trigger language plpgsql as $$
    declare target uuid := coalesce(new.survey_id, old.survey_id);
    begin
      update surveys set audience = coalesce(
        (select array_agg(distinct r.authority_gss_code) from survey_respondents r where r.survey_id = target), '{}')
        where id = target;
      return null;
    end $$;
    create trigger survey_audience after insert or update or delete on survey_respondents
      for each row execute function survey_audience_refresh();

    create policy respondent on surveys for select
      using (status <> 'draft' and current_partnership_authority() = any (audience));
    create policy respondent on survey_questions for select
      using (survey_id in (select id from surveys));
    create policy respondent on survey_groups for select
      using (survey_id in (select id from surveys));
    create policy respondent on survey_respondents for select
      using (survey_id in (select id from surveys)
             and (authority_gss_code = current_partnership_authority()
                  or survey_id in (select id from surveys where status = 'published')));
    create policy respondent on survey_answers for select
      using (respondent_id in (select id from survey_respondents));
    create policy respondent_insert on survey_answers for insert
      with check (respondent_id in (
        select r.id from survey_respondents r join surveys s on s.id = r.survey_id
        where r.authority_gss_code = current_partnership_authority() and s.status = 'open'));
    create policy respondent_update on survey_answers for update
      using (respondent_id in (
        select r.id from survey_respondents r join surveys s on s.id = r.survey_id
        where r.authority_gss_code = current_partnership_authority() and s.status = 'open'))
      with check (respondent_id in (
        select r.id from survey_respondents r join surveys s on s.id = r.survey_id
        where r.authority_gss_code = current_partnership_authority() and s.status = 'open'));

    create table survey_response_links (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      respondent_id uuid not null,
      contact_name text not null,
      contact_email text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      submitted_at timestamptz,
      foreign key (partnership_id, respondent_id) references survey_respondents (partnership_id, id) on delete cascade
    );
    create index survey_response_links_respondent on survey_response_links (respondent_id);
    `,
  );
  await tenantTable(db, 'survey_response_links', ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    drop table survey_response_links;
    drop policy respondent_update on survey_answers;
    drop policy respondent_insert on survey_answers;
    drop policy respondent on survey_answers;
    drop policy respondent on survey_respondents;
    drop policy respondent on survey_groups;
    drop policy respondent on survey_questions;
    drop policy respondent on surveys;
    drop trigger survey_audience on survey_respondents;
    drop function survey_audience_refresh();
    alter table surveys drop column audience;
    alter table survey_answers drop column as_at;
    alter table survey_questions drop column about_children;
    alter table survey_questions drop column choices;
    drop function current_partnership_authority();
    `,
  );
}
