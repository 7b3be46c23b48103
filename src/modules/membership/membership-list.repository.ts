// The few writes a membership list makes beyond appointing (membership.list-import.ts): a
// seat's role, voting and category as the list gives them, a membership's organisation, its
// standing substitutes, and a person's job title.
import type { Trx } from '../../schema.ts';

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
  async setSubstitutes(trx: Trx, partnershipId: string, membershipId: string, personIds: string[]) {
    await trx.deleteFrom('membership_substitutes').where('membership_id', '=', membershipId).execute();
    if (personIds.length)
      await trx
        .insertInto('membership_substitutes')
        .values(
          personIds.map((personId) => ({
            partnership_id: partnershipId,
            membership_id: membershipId,
            person_id: personId,
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
