// The SQL of answering a survey: its questions, a respondent's answers, the response links and
// the invited authority's respondent row.
import { sql, type Insertable } from 'kysely';
import type { DB, Trx } from '../../schema.ts';

export interface Question {
  id: string;
  position: number;
  text: string;
  kind: string;
  choices: string[] | null;
}

export interface AnswerValues {
  partnershipId: string;
  respondentId: string;
  questionId: string;
  text: string | null;
  refersTo: string | null;
  asAt: string | null;
}

export const answeringRepository = {
  questions: (trx: Trx, surveyId: string): Promise<Question[]> =>
    trx
      .selectFrom('survey_questions')
      .select(['id', 'position', 'text', 'kind', 'choices'])
      .where('survey_id', '=', surveyId)
      .orderBy('position')
      .execute(),

  answers: (trx: Trx, respondentId: string) =>
    trx
      .selectFrom('survey_answers')
      .select([
        'question_id as questionId',
        'text',
        'no_response as noResponse',
        'refers_to_question_id as refersTo',
        'as_at as asAt',
      ])
      .where('respondent_id', '=', respondentId)
      .execute(),

  /** Writes one answer, or changes it; a changed answer loses the owner's code. */
  async saveAnswer(trx: Trx, answer: AnswerValues): Promise<void> {
    await trx
      .insertInto('survey_answers')
      .values({
        partnership_id: answer.partnershipId,
        respondent_id: answer.respondentId,
        question_id: answer.questionId,
        text: answer.text,
        no_response: answer.text === null,
        refers_to_question_id: answer.refersTo,
        as_at: answer.asAt,
      })
      .onConflict((oc) =>
        oc.columns(['respondent_id', 'question_id']).doUpdateSet({
          text: (eb) => eb.ref('excluded.text'),
          no_response: (eb) => eb.ref('excluded.no_response'),
          refers_to_question_id: (eb) => eb.ref('excluded.refers_to_question_id'),
          as_at: (eb) => eb.ref('excluded.as_at'),
          // a changed answer has to be read and coded again
          code: sql`case when survey_answers.text is not distinct from excluded.text then survey_answers.code end`,
          updated_at: new Date(),
        }),
      )
      .execute();
  },

  /** Writes an answer as a loaded survey gives it. */
  async insertAnswer(trx: Trx, answer: Insertable<DB['survey_answers']>): Promise<string> {
    const row = await trx
      .insertInto('survey_answers')
      .values(answer)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** A response link by its token's digest, with the respondent it is for. */
  linkByDigest: (trx: Trx, tokenHash: string) =>
    trx
      .selectFrom('survey_response_links as l')
      .innerJoin('survey_respondents as r', 'r.id', 'l.respondent_id')
      .select([
        'l.id',
        'l.expires_at as expiresAt',
        'l.submitted_at as submittedAt',
        'l.contact_name as contact',
        'r.id as respondentId',
        'r.label',
        'r.survey_id as surveyId',
      ])
      .where('l.token_hash', '=', tokenHash)
      .executeTakeFirst(),

  /** Spends a response link: its answers have been submitted. */
  async submitLink(trx: Trx, tokenHash: string): Promise<void> {
    await trx
      .updateTable('survey_response_links')
      .set({ submitted_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .execute();
  },

  /** The respondent row of the caller's own authority, when the survey invites it. */
  ownRespondent: (trx: Trx, surveyId: string) =>
    trx
      .selectFrom('survey_respondents')
      .select(['id', 'label'])
      .where('survey_id', '=', surveyId)
      .where('authority_gss_code', '=', sql<string>`current_partnership_authority()`)
      .executeTakeFirst(),
};
