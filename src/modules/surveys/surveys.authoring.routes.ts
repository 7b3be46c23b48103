// The owner's survey forms, under /partnerships/:slug/surveys: details, questions, invitations,
// opening, closing and publishing, response links, codes and findings.
import { Router, type Request, type Response } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { partsOf, withDates } from '../../platform/http/date-input.ts';
import type { SurveysService } from './surveys.service.ts';
import {
  codeSchema,
  findingSchema,
  inviteSchema,
  linkSchema,
  questionKinds,
  questionSchema,
  statusSchema,
  surveyDetailsSchema,
} from './surveys.forms.ts';
import { answerText } from './surveys.table.ts';
import { sendSurvey } from './surveys.routes.ts';
import { formErrors, RuleViolation, validate } from '../../platform/http/validation.ts';

const views = 'modules/surveys/views';
const editor = requirePermission('partnership.edit');

export function surveysAuthoringRoutes(surveys: SurveysService, publicUrl: string | undefined): Router {
  const router = Router({ mergeParams: true });
  const list = (req: Request) => `/partnerships/${tenantOf(req).slug}/surveys`;
  const page = (req: Request, slug: string) => `${list(req)}/${slug}`;
  async function surveyOf(req: Request) {
    const found = await surveys.get(callerOf(req), String(req.params.survey));
    if (!found) throw notFound();
    return found;
  }
  const done = (req: Request, res: Response, to: string, message: string) => {
    flash(req, message);
    res.redirect(303, to);
  };

  // Details
  router.get('/surveys/new', editor, (req, res) => {
    res.render(`${views}/form.njk`, {
      title: 'New survey',
      tenant: tenantOf(req),
      values: {},
      isNew: true,
      backLink: list(req),
    });
  });
  router.post('/surveys/new', editor, async (req, res) => {
    let slug = '';
    const locals = { title: 'New survey', tenant: tenantOf(req), isNew: true, backLink: list(req) };
    const input = withDates(req.body as Record<string, unknown>, 'opensOn', 'closesOn');
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/form.njk`, locals, schema: surveyDetailsSchema, input },
        async (value) => {
          slug = (await surveys.create(callerOf(req), value)).slug;
        },
      )
    )
      done(req, res, page(req, slug), 'Survey created: add its questions and invite authorities');
  });
  router.get('/surveys/:survey/edit', editor, async (req, res) => {
    const { survey } = await surveyOf(req);
    const date = (name: string, iso: string | null) =>
      Object.fromEntries(Object.entries(partsOf(iso)).map(([k, v]) => [`${name}-${k}`, v]));
    res.render(`${views}/form.njk`, {
      title: `Change ${survey.title}`,
      tenant: tenantOf(req),
      values: {
        title: survey.title,
        purpose: survey.purpose,
        ...date('opensOn', survey.opensOn),
        ...date('closesOn', survey.closesOn),
      },
      backLink: page(req, survey.slug),
    });
  });
  router.post('/surveys/:survey/edit', editor, async (req, res) => {
    const { survey } = await surveyOf(req);
    const locals = {
      title: `Change ${survey.title}`,
      tenant: tenantOf(req),
      backLink: page(req, survey.slug),
    };
    const input = withDates(req.body as Record<string, unknown>, 'opensOn', 'closesOn');
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/form.njk`, locals, schema: surveyDetailsSchema, input },
        (value) => surveys.update(callerOf(req), survey.slug, value),
      )
    )
      done(req, res, page(req, survey.slug), 'Survey details saved');
  });

  // Questions
  const questionLocals = (req: Request, survey: { title: string; slug: string }, title: string) => ({
    title,
    tenant: tenantOf(req),
    survey,
    kinds: Object.entries(questionKinds).map(([value, text]) => ({ value, text })),
    backLink: page(req, survey.slug),
  });
  router.get('/surveys/:survey/questions/new', editor, async (req, res) => {
    const { survey } = await surveyOf(req);
    res.render(`${views}/question.njk`, {
      ...questionLocals(req, survey, 'Add a question'),
      values: { kind: 'text' },
    });
  });
  router.get('/surveys/:survey/questions/:question/edit', editor, async (req, res) => {
    const { survey, questions } = await surveyOf(req);
    const question = questions.find((q) => q.id === req.params.question);
    if (!question) throw notFound();
    res.render(`${views}/question.njk`, {
      ...questionLocals(req, survey, `Change question ${question.position}`),
      values: {
        text: question.text,
        kind: question.kind,
        choices: (question.choices ?? []).join('\n'),
        aboutChildren: question.aboutChildren ? 'yes' : '',
        codes: (question.codes ?? []).join('\n'),
      },
    });
  });
  for (const path of ['/surveys/:survey/questions/new', '/surveys/:survey/questions/:question/edit']) {
    router.post(path, editor, async (req, res) => {
      const { survey } = await surveyOf(req);
      const questionId = req.params.question ? String(req.params.question) : null;
      const locals = questionLocals(req, survey, questionId ? 'Change the question' : 'Add a question');
      if (
        await submitForm(
          req,
          res,
          { view: `${views}/question.njk`, locals, schema: questionSchema, input: req.body },
          (value) => surveys.saveQuestion(callerOf(req), survey.slug, questionId, value),
        )
      )
        done(req, res, page(req, survey.slug), questionId ? 'Question saved' : 'Question added');
    });
  }

  // Invitations
  router.get('/surveys/:survey/invite', editor, async (req, res) => {
    const { survey, groups } = await surveyOf(req);
    res.render(`${views}/invite.njk`, {
      title: 'Invite authorities',
      tenant: tenantOf(req),
      survey,
      groups,
      values: {},
      backLink: page(req, survey.slug),
    });
  });
  router.post('/surveys/:survey/invite', editor, async (req, res) => {
    const { survey, groups } = await surveyOf(req);
    let invited = 0;
    const locals = {
      title: 'Invite authorities',
      tenant: tenantOf(req),
      survey,
      groups,
      backLink: page(req, survey.slug),
    };
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/invite.njk`, locals, schema: inviteSchema, input: req.body },
        async (value) => {
          invited = (await surveys.invite(callerOf(req), survey.slug, value)).invited;
        },
      )
    )
      done(
        req,
        res,
        page(req, survey.slug),
        `${invited} ${invited === 1 ? 'authority' : 'authorities'} invited`,
      );
  });

  // Opening, closing, publishing
  router.post('/surveys/:survey/status', editor, async (req, res) => {
    const collated = await surveyOf(req);
    const base = page(req, collated.survey.slug);
    const checked = validate(statusSchema, req.body);
    try {
      if (!checked.ok) throw new RuleViolation(checked.problems);
      await surveys.setStatus(callerOf(req), collated.survey.slug, checked.value.status);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      res.status(400);
      return sendSurvey(req, res, collated, {
        base,
        isOwner: true,
        canEdit: true,
        backLink: list(req),
        errors: formErrors(error.problems),
      });
    }
    const status = checked.value.status;
    done(
      req,
      res,
      base,
      `Survey ${status === 'published' ? 'published' : status === 'open' ? 'opened' : 'closed'}`,
    );
  });

  // Response links
  const linksLocals = async (req: Request) => {
    const { survey, respondents } = await surveyOf(req);
    return {
      title: 'Response links',
      tenant: tenantOf(req),
      survey,
      respondentItems: [
        { value: '', text: 'Choose the authority' },
        ...respondents.map((r) => ({ value: r.id, text: r.label })),
      ],
      links: await surveys.links(callerOf(req), survey.slug),
      backLink: page(req, survey.slug),
    };
  };
  router.get('/surveys/:survey/links', editor, async (req, res) => {
    res.render(`${views}/links.njk`, { ...(await linksLocals(req)), values: {} });
  });
  router.post('/surveys/:survey/links', editor, async (req, res) => {
    const locals = await linksLocals(req);
    let made: { token: string; expiresAt: Date } | undefined;
    const ok = await submitForm(
      req,
      res,
      { view: `${views}/links.njk`, locals, schema: linkSchema, input: req.body },
      async (value) => {
        made = await surveys.createLink(callerOf(req), locals.survey.slug, value);
      },
    );
    if (!ok || !made) return;
    const origin = publicUrl ?? `${req.protocol}://${req.get('host')}`;
    res.render(`${views}/links.njk`, {
      ...(await linksLocals(req)),
      values: {},
      made: {
        url: new URL(`/respond/${tenantOf(req).slug}/${made.token}`, origin).href,
        expiresAt: made.expiresAt,
        name: req.body.name,
      },
    });
  });

  // Coding and findings
  router.get('/surveys/:survey/coding', editor, async (req, res) => {
    const collated = await surveyOf(req);
    res.render(`${views}/coding.njk`, {
      title: 'Code the answers',
      tenant: tenantOf(req),
      ...collated,
      backLink: page(req, collated.survey.slug),
    });
  });
  router.post('/surveys/:survey/answers/:answer/code', editor, async (req, res) => {
    const collated = await surveyOf(req);
    const locals = {
      title: 'Code the answers',
      tenant: tenantOf(req),
      ...collated,
      backLink: page(req, collated.survey.slug),
    };
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/coding.njk`, locals, schema: codeSchema, input: req.body },
        (value) => surveys.code(callerOf(req), collated.survey.slug, String(req.params.answer), value.code),
      )
    )
      done(req, res, `${page(req, collated.survey.slug)}/coding#answer-${req.params.answer}`, 'Code saved');
  });
  const findingLocals = async (req: Request) => {
    const collated = await surveyOf(req);
    return {
      title: 'Add a finding',
      tenant: tenantOf(req),
      ...collated,
      answerText,
      backLink: page(req, collated.survey.slug),
    };
  };
  router.get('/surveys/:survey/findings/new', editor, async (req, res) => {
    res.render(`${views}/finding.njk`, { ...(await findingLocals(req)), values: {} });
  });
  router.post('/surveys/:survey/findings/new', editor, async (req, res) => {
    const locals = await findingLocals(req);
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/finding.njk`, locals, schema: findingSchema, input: req.body },
        (value) => surveys.addFinding(callerOf(req), locals.survey.slug, value),
      )
    )
      done(req, res, `${page(req, locals.survey.slug)}#findings`, 'Finding added');
  });

  return router;
}
