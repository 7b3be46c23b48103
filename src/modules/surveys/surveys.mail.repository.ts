// SQL for the survey messages of issue 18: the named contacts of invited authorities that have
// not answered a survey closing soon (in the owner's transaction: its surveys, their links and
// answers).
import type { Trx } from '../../schema.ts';

export interface UnansweredContact {
  surveyId: string;
  title: string;
  closesOn: string;
  authority: string;
  name: string;
  email: string;
  /** When the link was sent. */
  createdAt: Date;
  expiresAt: Date;
}

export const surveysMailRepository = {
  /**
   * Contacts of open surveys closing between the two dates whose link is unused and whose
   * authority has given no answer (by link or through its own partnership).
   */
  unanswered: (trx: Trx, from: string, to: string): Promise<UnansweredContact[]> =>
    trx
      .selectFrom('survey_response_links as l')
      .innerJoin('survey_respondents as r', 'r.id', 'l.respondent_id')
      .innerJoin('surveys as s', 's.id', 'r.survey_id')
      .select([
        's.id as surveyId',
        's.title',
        's.closes_on as closesOn',
        'r.label as authority',
        'l.contact_name as name',
        'l.contact_email as email',
        'l.created_at as createdAt',
        'l.expires_at as expiresAt',
      ])
      .where('s.status', '=', 'open')
      .where('s.closes_on', '>=', from)
      .where('s.closes_on', '<=', to)
      .where('l.submitted_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('survey_answers as a')
              .select('a.id')
              .whereRef('a.respondent_id', '=', 'r.id')
              .where('a.blank', '=', false),
          ),
        ),
      )
      .orderBy('l.created_at')
      .execute() as Promise<UnansweredContact[]>,

  /** The slug and name of the partnership that owns a survey, for its messages. */
  owner: (trx: Trx, partnershipId: string): Promise<{ slug: string; name: string }> =>
    trx
      .selectFrom('partnerships')
      .select(['slug', 'name'])
      .where('id', '=', partnershipId)
      .executeTakeFirstOrThrow(),
};
