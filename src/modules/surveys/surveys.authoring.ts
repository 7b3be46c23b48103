// Making a survey: its details, its questions and its course (draft, open, closed, published).
// Whom it invites is in surveys.invitations.ts.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { surveysRepository as repository } from './surveys.repository.ts';
import { authoringRepository as authoring } from './surveys.authoring.repository.ts';
import { surveySlug } from './surveys.slug.ts';
import type { QuestionInput, SurveyDetails } from './surveys.forms.ts';

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

export async function ownSurvey(trx: Trx, partnershipId: string, slug: string) {
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

export function surveysAuthoring(db: Database<DB>) {
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
        const id = await authoring.insertSurvey(trx, {
          partnership_id: partnershipId,
          slug,
          title: details.title,
          purpose: details.purpose ?? null,
          opens_on: details.opensOn ?? null,
          closes_on: details.closesOn ?? null,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'survey',
          entityId: id,
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
        await authoring.updateDetails(trx, survey.id, {
          title: details.title,
          purpose: details.purpose ?? null,
          opensOn: details.opensOn ?? null,
          closesOn: details.closesOn ?? null,
        });
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
          if (!(await authoring.updateQuestion(trx, survey.id, id, values))) throw notFound();
        } else {
          const position = (await authoring.questionCount(trx, survey.id)) + 1;
          let key = `q${position}`;
          for (let k = position + 1; await authoring.questionKeyTaken(trx, survey.id, key); k++)
            key = `q${k}`;
          id = await authoring.insertQuestion(trx, {
            ...values,
            partnership_id: partnershipId,
            survey_id: survey.id,
            key,
            position,
          });
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
        await authoring.setStatus(trx, survey.id, status);
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
  };
}
