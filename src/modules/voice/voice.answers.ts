// A respondent's answers as the public form posts them, checked against the consultation's
// questions: an answer must be one of the question's choices, a required question answered,
// the optional "about you" answers from their lists. Pure, so each rule is unit-tested.
import type { FieldProblem } from '../../platform/http/validation.ts';
import { ageBandValues, defaultScale, heardViaValues } from './voice.vocabulary.ts';

export interface AskedQuestion {
  id: string;
  position: number;
  kind: string;
  choices: string[];
  required: boolean;
}

export interface GivenAnswer {
  questionId: string;
  choices: string[];
  text: string | null;
}

export interface GivenResponse {
  answers: GivenAnswer[];
  ageBand: string | null;
  area: string | null;
  heardVia: string | null;
  contact: string | null;
}

export const textLimit = 2000;

/** The answers a question offers (a scale with none given uses the default scale). */
export function choicesOf(question: { kind: string; choices: string[] }): string[] {
  return question.kind === 'scale' && !question.choices.length ? defaultScale : question.choices;
}

const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .map((v) => String(v).trim())
    .filter(Boolean);
const oneOf = (value: unknown): string =>
  (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '')).trim();

/** Reads and checks the form: the response, or every problem (paths name the form's fields). */
export function readResponse(
  body: Record<string, unknown>,
  questions: AskedQuestion[],
  consultation: { areas: string[]; asksContact: boolean },
): { ok: true; response: GivenResponse } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const answers: GivenAnswer[] = [];
  for (const q of questions) {
    const field = `q-${q.id}`;
    const label = `Question ${q.position}`;
    if (q.kind === 'text') {
      const text = oneOf(body[field]);
      if (text.length > textLimit)
        problems.push({
          path: field,
          message: `${label}: your answer must be ${textLimit} characters or fewer`,
        });
      else if (!text && q.required) problems.push({ path: field, message: `${label}: write your answer` });
      if (text) answers.push({ questionId: q.id, choices: [], text });
      continue;
    }
    const given = q.kind === 'choices' ? listOf(body[field]) : listOf(oneOf(body[field]));
    const offered = choicesOf(q);
    if (given.some((value) => !offered.includes(value)) || new Set(given).size !== given.length)
      problems.push({ path: field, message: `${label}: choose from the answers given` });
    else if (!given.length && q.required)
      problems.push({
        path: field,
        message: q.kind === 'choices' ? `${label}: choose at least one answer` : `${label}: choose an answer`,
      });
    else if (given.length) answers.push({ questionId: q.id, choices: given, text: null });
  }
  const ageBand = oneOf(body.ageBand) || null;
  if (ageBand && !(ageBandValues as string[]).includes(ageBand))
    problems.push({ path: 'ageBand', message: 'Select your age from the list, or leave it out' });
  const area = oneOf(body.area) || null;
  if (area && !consultation.areas.includes(area))
    problems.push({ path: 'area', message: 'Select where you live from the list, or leave it out' });
  const heard = oneOf(body.heardVia) || null;
  if (heard && !(heardViaValues as string[]).includes(heard))
    problems.push({
      path: 'heardVia',
      message: 'Select how you heard about this from the list, or leave it out',
    });
  const contact = oneOf(body.contact) || null;
  if (contact && !consultation.asksContact)
    problems.push({ path: 'contact', message: 'This consultation does not ask for contact details' });
  else if (contact && contact.length > 500)
    problems.push({ path: 'contact', message: 'Your contact details must be 500 characters or fewer' });
  if (!answers.length && !problems.length)
    problems.push({
      path: questions[0] ? `q-${questions[0].id}` : 'form',
      message: 'Answer at least one question',
    });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, response: { answers, ageBand, area, heardVia: heard, contact } };
}
