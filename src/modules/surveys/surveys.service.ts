// Cross-authority surveys owned by a partnership: loading one (from a data file), and the
// collated view of it: the summary table by group and respondent, the counts of each code,
// and the findings with the answers that support them.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { datedAt } from '../../platform/http/date-input.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { surveysRepository as repository } from './surveys.repository.ts';
import { authoringRepository as authoring } from './surveys.authoring.repository.ts';
import { answeringRepository as answering } from './surveys.answering.repository.ts';
import { codingRepository as coding } from './surveys.coding.repository.ts';
import { invitationsRepository as invitations } from './surveys.invitations.repository.ts';
import type { SurveyFile } from './surveys.schemas.ts';
import { shareable } from './surveys.suppression.ts';
import { surveysAuthoring } from './surveys.authoring.ts';
import { surveysInvitations } from './surveys.invitations.ts';
import { surveysAnswering } from './surveys.answering.ts';
import { surveysCoding } from './surveys.coding.ts';
import type { MailService } from '../../platform/mail/outbox.ts';

export interface SurveysOptions {
  /** Counts about children below this are suppressed (a survey may ask for more, never less). */
  suppressionThreshold: number;
  /** How long a response link lasts when the survey has no closing date. */
  linkDays: number;
  /** The outbox: a response link is e-mailed to its contact (issue 18). */
  mail?: MailService | undefined;
}

/** The survey as everyone who may see it sees it: only what row-level security lets through. */
async function assemble(trx: Trx, surveyId: string, threshold: number) {
  const parts = await repository.parts(trx, surveyId);
  const questionKey = new Map(parts.questions.map((q) => [q.id, q.key]));
  const questionById = new Map(parts.questions.map((q) => [q.id, q]));
  const answersOf = (respondentId: string) =>
    Object.fromEntries(
      parts.answers
        .filter((a) => a.respondentId === respondentId)
        .map((a) => [
          questionKey.get(a.questionId)!,
          {
            ...a,
            text: shareable(questionById.get(a.questionId)!, a.text, threshold),
            refersTo: a.refersToQuestionId ? (questionKey.get(a.refersToQuestionId) ?? null) : null,
          },
        ]),
    );
  // "correct as at": the date a document gave for the whole response, or else the latest date
  // given with the answers
  const latestAsAt = (respondentId: string) =>
    parts.answers
      .filter((a) => a.respondentId === respondentId && a.asAt)
      .map((a) => a.asAt!)
      .sort()
      .pop() ?? null;
  const respondents = parts.respondents.map((r) => {
    const asAt = r.asAt ?? latestAsAt(r.id);
    return {
      ...r,
      asAt,
      asAtPrecision: r.asAt ? r.asAtPrecision : asAt ? 'day' : null,
      answers: answersOf(r.id),
    };
  });
  const groups = parts.groups.map((g) => ({
    ...g,
    respondents: respondents.filter((r) => r.groupId === g.id),
  }));
  const answerRef = new Map(
    parts.answers.map((a) => [
      a.id,
      {
        answer: a,
        respondent: respondents.find((r) => r.id === a.respondentId)!,
        question: questionKey.get(a.questionId)!,
      },
    ]),
  );
  const findings = parts.findings.map((f) => ({
    ...f,
    evidence: parts.evidence.filter((e) => e.findingId === f.id).map((e) => answerRef.get(e.answerId)!),
  }));
  const codes = parts.questions
    .filter((q) => q.codes?.length)
    .map((q) => ({
      question: q,
      counts: q.codes!.map((code) => ({
        code,
        count: parts.answers.filter((a) => a.questionId === q.id && a.code === code).length,
      })),
      uncoded: parts.answers.filter((a) => a.questionId === q.id && !a.noResponse && !a.code).length,
    }));
  // answers not given: every question of every respondent, less those answered
  const given = parts.answers.filter((a) => !a.noResponse).length;
  const answers = { expected: respondents.length * parts.questions.length, given };
  return { questions: parts.questions, groups, respondents, findings, codes, answers };
}

export function surveysService(db: Database<DB>, options: SurveysOptions) {
  const thresholdOf = (survey: { suppressionThreshold: number }) =>
    Math.max(options.suppressionThreshold, survey.suppressionThreshold);
  return {
    ...surveysAuthoring(db),
    ...surveysInvitations(db, options),
    ...surveysAnswering(db),
    ...surveysCoding(db),

    list: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', (trx, partnershipId) => repository.list(trx, partnershipId)),

    /** The partnership's own name, for listings. */
    ownerName: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', (trx, partnershipId) =>
        repository.partnershipName(trx, partnershipId),
      ),

    /** Surveys that invite this partnership's authority (its own too, when it asks itself). */
    invited: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => repository.invited(trx)),

    /** One of the partnership's own surveys with everything collated, or null. */
    get(caller: Caller, slug: string) {
      return inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        const survey = await repository.bySlug(trx, partnershipId, slug);
        return survey ? { survey, ...(await assemble(trx, survey.id, thresholdOf(survey))) } : null;
      });
    },

    /**
     * Any survey the partnership may see by id: its own (everything) or one it is invited to (its
     * own answers, and every answer once published), with whether the partnership owns it.
     */
    byId(caller: Caller, id: string) {
      return inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
        const found = await repository.byId(trx, id);
        if (!found) return null;
        const { ownerId, ownerName, ...survey } = found;
        return {
          survey,
          owner: { name: ownerName, isCaller: ownerId === partnershipId },
          ...(await assemble(trx, survey.id, thresholdOf(survey))),
        };
      });
    },

    /** Loads a survey from its data file in one transaction; leaves an existing one as it is. */
    async load(caller: Caller, slug: string, file: SurveyFile): Promise<'created' | 'unchanged'> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        if (await repository.bySlug(trx, partnershipId, slug)) return 'unchanged';
        const { survey } = file;
        const known = new Set(await invitations.authorityCodes(trx));
        const unknown = survey.respondents.filter((r) => !known.has(r.gssCode));
        if (unknown.length)
          throw new RuleViolation(
            unknown.map((r) => ({
              path: `respondents.${r.key}`,
              message: `${r.label}: there is no authority ${r.gssCode}`,
            })),
          );
        const surveyId = await authoring.insertSurvey(trx, {
          partnership_id: partnershipId,
          slug,
          title: survey.title,
          purpose: survey.purpose ?? null,
          opens_on: survey.opensOn ?? null,
          closes_on: survey.closesOn ?? null,
          status: 'published',
        });
        const questionIds = new Map<string, string>();
        for (const [position, q] of survey.questions.entries()) {
          const id = await authoring.insertQuestion(trx, {
            partnership_id: partnershipId,
            survey_id: surveyId,
            key: q.key,
            position: position + 1,
            text: q.text,
            kind: q.kind,
            codes: q.codes ? JSON.stringify(q.codes) : null,
          });
          questionIds.set(q.key, id);
        }
        const groupIds = new Map<string, string>();
        for (const [position, g] of survey.groups.entries()) {
          const group = await invitations.insertGroup(trx, {
            partnership_id: partnershipId,
            survey_id: surveyId,
            key: g.key,
            position: position + 1,
            name: g.name,
          });
          groupIds.set(g.key, group.id);
        }
        const answerIds = new Map<string, string>();
        for (const r of survey.respondents) {
          const asAt = r.asAt ? datedAt(r.asAt) : null;
          const respondentId = await invitations.insertRespondent(trx, {
            partnership_id: partnershipId,
            survey_id: surveyId,
            group_id: groupIds.get(r.group)!,
            key: r.key,
            position: r.number,
            label: r.label,
            authority_gss_code: r.gssCode,
            as_at: asAt?.date ?? null,
            as_at_precision: asAt?.precision ?? null,
          });
          for (const [questionKey, a] of Object.entries(r.answers)) {
            const id = await answering.insertAnswer(trx, {
              partnership_id: partnershipId,
              respondent_id: respondentId,
              question_id: questionIds.get(questionKey)!,
              text: a.noResponse ? null : (a.text ?? null),
              no_response: a.noResponse ?? false,
              blank: a.blank ?? false,
              refers_to_question_id: a.refersTo ? questionIds.get(a.refersTo)! : null,
              code: a.code ?? null,
            });
            answerIds.set(`${r.key}.${questionKey}`, id);
          }
        }
        for (const [position, f] of survey.findings.entries()) {
          const findingId = await coding.insertFinding(trx, {
            partnership_id: partnershipId,
            survey_id: surveyId,
            number: f.number,
            position: position + 1,
            text: f.text,
          });
          await coding.insertEvidence(
            trx,
            f.evidence.map((ref) => ({
              partnership_id: partnershipId,
              finding_id: findingId,
              answer_id: answerIds.get(ref)!,
            })),
          );
        }
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'import',
          entityType: 'survey',
          entityId: surveyId,
          summary: `Loaded the survey “${survey.title}” with ${survey.respondents.length} respondents`,
        });
        return 'created';
      });
    },
  };
}

export type SurveysService = ReturnType<typeof surveysService>;
export type CollatedSurvey = NonNullable<Awaited<ReturnType<SurveysService['get']>>>;
