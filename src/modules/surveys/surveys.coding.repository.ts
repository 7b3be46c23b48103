// The SQL of the owner's reading of the answers: codes on answers, and findings with the
// answers they cite.
import type { Insertable } from 'kysely';
import type { DB, Trx } from '../../schema.ts';

export const codingRepository = {
  /** An answer to one of the partnership's own survey's questions, with its question's codes. */
  answerToCode: (trx: Trx, partnershipId: string, surveyId: string, answerId: string) =>
    trx
      .selectFrom('survey_answers as x')
      .innerJoin('survey_questions as q', 'q.id', 'x.question_id')
      .innerJoin('survey_respondents as r', 'r.id', 'x.respondent_id')
      .select(['x.id', 'x.code', 'x.no_response as noResponse', 'q.codes', 'q.position', 'r.label'])
      .where('x.id', '=', answerId)
      .where('q.survey_id', '=', surveyId)
      .where('x.partnership_id', '=', partnershipId)
      .executeTakeFirst(),

  async setCode(trx: Trx, answerId: string, code: string | null): Promise<void> {
    await trx.updateTable('survey_answers').set({ code }).where('id', '=', answerId).execute();
  },

  /** Which of these answers were given (not "no response") to the partnership's own survey. */
  citable: (trx: Trx, partnershipId: string, surveyId: string, answerIds: string[]) =>
    trx
      .selectFrom('survey_answers as x')
      .innerJoin('survey_respondents as r', 'r.id', 'x.respondent_id')
      .select('x.id')
      .where('r.survey_id', '=', surveyId)
      .where('x.partnership_id', '=', partnershipId)
      .where('x.no_response', '=', false)
      .where('x.id', 'in', answerIds)
      .execute(),

  findings: (trx: Trx, surveyId: string) =>
    trx
      .selectFrom('survey_findings')
      .select(['number', 'position'])
      .where('survey_id', '=', surveyId)
      .execute(),

  async insertFinding(trx: Trx, finding: Insertable<DB['survey_findings']>): Promise<string> {
    const row = await trx
      .insertInto('survey_findings')
      .values(finding)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertEvidence(trx: Trx, evidence: Insertable<DB['survey_finding_evidence']>[]): Promise<void> {
    await trx.insertInto('survey_finding_evidence').values(evidence).execute();
  },
};
