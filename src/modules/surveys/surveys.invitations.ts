// Whom a survey asks: authorities invited in groups (by name or GSS code from the directory,
// or the partnership's statistical neighbours), and response links for named contacts.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { formatDate } from '../../platform/dates.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { digest, newToken } from '../accounts/index.ts';
import { ownSurvey } from './surveys.authoring.ts';
import { surveySlug } from './surveys.slug.ts';
import type { InviteInput } from './surveys.forms.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { surveyLinkMail } from './surveys.mail.ts';
import { invitationsRepository as invitations } from './surveys.invitations.repository.ts';

export function surveysInvitations(
  db: Database<DB>,
  options: { linkDays: number; mail?: MailService | undefined },
) {
  const edit = <T>(caller: Caller, work: (trx: Trx, partnershipId: string) => Promise<T>) =>
    inTenant(db, caller, 'partnership.edit', work);

  return {
    /**
     * Invites authorities into a group (made if new): those named (by name or GSS code) and, if
     * asked, the partnership's statistical neighbours. An unknown authority refuses the lot.
     */
    invite(caller: Caller, slug: string, input: InviteInput): Promise<{ invited: number }> {
      return edit(caller, async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        if (survey.status === 'published')
          throw new RuleViolation([
            { path: 'group', message: 'A published survey cannot invite more authorities' },
          ]);
        const codes: string[] = [];
        const unknown: string[] = [];
        for (const named of input.authorities) {
          const found = await invitations.currentAuthority(trx, named);
          if (found) codes.push(found);
          else unknown.push(named);
        }
        if (unknown.length)
          throw new RuleViolation([
            {
              path: 'authorities',
              message: `There is no current local authority called ${unknown.map((u) => `“${u}”`).join(', ')}: check the name or GSS code in the authorities directory`,
            },
          ]);
        if (input.neighbours) codes.push(...(await invitations.neighbourCodes(trx, partnershipId)));
        if (!codes.length)
          throw new RuleViolation([
            {
              path: 'authorities',
              message: 'Name at least one authority, or choose the statistical neighbours',
            },
          ]);
        const groups = await invitations.groups(trx, survey.id);
        let group = groups.find((g) => g.name.toLowerCase() === input.group.toLowerCase());
        if (!group) {
          let key = surveySlug(input.group);
          for (let n = 2; groups.some((g) => g.key === key); n++) key = `${surveySlug(input.group)}-${n}`;
          group = await invitations.insertGroup(trx, {
            partnership_id: partnershipId,
            survey_id: survey.id,
            key,
            position: groups.length + 1,
            name: input.group,
          });
        }
        const existing = await invitations.invitedAuthorities(trx, survey.id);
        const taken = new Set(existing.map((r) => r.authority_gss_code));
        let position = Math.max(0, ...existing.map((r) => r.position));
        let invited = 0;
        for (const code of [...new Set(codes)]) {
          if (taken.has(code)) continue;
          const label = await invitations.authorityName(trx, code);
          position += 1;
          await invitations.insertRespondent(trx, {
            partnership_id: partnershipId,
            survey_id: survey.id,
            group_id: group.id,
            key: `r${position}-${code.toLowerCase()}`,
            position,
            label,
            authority_gss_code: code,
          });
          invited += 1;
        }
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'survey invitation',
          entityId: survey.id,
          summary: `Invited ${invited} ${invited === 1 ? 'authority' : 'authorities'} to “${survey.title}” (${group.name})`,
        });
        return { invited };
      });
    },

    /**
     * A single-use link for a named contact of an invited authority to answer without an
     * account. The token is returned once and kept only as its digest.
     */
    async createLink(
      caller: Caller,
      slug: string,
      input: { respondentId: string; name: string; email: string },
    ): Promise<{ token: string; expiresAt: Date }> {
      const { mail } = options;
      await mail?.ready();
      const made = await edit(caller, async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        const respondent = await invitations.respondent(trx, survey.id, input.respondentId);
        if (!respondent)
          throw new RuleViolation([
            { path: 'respondentId', message: 'Select an authority invited to this survey' },
          ]);
        if (survey.status === 'published')
          throw new RuleViolation([
            { path: 'respondentId', message: 'The survey is published: no more answers can be given' },
          ]);
        // a link lasts until the survey closes, or its days when the survey has no closing date
        const close = survey.closesOn ? new Date(`${survey.closesOn}T23:59:59.999Z`) : null;
        if (close && close <= new Date())
          throw new RuleViolation([
            {
              path: 'respondentId',
              message: `The survey closed on ${formatDate(survey.closesOn!)}: change its closing date before making a link`,
            },
          ]);
        const token = newToken('svy');
        const expiresAt = close ?? new Date(Date.now() + options.linkDays * 86_400_000);
        const linkId = await invitations.insertLink(trx, {
          partnership_id: partnershipId,
          respondent_id: respondent.id,
          contact_name: input.name,
          contact_email: input.email,
          token_hash: digest(token),
          expires_at: expiresAt,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'survey response link',
          entityId: linkId,
          summary: `Made a response link to “${survey.title}” for ${input.name} (${respondent.label})`,
          after: { name: input.name, email: input.email, expiresAt },
        });
        // the link goes to its contact in this transaction (issue 18)
        if (mail)
          await surveyLinkMail(trx, mail, caller.actor, partnershipId, {
            survey,
            authority: respondent.label,
            name: input.name,
            email: input.email,
            token,
            expiresAt,
          });
        return { token, expiresAt };
      });
      mail?.notify();
      return made;
    },

    /** The links made for a survey's contacts (never the tokens). */
    links(caller: Caller, slug: string) {
      return inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        return invitations.links(trx, survey.id);
      });
    },
  };
}
