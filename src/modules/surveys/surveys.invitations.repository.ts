// The SQL of inviting authorities to a survey: the authorities named, the partnership's
// statistical neighbours, the survey's groups and respondents, and the response links.
import { sql, type Insertable } from 'kysely';
import type { DB, Trx } from '../../schema.ts';

export const invitationsRepository = {
  /** The GSS code of a current authority, named by its code or its name (any case). */
  async currentAuthority(trx: Trx, named: string): Promise<string | undefined> {
    const found = await trx
      .selectFrom('authorities')
      .select('gss_code')
      .where((eb) =>
        eb.or([eb('gss_code', '=', named.toUpperCase()), eb(sql`lower(name)`, '=', named.toLowerCase())]),
      )
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    return found?.gss_code;
  },

  /** Every authority's GSS code (a loaded survey's respondents must name known ones). */
  async authorityCodes(trx: Trx): Promise<string[]> {
    return (await trx.selectFrom('authorities').select('gss_code').execute()).map((a) => a.gss_code);
  },

  async authorityName(trx: Trx, gssCode: string): Promise<string> {
    const row = await trx
      .selectFrom('authorities')
      .select('name')
      .where('gss_code', '=', gssCode)
      .executeTakeFirstOrThrow();
    return row.name;
  },

  /** The statistical neighbours of the partnership's authority, in their order. */
  async neighbourCodes(trx: Trx, partnershipId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('authority_neighbours as n')
      .innerJoin('partnerships as p', 'p.authority_gss_code', 'n.gss_code')
      .select('n.neighbour_gss_code')
      .where('p.id', '=', partnershipId)
      .orderBy('n.rank')
      .execute();
    return rows.map((n) => n.neighbour_gss_code);
  },

  groups: (trx: Trx, surveyId: string) =>
    trx.selectFrom('survey_groups').select(['id', 'key', 'name']).where('survey_id', '=', surveyId).execute(),

  insertGroup: (trx: Trx, group: Insertable<DB['survey_groups']>) =>
    trx.insertInto('survey_groups').values(group).returning(['id', 'key', 'name']).executeTakeFirstOrThrow(),

  /** The survey's respondents that are authorities, with their keys and positions. */
  invitedAuthorities: (trx: Trx, surveyId: string) =>
    trx
      .selectFrom('survey_respondents as r')
      .innerJoin('authorities as a', 'a.gss_code', 'r.authority_gss_code')
      .select(['r.authority_gss_code', 'r.key', 'r.position'])
      .where('r.survey_id', '=', surveyId)
      .execute(),

  async insertRespondent(trx: Trx, respondent: Insertable<DB['survey_respondents']>): Promise<string> {
    const row = await trx
      .insertInto('survey_respondents')
      .values(respondent)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  respondent: (trx: Trx, surveyId: string, id: string) =>
    trx
      .selectFrom('survey_respondents')
      .select(['id', 'label'])
      .where('survey_id', '=', surveyId)
      .where('id', '=', id)
      .executeTakeFirst(),

  async insertLink(trx: Trx, link: Insertable<DB['survey_response_links']>): Promise<string> {
    const row = await trx
      .insertInto('survey_response_links')
      .values(link)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** The links made for a survey's contacts (never the tokens' digests). */
  links: (trx: Trx, surveyId: string) =>
    trx
      .selectFrom('survey_response_links as l')
      .innerJoin('survey_respondents as r', 'r.id', 'l.respondent_id')
      .select([
        'l.id',
        'r.label',
        'l.contact_name as name',
        'l.contact_email as email',
        'l.expires_at as expiresAt',
        'l.submitted_at as submittedAt',
      ])
      .where('r.survey_id', '=', surveyId)
      .orderBy('l.created_at')
      .execute(),
};
