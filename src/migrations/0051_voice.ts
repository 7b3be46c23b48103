// Children and young people's voice (ADR 0028): consultations anyone can answer through a
// public link (no account, anonymous), their questions and answers (free text held for
// moderation), themes coded from the answers and what the partnership did about each ("you
// said, we did"), and the young people's board's recommendations followed to the main board's
// response, its actions and the report back.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

const tables = [
  'voice_consultations',
  'voice_questions',
  'voice_responses',
  'voice_answers',
  'voice_themes',
  'voice_outcomes',
  'voice_recommendations',
  'voice_recommendation_actions',
];

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table voice_consultations (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text not null check (length(btrim(title)) > 0),
      purpose text not null,
      audience text[] not null check (cardinality(audience) > 0),
      opens_on date not null,
      closes_on date not null,
      status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
      responses_per_device integer not null default 1 check (responses_per_device between 1 and 100),
      response_limit integer check (response_limit > 0),
      areas text[] not null default '{}',
      asks_contact boolean not null default false,
      contact_reason text,
      privacy_notice text not null,
      safeguarding_notice text not null,
      link_token text not null unique,
      summary text,
      results_public boolean not null default false,
      agenda_item_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, slug),
      unique (partnership_id, id),
      check (closes_on >= opens_on),
      check (not asks_contact or length(btrim(coalesce(contact_reason, ''))) > 0),
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete set null (agenda_item_id)
    );
    create table voice_questions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      consultation_id uuid not null,
      position integer not null,
      text text not null check (length(btrim(text)) > 0),
      easy_read text,
      kind text not null check (kind in ('choice', 'choices', 'scale', 'text')),
      choices text[] not null default '{}',
      required boolean not null default false,
      unique (partnership_id, id),
      unique (consultation_id, position),
      foreign key (partnership_id, consultation_id) references voice_consultations (partnership_id, id) on delete cascade
    );
    create table voice_responses (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      consultation_id uuid not null,
      device text not null,
      age_band text,
      area text,
      heard_via text,
      contact text,
      submitted_on date not null default current_date,
      unique (partnership_id, id),
      foreign key (partnership_id, consultation_id) references voice_consultations (partnership_id, id) on delete cascade
    );
    create index voice_responses_device on voice_responses (consultation_id, device);
    create table voice_answers (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      response_id uuid not null,
      question_id uuid not null,
      choices text[] not null default '{}',
      text text,
      moderation text check (moderation in ('pending', 'approved', 'withheld')),
      theme text,
      unique (response_id, question_id),
      check ((text is null) = (moderation is null)),
      foreign key (partnership_id, response_id) references voice_responses (partnership_id, id) on delete cascade,
      foreign key (partnership_id, question_id) references voice_questions (partnership_id, id) on delete cascade
    );
    create index voice_answers_question on voice_answers (question_id);
    create table voice_themes (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      consultation_id uuid not null,
      position integer not null,
      code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text not null check (length(btrim(title)) > 0),
      said text not null check (length(btrim(said)) > 0),
      unique (partnership_id, id),
      unique (consultation_id, code),
      foreign key (partnership_id, consultation_id) references voice_consultations (partnership_id, id) on delete cascade
    );
    create table voice_outcomes (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      theme_id uuid not null,
      kind text not null check (kind in ('decision', 'action', 'priority', 'plan-action', 'not-done')),
      decision_id uuid,
      action_id uuid,
      priority_id uuid,
      plan_action_id uuid,
      note text,
      position integer not null,
      check (
        (kind = 'decision') = (decision_id is not null)
        and (kind = 'action') = (action_id is not null)
        and (kind = 'priority') = (priority_id is not null)
        and (kind = 'plan-action') = (plan_action_id is not null)
        and (kind <> 'not-done' or length(btrim(coalesce(note, ''))) > 0)
      ),
      foreign key (partnership_id, theme_id) references voice_themes (partnership_id, id) on delete cascade,
      foreign key (partnership_id, decision_id) references decisions (partnership_id, id) on delete cascade,
      foreign key (partnership_id, action_id) references actions (partnership_id, id) on delete cascade,
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id) on delete cascade,
      foreign key (partnership_id, plan_action_id) references plan_actions (partnership_id, id) on delete cascade
    );
    create index voice_outcomes_theme on voice_outcomes (theme_id);
    create table voice_recommendations (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      meeting_id uuid not null,
      number integer not null check (number > 0),
      text text not null check (length(btrim(text)) > 0),
      consultation_id uuid,
      response text check (response in ('accepted', 'accepted-in-part', 'not-accepted')),
      reasons text,
      response_meeting_id uuid,
      reported_meeting_id uuid,
      created_at timestamptz not null default now(),
      unique (partnership_id, id),
      unique (meeting_id, number),
      check (response is null or response = 'accepted' or length(btrim(coalesce(reasons, ''))) > 0),
      check (reported_meeting_id is null or response is not null),
      foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
      foreign key (partnership_id, consultation_id) references voice_consultations (partnership_id, id) on delete set null (consultation_id),
      foreign key (partnership_id, response_meeting_id) references meetings (partnership_id, id) on delete set null (response_meeting_id),
      foreign key (partnership_id, reported_meeting_id) references meetings (partnership_id, id) on delete set null (reported_meeting_id)
    );
    create table voice_recommendation_actions (
      partnership_id uuid not null references partnerships (id) on delete cascade,
      recommendation_id uuid not null,
      action_id uuid not null,
      primary key (recommendation_id, action_id),
      foreign key (partnership_id, recommendation_id) references voice_recommendations (partnership_id, id) on delete cascade,
      foreign key (partnership_id, action_id) references actions (partnership_id, id) on delete cascade
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
    [...tables]
      .reverse()
      .map((table) => `drop table ${table};`)
      .join('\n'),
  );
}
