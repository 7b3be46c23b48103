// Answering a survey: an invited authority's partnership through its own users, or a named
// contact through a single-use response link (no account). Answers can be changed until the
// survey closes (or, through a link, until the contact submits them); an unanswered question is
// recorded as "no response"; an answer may refer to another ("See answer 1").
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Actor, Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation, type FieldProblem } from '../../platform/http/validation.ts';
import { today } from '../../platform/http/date-input.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { digest } from '../accounts/index.ts';
import { surveysRepository as repository } from './surveys.repository.ts';
import { answeringRepository as answering, type Question } from './surveys.answering.repository.ts';
import type { AnswerInput, ResponseInput } from './surveys.forms.ts';

type Survey = NonNullable<Awaited<ReturnType<typeof repository.byId>>>;

/** Why answers cannot be given now, or null when they can. */
export function closedReason(
  survey: { status: string; opensOn: string | null; closesOn: string | null },
  on = today(),
) {
  if (survey.status === 'draft') return 'The survey is not open yet.';
  if (survey.opensOn && on < survey.opensOn)
    return `The survey opens on ${formatDate(survey.opensOn)}: answers cannot be given before then.`;
  if (survey.status !== 'open' || (survey.closesOn && on > survey.closesOn))
    return `The survey has closed${survey.closesOn ? ` (on ${formatDate(survey.closesOn)})` : ''}: answers can no longer be given or changed.`;
  return null;
}

function realDate(text: string): boolean {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks each answer against its question; problems name the form's fields. */
export function checkResponse(questions: Question[], input: ResponseInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.asAtError) problems.push({ path: 'asAt.day', message: input.asAtError });
  for (const q of questions) {
    const answer = input.answers[q.id];
    if (!answer) continue;
    const at = q.kind === 'date' ? `answer-${q.id}.day` : `answer-${q.id}`;
    const label = `Question ${q.position}`;
    if (answer.asAtError)
      problems.push({ path: `asAt-${q.id}.day`, message: `${label}: ${answer.asAtError.toLowerCase()}` });
    if (answer.refersTo && (answer.refersTo === q.id || !questions.some((o) => o.id === answer.refersTo)))
      problems.push({
        path: `refersTo-${q.id}`,
        message: `${label}: choose another question’s answer to refer to`,
      });
    if (!answer.text) continue;
    if (answer.text.length > 10_000)
      problems.push({ path: at, message: `${label}: the answer must be 10,000 characters or fewer` });
    if (q.kind === 'number' && !/^\d+$/.test(answer.text))
      problems.push({ path: at, message: `${label}: the answer must be a whole number, like 12` });
    if (q.kind === 'date' && !realDate(answer.text))
      problems.push({ path: at, message: `${label}: the answer must be a real date` });
    if (q.kind === 'choice' && !q.choices?.includes(answer.text))
      problems.push({ path: at, message: `${label}: choose one of the answers given` });
  }
  return problems;
}

const questionsOf = (trx: Trx, surveyId: string): Promise<Question[]> => answering.questions(trx, surveyId);

async function answersOf(trx: Trx, respondentId: string) {
  const rows = await answering.answers(trx, respondentId);
  return Object.fromEntries(rows.map((row) => [row.questionId, row]));
}

async function writeAnswers(
  trx: Trx,
  survey: Survey & { ownerId: string },
  respondentId: string,
  questions: Question[],
  input: ResponseInput,
) {
  const positionOf = new Map(questions.map((q) => [q.id, q.position]));
  for (const q of questions) {
    const answer: AnswerInput = input.answers[q.id] ?? { text: '', refersTo: null };
    const text = answer.text
      ? q.kind === 'date'
        ? new Date(`${answer.text.replace(/-(\d)(?=-|$)/g, '-0$1')}T00:00:00Z`).toISOString().slice(0, 10)
        : answer.text
      : answer.refersTo
        ? `See answer ${positionOf.get(answer.refersTo)}`
        : null;
    await answering.saveAnswer(trx, {
      partnershipId: survey.ownerId,
      respondentId,
      questionId: q.id,
      text,
      refersTo: answer.refersTo,
      asAt: text === null ? null : (answer.asAt ?? input.asAt ?? null),
    });
  }
}

export type LinkOpening =
  | { ok: false; message: string }
  | {
      ok: true;
      survey: Survey;
      respondent: { id: string; label: string };
      contact: string;
      questions: Question[];
      answers: Awaited<ReturnType<typeof answersOf>>;
    };

async function openLink(trx: Trx, token: string): Promise<LinkOpening> {
  const link = await answering.linkByDigest(trx, digest(token));
  if (!link)
    return {
      ok: false,
      message: 'This response link is not valid. Check that you copied the whole link from the email.',
    };
  if (link.submittedAt)
    return {
      ok: false,
      message:
        'The answers were submitted with this link already, and it cannot be used again. Ask the survey’s owner for a new link if an answer needs to change.',
    };
  const survey = (await repository.byId(trx, link.surveyId))!;
  // a survey with a closing date takes answers through its links until it closes, even when
  // the date moves after the link was made; otherwise a link lasts its own days
  if (!survey.closesOn && link.expiresAt <= new Date())
    return {
      ok: false,
      message: `This response link expired on ${formatDate(link.expiresAt.toISOString().slice(0, 10))}. Ask the survey’s owner for a new link.`,
    };
  const reason = closedReason(survey);
  if (reason) return { ok: false, message: reason };
  return {
    ok: true,
    survey,
    respondent: { id: link.respondentId, label: link.label },
    contact: link.contact,
    questions: await questionsOf(trx, survey.id),
    answers: await answersOf(trx, link.respondentId),
  };
}

export function surveysAnswering(db: Database<DB>) {
  /** The survey and the caller's authority's respondent row, or 404. */
  async function invitation(trx: Trx, surveyId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(surveyId)) throw notFound();
    const survey = await repository.byId(trx, surveyId);
    const respondent = survey ? await answering.ownRespondent(trx, survey.id) : undefined;
    if (!survey || !respondent || survey.status === 'draft') throw notFound();
    return { survey, respondent };
  }

  return {
    /** The partnership's response to a survey that invites its authority. */
    response(caller: Caller, surveyId: string) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const { survey, respondent } = await invitation(trx, surveyId);
        return {
          survey,
          respondent,
          closed: closedReason(survey),
          questions: await questionsOf(trx, survey.id),
          answers: await answersOf(trx, respondent.id),
        };
      });
    },

    /** Saves the partnership's answers; they can be changed until the survey closes. */
    answer(caller: Caller, surveyId: string, input: ResponseInput): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const { survey, respondent } = await invitation(trx, surveyId);
        const reason = closedReason(survey);
        if (reason) throw new RuleViolation([{ path: 'closed', message: reason }]);
        const questions = await questionsOf(trx, survey.id);
        const problems = checkResponse(questions, input);
        if (problems.length) throw new RuleViolation(problems);
        await writeAnswers(trx, survey, respondent.id, questions, input);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'survey response',
          entityId: respondent.id,
          summary: `Answered “${survey.title}” (${survey.ownerName}) for ${respondent.label}`,
          after: input,
        });
      });
    },

    /** What a response link opens: the questions and answers so far, or why it cannot be used. */
    openLink(ownerId: string, token: string): Promise<LinkOpening> {
      return db.transaction({ partnershipId: ownerId }, (trx) => openLink(trx, token));
    },

    /** Saves answers through a link; `submit` sends them, after which the link is spent. */
    answerByLink(ownerId: string, token: string, input: ResponseInput, submit: boolean): Promise<void> {
      return db.transaction({ partnershipId: ownerId }, async (trx) => {
        const opened = await openLink(trx, token);
        if (!opened.ok) throw new RuleViolation([{ path: 'form', message: opened.message }]);
        const problems = checkResponse(opened.questions, input);
        if (problems.length) throw new RuleViolation(problems);
        await writeAnswers(trx, opened.survey, opened.respondent.id, opened.questions, input);
        if (submit) await answering.submitLink(trx, digest(token));
        const actor: Actor = { userId: null, label: `${opened.contact} (response link)` };
        await recordChange(trx, actor, {
          partnershipId: ownerId,
          action: 'update',
          entityType: 'survey response',
          entityId: opened.respondent.id,
          summary: `${opened.contact} ${submit ? 'submitted' : 'saved'} the answers of ${opened.respondent.label} to “${opened.survey.title}”`,
          after: input,
        });
      });
    },
  };
}
