// The few writes a membership list makes beyond appointing (membership.list-import.ts): a
// seat's role, voting and category as the list gives them, a membership's organisation, its
// standing substitutes, and a person's job title.
import type { Trx } from '../../schema.ts';
import { inForceOn } from './membership.repository.ts';

export const listRepository = {
  async setSeatTerms(
    trx: Trx,
    seatId: string,
    values: { role: string; voting: boolean; category: string | null },
  ): Promise<void> {
    await trx
      .updateTable('seats')
      .set({ role: values.role, voting: values.voting, category: values.category, updated_at: new Date() })
      .where('id', '=', seatId)
      .execute();
  },
  async setMembershipOrganisation(trx: Trx, membershipId: string, organisationId: string | null) {
    await trx
      .updateTable('memberships')
      .set({ organisation_id: organisationId, updated_at: new Date() })
      .where('id', '=', membershipId)
      .execute();
  },
  /**
   * The standing substitutes a list gives a membership on its date (issue 15: substitutes have
   * dates): those standing then whom the list leaves out end the day before (a period that
   * would start on or after the list's date goes); those it adds stand from `from`.
   */
  async setSubstitutes(
    trx: Trx,
    partnershipId: string,
    membershipId: string,
    personIds: string[],
    on: string,
    from: { date: string | null; precision: string },
  ): Promise<void> {
    const standing = await trx
      .selectFrom('membership_substitutes')
      .select(['id', 'person_id as personId', 'starts_on as startsOn'])
      .where('membership_id', '=', membershipId)
      .where(inForceOn('membership_substitutes', on))
      .execute();
    const dayBefore = new Date(Date.parse(`${on}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    for (const row of standing.filter((candidate) => !personIds.includes(candidate.personId))) {
      if (row.startsOn && row.startsOn > dayBefore)
        await trx.deleteFrom('membership_substitutes').where('id', '=', row.id).execute();
      else
        await trx
          .updateTable('membership_substitutes')
          .set({ ends_on: dayBefore, ends_precision: 'day' })
          .where('id', '=', row.id)
          .execute();
    }
    const added = personIds.filter((id) => !standing.some((row) => row.personId === id));
    if (added.length)
      await trx
        .insertInto('membership_substitutes')
        .values(
          added.map((personId) => ({
            partnership_id: partnershipId,
            membership_id: membershipId,
            person_id: personId,
            starts_on: from.date,
            starts_precision: from.precision,
          })),
        )
        .execute();
  },
  async setJobTitle(trx: Trx, personId: string, jobTitle: string | null): Promise<void> {
    await trx
      .updateTable('people')
      .set({ job_title: jobTitle, updated_at: new Date() })
      .where('id', '=', personId)
      .execute();
  },
};
