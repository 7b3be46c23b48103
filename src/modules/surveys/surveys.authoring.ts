// Making a survey: its details, its questions, the authorities invited in groups (from the
// directory or the partnership's statistical neighbours), its course (draft, open, closed,
// published) and the response links sent to named contacts.
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { digest, newToken } from '../accounts/index.ts';
import { surveysRepository as repository } from './surveys.repository.ts';
import { surveySlug } from './surveys.slug.ts';
import type { InviteInput, QuestionInput, SurveyDetails } from './surveys.forms.ts';

export const statusLabels = {
  draft: 'Draft',
  open: 'Open for answers',
  closed: 'Closed',
  published: 'Published',
} as const;
export type SurveyStatus = keyof typeof statusLabels;
const nextStatuses: Record<string, SurveyStatus[]> = {
  draft: ['open'],
  open: ['closed', 'published'],
  closed: ['open', 'published'],
  published: [],
};

async function ownSurvey(trx: Trx, partnershipId: string, slug: string) {
  const survey = await repository.bySlug(trx, partnershipId, slug);
  if (!survey) throw notFound();
  return survey;
}

function checkDates(details: { opensOn?: string | undefined; closesOn?: string | undefined }) {
  if (details.opensOn && details.closesOn && details.closesOn < details.opensOn)
    throw new RuleViolation([
      { path: 'closesOn.day', message: 'The closing date must be on or after the opening date' },
    ]);
}

export function surveysAuthoring(db: Database<DB>, options: { linkDays: number }) {
  const edit = <T>(caller: Caller, work: (trx: Trx, partnershipId: string) => Promise<T>) =>
    inTenant(db, caller, 'partnership.edit', work);

  return {
    /** A new draft survey; its slug comes from its title. */
    create(caller: Caller, details: SurveyDetails): Promise<{ slug: string }> {
      checkDates(details);
      return edit(caller, async (trx, partnershipId) => {
        const base = surveySlug(details.title);
        let slug = base;
        for (let n = 2; await repository.bySlug(trx, partnershipId, slug); n++) slug = `${base}-${n}`;
        const row = await trx
          .insertInto('surveys')
          .values({
            partnership_id: partnershipId,
            slug,
            title: details.title,
            purpose: details.purpose ?? null,
            opens_on: details.opensOn ?? null,
            closes_on: details.closesOn ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'survey',
          entityId: row.id,
          summary: `Created the survey “${details.title}”`,
          after: details,
        });
        return { slug };
      });
    },

    update(caller: Caller, slug: string, details: SurveyDetails): Promise<void> {
      checkDates(details);
      return edit(caller, async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        await trx
          .updateTable('surveys')
          .set({
            title: details.title,
            purpose: details.purpose ?? null,
            opens_on: details.opensOn ?? null,
            closes_on: details.closesOn ?? null,
            updated_at: new Date(),
          })
          .where('id', '=', survey.id)
          .execute();
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'survey',
          entityId: survey.id,
          summary: `Changed the details of the survey “${details.title}”`,
          before: {
            title: survey.title,
            purpose: survey.purpose,
            opensOn: survey.opensOn,
            closesOn: survey.closesOn,
          },
          after: details,
        });
      });
    },

    /** Adds a question (no `questionId`) or changes one; questions are fixed once answers come in. */
    saveQuestion(
      caller: Caller,
      slug: string,
      questionId: string | null,
      input: QuestionInput,
    ): Promise<void> {
      return edit(caller, async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        if (survey.status !== 'draft')
          throw new RuleViolation([
            { path: 'text', message: 'Questions can only be added or changed while the survey is a draft' },
          ]);
        const values = {
          text: input.text,
          kind: input.kind,
          choices: input.kind === 'choice' ? JSON.stringify(input.choices) : null,
          about_children: input.kind === 'number' && input.aboutChildren,
          codes: input.codes.length ? JSON.stringify(input.codes) : null,
        };
        let id = questionId;
        if (id) {
          const changed = await trx
            .updateTable('survey_questions')
            .set(values)
            .where('id', '=', id)
            .where('survey_id', '=', survey.id)
            .executeTakeFirst();
          if (!Number(changed.numUpdatedRows)) throw notFound();
        } else {
          const { n } = await trx
            .selectFrom('survey_questions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('survey_id', '=', survey.id)
            .executeTakeFirstOrThrow();
          const position = Number(n) + 1;
          let key = `q${position}`;
          for (
            let k = position + 1;
            await trx
              .selectFrom('survey_questions')
              .select('id')
              .where('survey_id', '=', survey.id)
              .where('key', '=', key)
              .executeTakeFirst();
            k++
          )
            key = `q${k}`;
          id = (
            await trx
              .insertInto('survey_questions')
              .values({ ...values, partnership_id: partnershipId, survey_id: survey.id, key, position })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        }
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: questionId ? 'update' : 'create',
          entityType: 'survey question',
          entityId: id,
          summary: `${questionId ? 'Changed' : 'Added'} a question of “${survey.title}”: ${input.text}`,
          after: input,
        });
      });
    },

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
          const found = await trx
            .selectFrom('authorities')
            .select('gss_code')
            .where((eb) =>
              eb.or([
                eb('gss_code', '=', named.toUpperCase()),
                eb(sql`lower(name)`, '=', named.toLowerCase()),
              ]),
            )
            .where('valid_to', 'is', null)
            .executeTakeFirst();
          if (found) codes.push(found.gss_code);
          else unknown.push(named);
        }
        if (unknown.length)
          throw new RuleViolation([
            {
              path: 'authorities',
              message: `There is no current local authority called ${unknown.map((u) => `“${u}”`).join(', ')}: check the name or GSS code in the authorities directory`,
            },
          ]);
        if (input.neighbours) {
          const neighbours = await trx
            .selectFrom('authority_neighbours as n')
            .innerJoin('partnerships as p', 'p.authority_gss_code', 'n.gss_code')
            .select('n.neighbour_gss_code')
            .where('p.id', '=', partnershipId)
            .orderBy('n.rank')
            .execute();
          codes.push(...neighbours.map((n) => n.neighbour_gss_code));
        }
        if (!codes.length)
          throw new RuleViolation([
            {
              path: 'authorities',
              message: 'Name at least one authority, or choose the statistical neighbours',
            },
          ]);
        const groups = await trx
          .selectFrom('survey_groups')
          .select(['id', 'key', 'name'])
          .where('survey_id', '=', survey.id)
          .execute();
        let group = groups.find((g) => g.name.toLowerCase() === input.group.toLowerCase());
        if (!group) {
          let key = surveySlug(input.group);
          for (let n = 2; groups.some((g) => g.key === key); n++) key = `${surveySlug(input.group)}-${n}`;
          group = await trx
            .insertInto('survey_groups')
            .values({
              partnership_id: partnershipId,
              survey_id: survey.id,
              key,
              position: groups.length + 1,
              name: input.group,
            })
            .returning(['id', 'key', 'name'])
            .executeTakeFirstOrThrow();
        }
        const existing = await trx
          .selectFrom('survey_respondents as r')
          .innerJoin('authorities as a', 'a.gss_code', 'r.authority_gss_code')
          .select(['r.authority_gss_code', 'r.key', 'r.position'])
          .where('r.survey_id', '=', survey.id)
          .execute();
        const taken = new Set(existing.map((r) => r.authority_gss_code));
        let position = Math.max(0, ...existing.map((r) => r.position));
        let invited = 0;
        for (const code of [...new Set(codes)]) {
          if (taken.has(code)) continue;
          const authority = await trx
            .selectFrom('authorities')
            .select('name')
            .where('gss_code', '=', code)
            .executeTakeFirstOrThrow();
          position += 1;
          await trx
            .insertInto('survey_respondents')
            .values({
              partnership_id: partnershipId,
              survey_id: survey.id,
              group_id: group.id,
              key: `r${position}-${code.toLowerCase()}`,
              position,
              label: authority.name,
              authority_gss_code: code,
            })
            .execute();
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

    /** Opens, closes or publishes a survey. Opening needs questions and invited authorities. */
    setStatus(caller: Caller, slug: string, status: SurveyStatus): Promise<void> {
      return edit(caller, async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        if (!nextStatuses[survey.status]?.includes(status))
          throw new RuleViolation([
            {
              path: 'status',
              message: `A survey that is ${statusLabels[survey.status as SurveyStatus].toLowerCase()} cannot become ${statusLabels[status].toLowerCase()}`,
            },
          ]);
        if (status === 'open') {
          const parts = await repository.parts(trx, survey.id);
          if (!parts.questions.length || !parts.respondents.length)
            throw new RuleViolation([
              {
                path: 'status',
                message:
                  'Add at least one question and invite at least one authority before opening the survey',
              },
            ]);
        }
        await trx
          .updateTable('surveys')
          .set({ status, updated_at: new Date() })
          .where('id', '=', survey.id)
          .execute();
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'survey',
          entityId: survey.id,
          summary: `“${survey.title}”: ${statusLabels[status].toLowerCase()}`,
          before: { status: survey.status },
          after: { status },
        });
      });
    },

    /**
     * A single-use link for a named contact of an invited authority to answer without an
     * account. The token is returned once and kept only as its digest.
     */
    createLink(
      caller: Caller,
      slug: string,
      input: { respondentId: string; name: string; email: string },
    ): Promise<{ token: string; expiresAt: Date }> {
      return edit(caller, async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        const respondent = await trx
          .selectFrom('survey_respondents')
          .select(['id', 'label'])
          .where('survey_id', '=', survey.id)
          .where('id', '=', input.respondentId)
          .executeTakeFirst();
        if (!respondent)
          throw new RuleViolation([
            { path: 'respondentId', message: 'Choose an authority invited to this survey' },
          ]);
        if (survey.status === 'published')
          throw new RuleViolation([
            { path: 'respondentId', message: 'The survey is published: no more answers can be given' },
          ]);
        const token = newToken('svy');
        const days = new Date(Date.now() + options.linkDays * 86_400_000);
        const close = survey.closesOn ? new Date(`${survey.closesOn}T23:59:59.999Z`) : null;
        const expiresAt = close && close < days ? close : days;
        const row = await trx
          .insertInto('survey_response_links')
          .values({
            partnership_id: partnershipId,
            respondent_id: respondent.id,
            contact_name: input.name,
            contact_email: input.email,
            token_hash: digest(token),
            expires_at: expiresAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'survey response link',
          entityId: row.id,
          summary: `Made a response link to “${survey.title}” for ${input.name} (${respondent.label})`,
          after: { name: input.name, email: input.email, expiresAt },
        });
        return { token, expiresAt };
      });
    },

    /** The links made for a survey's contacts (never the tokens). */
    links(caller: Caller, slug: string) {
      return inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        const survey = await ownSurvey(trx, partnershipId, slug);
        return trx
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
          .where('r.survey_id', '=', survey.id)
          .orderBy('l.created_at')
          .execute();
      });
    },
  };
}
