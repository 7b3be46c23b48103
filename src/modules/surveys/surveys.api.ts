// GET /api/v1/surveys, /api/v1/surveys/{id} and /api/v1/surveys/{id}/table.csv: the surveys the
// caller may see through any of their partnerships, as owner or as an invited respondent.
import { Router, type Request } from 'express';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound, unauthorized } from '../../platform/http/errors.ts';
import { sendCsv } from '../../platform/documents/csv.ts';
import { partialOf } from '../../platform/http/date-input.ts';
import type { CollatedSurvey, SurveysService } from './surveys.service.ts';
import { surveyCsv } from './surveys.routes.ts';
import type { SurveyJson, SurveyListJson, SurveySummaryJson } from './surveys.api.schemas.ts';

type SurveyStatus = SurveyJson['status'];

/** One caller per partnership the signed-in user may see, with their role there. */
export type CallersOf = (req: Request) => Promise<{ slug: string; caller: Caller }[]>;

type Found = CollatedSurvey & { owner: { name: string; isCaller: boolean } };

function surveyJson(found: Found, partnership: string): SurveyJson {
  const { survey } = found;
  return {
    id: survey.id,
    title: survey.title,
    purpose: survey.purpose,
    // the columns' check constraints hold statuses and kinds to these words
    status: survey.status as SurveyStatus,
    opensOn: survey.opensOn,
    closesOn: survey.closesOn,
    owner: { name: found.owner.name },
    access: { partnership, as: found.owner.isCaller ? 'owner' : 'respondent' },
    questions: found.questions.map((q) => ({
      key: q.key,
      number: q.position,
      text: q.text,
      kind: q.kind as SurveyJson['questions'][number]['kind'],
      choices: q.choices,
      aboutChildren: q.aboutChildren,
      codes: q.codes,
    })),
    respondents: found.groups.flatMap((group) =>
      group.respondents.map((r) => {
        const respondentAsAt = r.asAt ? partialOf(r.asAt, r.asAtPrecision ?? 'day') : null;
        return {
          key: r.key,
          number: r.position,
          group: group.name,
          label: r.label,
          authority: { gssCode: r.gssCode, name: r.authorityName },
          asAt: respondentAsAt,
          answers: found.questions.map((q) => {
            const a = r.answers[q.key];
            return {
              question: q.key,
              text: a && !a.noResponse ? a.text : null,
              noResponse: !a || a.noResponse,
              asAt: a?.asAt ?? (a && !a.noResponse ? respondentAsAt : null),
              refersTo: a?.refersTo ?? null,
              code: a?.code ?? null,
            };
          }),
        };
      }),
    ),
    findings: found.findings.map((f) => ({
      number: f.number,
      text: f.text,
      evidence: f.evidence.map((e) => ({
        respondent: e.respondent.key,
        question: e.question,
        text: e.answer.text,
      })),
    })),
  };
}

export function surveysApi(surveys: SurveysService, callersOf: CallersOf): Router {
  const router = Router();

  async function find(req: Request): Promise<{ found: Found; slug: string }> {
    if (!req.user) throw unauthorized();
    let seen: { found: Found; slug: string } | undefined;
    for (const { slug, caller } of await callersOf(req)) {
      const found = await surveys.byId(caller, String(req.params.id));
      if (found?.owner.isCaller) return { found, slug };
      if (found && !seen) seen = { found, slug };
    }
    if (!seen) throw notFound();
    return seen;
  }

  router.get('/surveys', async (req, res) => {
    if (!req.user) throw unauthorized();
    const items = new Map<string, SurveySummaryJson>();
    for (const { slug, caller } of await callersOf(req)) {
      const summary = (
        s: { id: string; title: string; status: string; opensOn: string | null; closesOn: string | null },
        owner: string,
        as: 'owner' | 'respondent',
      ): SurveySummaryJson => ({
        id: s.id,
        title: s.title,
        status: s.status as SurveyStatus,
        opensOn: s.opensOn,
        closesOn: s.closesOn,
        owner: { name: owner },
        access: { partnership: slug, as },
        href: `/api/v1/surveys/${s.id}`,
      });
      const name = (await surveys.ownerName(caller)) ?? slug;
      for (const s of await surveys.list(caller)) items.set(s.id, summary(s, name, 'owner'));
      for (const s of await surveys.invited(caller))
        if (!items.has(s.id)) items.set(s.id, summary(s, s.ownerName, 'respondent'));
    }
    const answer: SurveyListJson = { surveys: [...items.values()] };
    res.json(answer);
  });

  router.get('/surveys/:id', async (req, res) => {
    const { found, slug } = await find(req);
    res.json(surveyJson(found, slug));
  });

  router.get('/surveys/:id/table.csv', async (req, res) => {
    const { found } = await find(req);
    sendCsv(res, found.survey.slug, surveyCsv(found));
  });

  return router;
}
