// A survey as data (data/seeds/surveys/*.yaml): questions, groups of respondents in order,
// every answer with its "correct as at" date, no responses, cross-references, codes, and the
// findings with the answers that support them.
import { z } from 'zod';
import { partialIsoDate } from '../../platform/http/date-input.ts';

const key = z.string().regex(/^[a-z0-9-]+$/, 'A key is lower-case letters, numbers and hyphens');

const answer = z.strictObject({
  text: z.string().min(1).optional(),
  noResponse: z.boolean().optional(),
  blank: z.boolean().optional(),
  refersTo: key.optional(),
  code: key.optional(),
});

export const surveyFileSchema = z
  .strictObject({
    survey: z.strictObject({
      title: z.string().min(1),
      purpose: z.string().min(1).optional(),
      owner: key,
      opensOn: z.iso.date().optional(),
      closesOn: z.iso.date().optional(),
      questions: z
        .array(
          z.strictObject({
            key,
            text: z.string().min(1),
            kind: z.enum(['text', 'choice', 'number', 'date']),
            codes: z.array(key).optional(),
          }),
        )
        .min(1),
      groups: z.array(z.strictObject({ key, name: z.string().min(1) })).min(1),
      respondents: z
        .array(
          z.strictObject({
            key,
            group: key,
            number: z.number().int().min(1),
            label: z.string().min(1),
            gssCode: z.string().regex(/^E\d{8}$/),
            successorGssCodes: z.array(z.string().regex(/^E\d{8}$/)).optional(),
            asAt: partialIsoDate('asAt').optional(),
            answers: z.record(key, answer),
          }),
        )
        .min(1),
      findings: z
        .array(
          z.strictObject({
            number: z.string().min(1),
            text: z.string().min(1),
            evidence: z.array(z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/)).min(1),
          }),
        )
        .default([]),
    }),
  })
  .superRefine(({ survey }, context) => {
    const questions = new Map(survey.questions.map((q) => [q.key, q]));
    const groups = new Set(survey.groups.map((g) => g.key));
    const respondents = new Map(survey.respondents.map((r) => [r.key, r]));
    survey.respondents.forEach((r, ri) => {
      if (!groups.has(r.group))
        context.addIssue({
          code: 'custom',
          path: ['survey', 'respondents', ri, 'group'],
          message: `No group ${r.group}`,
        });
      for (const [questionKey, a] of Object.entries(r.answers)) {
        const at = ['survey', 'respondents', ri, 'answers', questionKey];
        const question = questions.get(questionKey);
        if (!question) context.addIssue({ code: 'custom', path: at, message: `No question ${questionKey}` });
        if (!a.noResponse && !a.text)
          context.addIssue({ code: 'custom', path: at, message: 'An answer has text, or is a no response' });
        if (a.refersTo && !questions.has(a.refersTo))
          context.addIssue({
            code: 'custom',
            path: [...at, 'refersTo'],
            message: `No question ${a.refersTo}`,
          });
        if (a.code && !question?.codes?.includes(a.code))
          context.addIssue({
            code: 'custom',
            path: [...at, 'code'],
            message: `The code ${a.code} is not one of the question’s codes`,
          });
      }
    });
    survey.findings.forEach((f, fi) =>
      f.evidence.forEach((ref, ei) => {
        const [respondentKey, questionKey] = ref.split('.') as [string, string];
        const answered = respondents.get(respondentKey)?.answers[questionKey];
        if (!answered || answered.noResponse)
          context.addIssue({
            code: 'custom',
            path: ['survey', 'findings', fi, 'evidence', ei],
            message: `${ref} is not an answer of this survey`,
          });
      }),
    );
  });

export type SurveyFile = z.infer<typeof surveyFileSchema>;
