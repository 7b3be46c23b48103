import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';

export interface SurveyRow {
  id: string;
  slug: string;
  title: string;
  purpose: string | null;
  opensOn: string | null;
  closesOn: string | null;
  status: string;
  suppressionThreshold: number;
}

const surveyColumns = [
  'id',
  'slug',
  'title',
  'purpose',
  'opens_on as opensOn',
  'closes_on as closesOn',
  'status',
  'suppression_threshold as suppressionThreshold',
] as const;

export const surveysRepository = {
  /** The partnership's own surveys (row-level security also shows those it is invited to). */
  list: (trx: Trx, partnershipId: string): Promise<SurveyRow[]> =>
    trx
      .selectFrom('surveys')
      .select(surveyColumns)
      .where('partnership_id', '=', partnershipId)
      .orderBy('created_at', 'desc')
      .execute(),
  bySlug: (trx: Trx, partnershipId: string, slug: string): Promise<SurveyRow | undefined> =>
    trx
      .selectFrom('surveys')
      .select(surveyColumns)
      .where('partnership_id', '=', partnershipId)
      .where('slug', '=', slug)
      .executeTakeFirst(),
  /** Any survey the tenant may see, its own or one it is invited to, with its owner. */
  byId: (trx: Trx, id: string) =>
    trx
      .selectFrom('surveys as s')
      .innerJoin('partnerships as p', 'p.id', 's.partnership_id')
      .select([
        ...surveyColumns.map((c) => `s.${c}` as const),
        's.partnership_id as ownerId',
        'p.name as ownerName',
      ])
      .where('s.id', '=', id)
      .executeTakeFirst(),
  /**
   * Surveys that invite the tenant's authority and are no longer drafts: other partnerships'
   * (which row-level security lets through) and its own, when it asks itself too.
   */
  invited: (trx: Trx) =>
    trx
      .selectFrom('surveys as s')
      .innerJoin('partnerships as p', 'p.id', 's.partnership_id')
      .select([...surveyColumns.map((c) => `s.${c}` as const), 'p.name as ownerName'])
      .where('s.status', '<>', 'draft')
      .where(sql<boolean>`current_partnership_authority() = any (s.audience)`)
      .orderBy('s.created_at', 'desc')
      .execute(),

  /** Everything of one survey, each part in its order. */
  async parts(trx: Trx, surveyId: string) {
    const [questions, groups, respondents, answers, findings, evidence] = await Promise.all([
      trx
        .selectFrom('survey_questions')
        .select([
          'id',
          'key',
          'position',
          'text',
          'kind',
          'codes',
          'choices',
          'about_children as aboutChildren',
        ])
        .where('survey_id', '=', surveyId)
        .orderBy('position')
        .execute(),
      trx
        .selectFrom('survey_groups')
        .select(['id', 'key', 'position', 'name'])
        .where('survey_id', '=', surveyId)
        .orderBy('position')
        .execute(),
      trx
        .selectFrom('survey_respondents as r')
        .innerJoin('authorities as a', 'a.gss_code', 'r.authority_gss_code')
        .select([
          'r.id',
          'r.key',
          'r.group_id as groupId',
          'r.position',
          'r.label',
          'r.authority_gss_code as gssCode',
          'a.name as authorityName',
          'r.as_at as asAt',
          'r.as_at_precision as asAtPrecision',
        ])
        .where('r.survey_id', '=', surveyId)
        .orderBy('r.position')
        .execute(),
      trx
        .selectFrom('survey_answers as x')
        .innerJoin('survey_respondents as r', 'r.id', 'x.respondent_id')
        .select([
          'x.id',
          'x.respondent_id as respondentId',
          'x.question_id as questionId',
          'x.text',
          'x.no_response as noResponse',
          'x.blank',
          'x.refers_to_question_id as refersToQuestionId',
          'x.code',
          'x.as_at as asAt',
        ])
        .where('r.survey_id', '=', surveyId)
        .execute(),
      trx
        .selectFrom('survey_findings')
        .select(['id', 'number', 'position', 'text'])
        .where('survey_id', '=', surveyId)
        .orderBy('position')
        .execute(),
      trx
        .selectFrom('survey_finding_evidence as e')
        .innerJoin('survey_findings as f', 'f.id', 'e.finding_id')
        .select(['e.finding_id as findingId', 'e.answer_id as answerId'])
        .where('f.survey_id', '=', surveyId)
        .execute(),
    ]);
    return { questions, groups, respondents, answers, findings, evidence };
  },

  /** The partnership's own name, for listings. */
  async partnershipName(trx: Trx, partnershipId: string): Promise<string | undefined> {
    return (
      await trx.selectFrom('partnerships').select('name').where('id', '=', partnershipId).executeTakeFirst()
    )?.name;
  },
};
