// Answering: an invited partnership's pages (under /partnerships/:slug/survey-invitations) and
// the public response-link pages (/respond/:owner/:token) for a named contact with no account.
import { Router, type Request, type Response } from 'express';
import { allowed, callerOf, tenantOf } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import { partsOf } from '../../platform/http/date-input.ts';
import type { SurveysService } from './surveys.service.ts';
import { responseInputOf } from './surveys.forms.ts';
import { sendSurvey } from './surveys.routes.ts';

const views = 'modules/surveys/views';

type Answers = Record<
  string,
  { text: string | null; noResponse: boolean; refersTo: string | null; asAt: string | null }
>;
interface Question {
  id: string;
  kind: string;
}

/** The answer form's fields as the saved answers fill them. */
function formValues(questions: Question[], answers: Answers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const q of questions) {
    const a = answers[q.id];
    if (!a) continue;
    if (a.refersTo) values[`refersTo-${q.id}`] = a.refersTo;
    if (a.text && !(a.refersTo && /^See answer \d+$/.test(a.text))) {
      if (q.kind === 'date')
        for (const [k, v] of Object.entries(partsOf(a.text))) values[`answer-${q.id}-${k}`] = v;
      else values[`answer-${q.id}`] = a.text;
    }
  }
  // the response's date is the one most answers carry; an answer with another shows its own
  const dates = Object.values(answers).flatMap((a) => (a.asAt ? [a.asAt] : []));
  const common = dates.sort(
    (x, y) => dates.filter((d) => d === y).length - dates.filter((d) => d === x).length,
  )[0];
  if (common) for (const [k, v] of Object.entries(partsOf(common))) values[`asAt-${k}`] = v;
  for (const q of questions) {
    const own = answers[q.id]?.asAt;
    if (own && own !== common)
      for (const [k, v] of Object.entries(partsOf(own))) values[`asAt-${q.id}-${k}`] = v;
  }
  return values;
}

/** Runs a save; on a rule broken, re-renders the form with status 400 and the answers kept. */
async function saveOr400(
  req: Request,
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  save: () => Promise<void>,
) {
  try {
    await save();
    return true;
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    res.status(400).render(view, { ...locals, values: req.body, errors: formErrors(error.problems) });
    return false;
  }
}

export function surveysRespondRoutes(surveys: SurveysService): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}/survey-invitations`;

  router.get('/survey-invitations', async (req, res) => {
    res.render(`${views}/invited.njk`, {
      title: 'Surveys to answer',
      tenant: tenantOf(req),
      invited: await surveys.invited(callerOf(req)),
      base: base(req),
    });
  });

  const locals = async (req: Request) => {
    const response = await surveys.response(callerOf(req), String(req.params.survey));
    return {
      title: response.survey.title,
      tenant: tenantOf(req),
      ...response,
      canAnswer: !response.closed && allowed(req, 'partnership.edit'),
      backLink: base(req),
      tableLink:
        response.survey.ownerId === tenantOf(req).partnershipId
          ? `/partnerships/${tenantOf(req).slug}/surveys/${response.survey.slug}`
          : `${base(req)}/${response.survey.id}/table`,
    };
  };
  router.get('/survey-invitations/:survey', async (req, res) => {
    const found = await locals(req);
    res.render(`${views}/respond.njk`, { ...found, values: formValues(found.questions, found.answers) });
  });
  router.post('/survey-invitations/:survey', async (req, res) => {
    const found = await locals(req);
    const input = responseInputOf(req.body as Record<string, unknown>, found.questions);
    if (
      await saveOr400(req, res, `${views}/respond.njk`, found, () =>
        surveys.answer(callerOf(req), found.survey.id, input),
      )
    ) {
      flash(req, 'Your answers have been saved. You can change them until the survey closes.');
      res.redirect(303, `${base(req)}/${found.survey.id}`);
    }
  });
  router.get('/survey-invitations/:survey/table', async (req, res) => {
    const collated = await surveys.byId(callerOf(req), String(req.params.survey));
    if (!collated || collated.owner.isCaller) throw notFound();
    await sendSurvey(req, res, collated, {
      base: `${base(req)}/${collated.survey.id}/table`,
      isOwner: false,
      owner: collated.owner,
      backLink: `${base(req)}/${collated.survey.id}`,
    });
  });
  return router;
}

export function responseLinkRoutes(
  surveys: SurveysService,
  partnershipOf: (slug: string) => Promise<{ id: string; name: string } | null>,
): Router {
  const router = Router();
  const refused = (res: Response, message: string) =>
    res.status(410).render(`${views}/link-refused.njk`, { title: 'This link cannot be used', message });

  async function opening(req: Request) {
    const owner = await partnershipOf(String(req.params.slug));
    if (!owner) throw notFound('This response link is not valid.');
    return { owner, opened: await surveys.openLink(owner.id, String(req.params.token)) };
  }

  router.get('/respond/:slug/:token', async (req, res) => {
    const { owner, opened } = await opening(req);
    if (!opened.ok) return refused(res, opened.message);
    res.set('Referrer-Policy', 'no-referrer');
    res.render(`${views}/respond.njk`, {
      title: opened.survey.title,
      ...opened,
      owner,
      viaLink: true,
      canAnswer: true,
      values: formValues(opened.questions, opened.answers),
    });
  });

  router.post('/respond/:slug/:token', async (req, res) => {
    const { owner, opened } = await opening(req);
    if (!opened.ok) return refused(res, opened.message);
    const submit = req.body.action === 'submit';
    const input = responseInputOf(req.body as Record<string, unknown>, opened.questions);
    const shown = { title: opened.survey.title, ...opened, owner, viaLink: true, canAnswer: true };
    if (
      await saveOr400(req, res, `${views}/respond.njk`, shown, () =>
        surveys.answerByLink(owner.id, String(req.params.token), input, submit),
      )
    ) {
      if (submit)
        return res.render(`${views}/link-refused.njk`, {
          title: 'Answers sent',
          sent: true,
          message: `Thank you. The answers of ${opened.respondent.label} have been sent to ${owner.name}. This link cannot be used again.`,
        });
      res.redirect(303, req.originalUrl);
    }
  });
  return router;
}
