// The SQL of writing a survey: the survey itself, its status and its questions (the authoring
// forms, and a survey loaded from its data file).
import type { Insertable } from 'kysely';
import type { DB, Trx } from '../../schema.ts';
import { countRows } from '../../platform/db/count-rows.ts';

export interface SurveyDetailsRow {
  title: string;
  purpose: string | null;
  opensOn: string | null;
  closesOn: string | null;
}

export const authoringRepository = {
  async insertSurvey(trx: Trx, survey: Insertable<DB['surveys']>): Promise<string> {
    const row = await trx.insertInto('surveys').values(survey).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async updateDetails(trx: Trx, id: string, details: SurveyDetailsRow): Promise<void> {
    await trx
      .updateTable('surveys')
      .set({
        title: details.title,
        purpose: details.purpose,
        opens_on: details.opensOn,
        closes_on: details.closesOn,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  async setStatus(trx: Trx, id: string, status: string): Promise<void> {
    await trx.updateTable('surveys').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
  },

  /** Changes a question of the survey; false when the survey has no such question. */
  async updateQuestion(
    trx: Trx,
    surveyId: string,
    id: string,
    values: Pick<
      Insertable<DB['survey_questions']>,
      'text' | 'kind' | 'choices' | 'about_children' | 'codes'
    >,
  ): Promise<boolean> {
    const changed = await trx
      .updateTable('survey_questions')
      .set(values)
      .where('id', '=', id)
      .where('survey_id', '=', surveyId)
      .executeTakeFirst();
    return Number(changed.numUpdatedRows) > 0;
  },

  questionCount: (trx: Trx, surveyId: string): Promise<number> =>
    countRows(trx.selectFrom('survey_questions').where('survey_id', '=', surveyId)),

  async questionKeyTaken(trx: Trx, surveyId: string, key: string): Promise<boolean> {
    const found = await trx
      .selectFrom('survey_questions')
      .select('id')
      .where('survey_id', '=', surveyId)
      .where('key', '=', key)
      .executeTakeFirst();
    return Boolean(found);
  },

  async insertQuestion(trx: Trx, question: Insertable<DB['survey_questions']>): Promise<string> {
    const row = await trx
      .insertInto('survey_questions')
      .values(question)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};
