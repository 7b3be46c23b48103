// The voice pages of a partnership (under /partnerships/:slug/voice): consultations written,
// shared, moderated, read and followed through; the young people's board's recommendations.
import { Router, type Request, type Response } from 'express';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { confirmDeletion } from '../../platform/http/confirm-deletion.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { partsOf, withDates } from '../../platform/http/date-input.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import { renderPrintable, sendDocument, sendPdf } from '../../platform/documents/render.ts';
import { sendCsv } from '../../platform/documents/csv.ts';
import { fileName } from '../../platform/documents/file-names.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { itemText, type SharedConsultation, type VoiceService } from './voice.service.ts';
import {
  consultationSchema,
  minuteItemSchema,
  moderationSchema,
  outcomeSchema,
  paperSchema,
  questionSchema,
  recommendationSchema,
  reportBackSchema,
  responseSchema,
  statusSchema,
  summarySchema,
  themeSchema,
} from './voice.schemas.ts';
import { outcomeText, resultsCsv, resultsDocx } from './voice.outputs.ts';
import { qrSvg } from './voice.qr.ts';
import { shown } from './voice.results.ts';
import * as vocabulary from './voice.vocabulary.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { OutcomeAction, OutcomeDecision } from '../record/index.ts';
import type { PlanTarget } from '../plans/index.ts';

const views = 'modules/voice/views';

/** The public link of a consultation: the configured address, or the one the request came to. */
export function linkOf(req: Request, publicUrl: string | undefined, token: string): string {
  const base = (publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/$/, '');
  return `${base}/have-your-say/${tenantOf(req).slug}/${token}`;
}

const when = (at: Date) => formatDate(at);
/** What every results view needs besides the consultation. */
export const resultLocals = {
  ...vocabulary,
  shown,
  outcomeText,
  decisionText: (d: OutcomeDecision) =>
    `${d.meetingTitle}, ${when(d.startsAt)}, item ${d.itemNumber}: ${d.text}`,
  actionText: (a: OutcomeAction) => `${a.meetingTitle}, ${when(a.startsAt)}: ${a.text}`,
  planText: (p: PlanTarget) => `${p.planTitle}: ${p.title}`,
  itemText,
  /** A bar's length in the chart (300 for the largest count shown; none for a suppressed one). */
  barWidth: (cell: number | null, cells: (number | null)[]) =>
    cell ? Math.round((cell / Math.max(1, ...cells.map((c) => c ?? 0))) * 3000) / 10 : 0,
};

export function voiceRoutes(voice: VoiceService, printer: PdfPrinter, publicUrl?: string): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}/voice`;
  const param = (req: Request, name: string) => String(req.params[name]);
  const common = (req: Request) => ({ tenant: tenantOf(req), base: base(req), ...resultLocals });

  router.get('/voice', async (req, res) => {
    res.render(`${views}/list.njk`, {
      title: 'Children and young people\u2019s voice',
      ...common(req),
      consultations: await voice.list(callerOf(req)),
      canEdit: allowed(req, 'partnership.edit'),
    });
  });

  // ---- writing a consultation
  const detailsLocals = (req: Request, isNew: boolean) => ({
    title: isNew ? 'Write a consultation' : 'Change the consultation',
    ...common(req),
    isNew,
    backLink: isNew ? base(req) : `${base(req)}/${param(req, 'consultation')}`,
  });
  router.get('/voice/new', (req, res) => {
    res.render(`${views}/form.njk`, {
      ...detailsLocals(req, true),
      values: { responsesPerDevice: '1', audience: ['young-people'] },
    });
  });
  router.post('/voice/new', async (req, res) => {
    let slug = '';
    if (
      await submitForm(
        req,
        res,
        {
          view: `${views}/form.njk`,
          locals: detailsLocals(req, true),
          schema: consultationSchema,
          input: withDates(req.body, 'opensOn', 'closesOn'),
        },
        async (value) => {
          slug = await voice.create(callerOf(req), value);
        },
      )
    ) {
      flash(req, 'The consultation has been written. Add its questions, then open it.');
      res.redirect(303, `${base(req)}/${slug}`);
    }
  });

  // the fixed pages come before /voice/:consultation
  router.get('/voice/recommendations', async (req, res) => {
    res.render(`${views}/recommendations.njk`, {
      title: 'Recommendations of the young people\u2019s board',
      ...common(req),
      ...(await voice.recommendations(callerOf(req))),
      canEdit: allowed(req, 'partnership.edit'),
    });
  });
  const recommendationLocals = async (req: Request, title: string) => ({
    title,
    ...common(req),
    ...(await voice.recommendations(callerOf(req))),
    backLink: `${base(req)}/recommendations`,
  });
  router.get('/voice/recommendations/new', async (req, res) => {
    res.render(`${views}/recommendation-form.njk`, {
      ...(await recommendationLocals(req, 'Record a recommendation of the young people\u2019s board')),
      values: {},
    });
  });
  router.post('/voice/recommendations/new', async (req, res) => {
    const locals = await recommendationLocals(
      req,
      'Record a recommendation of the young people\u2019s board',
    );
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/recommendation-form.njk`, locals, schema: recommendationSchema, input: req.body },
        async (value) => {
          await voice.addRecommendation(callerOf(req), value);
        },
      )
    ) {
      flash(req, 'The recommendation has been recorded. Record the board\u2019s response when it has one.');
      res.redirect(303, `${base(req)}/recommendations`);
    }
  });
  const recommendationOf = async (req: Request, title: string) => {
    const locals = await recommendationLocals(req, title);
    const recommendation = locals.recommendations.find((r) => r.id === param(req, 'recommendation'));
    if (!recommendation) throw notFound();
    const { actions, priorities } = await voice.targets(callerOf(req));
    return { ...locals, recommendation, actions, priorities };
  };
  router.get('/voice/recommendations/:recommendation/response', async (req, res) => {
    const locals = await recommendationOf(req, 'Record the board\u2019s response');
    const r = locals.recommendation;
    res.render(`${views}/response-form.njk`, {
      ...locals,
      values: {
        response: r.response,
        reasons: r.reasons,
        meetingId: r.responseMeetingId,
        actionIds: r.actions.map((a) => a.id),
        priorityIds: r.priorities.map((p) => p.id),
      },
    });
  });
  router.post('/voice/recommendations/:recommendation/response', async (req, res) => {
    const locals = await recommendationOf(req, 'Record the board\u2019s response');
    if (
      await submitForm(
        req,
        res,
        {
          view: `${views}/response-form.njk`,
          locals,
          schema: responseSchema,
          input: req.body,
          values: {
            ...req.body,
            actionIds: [req.body.actionIds ?? []].flat(),
            priorityIds: [req.body.priorityIds ?? []].flat(),
          },
        },
        async (value) => {
          await voice.respondTo(callerOf(req), locals.recommendation.id, value);
        },
      )
    ) {
      flash(
        req,
        'The board\u2019s response has been recorded. Report it back to the young people\u2019s board.',
      );
      res.redirect(303, `${base(req)}/recommendations`);
    }
  });
  const minuteItemTitle = 'The agenda item where the board considered it';
  router.get('/voice/recommendations/:recommendation/minute-item', async (req, res) => {
    const locals = await recommendationOf(req, minuteItemTitle);
    const item = locals.recommendation.item;
    res.render(`${views}/minute-item-form.njk`, {
      ...locals,
      values: item ? { meetingId: item.meetingId, number: item.number } : {},
    });
  });
  router.post('/voice/recommendations/:recommendation/minute-item', async (req, res) => {
    const locals = await recommendationOf(req, minuteItemTitle);
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/minute-item-form.njk`, locals, schema: minuteItemSchema, input: req.body },
        (value) => voice.linkMinuteItem(callerOf(req), locals.recommendation.id, value),
      )
    ) {
      flash(req, 'The recommendation is linked to the agenda item where the board considered it.');
      res.redirect(303, `${base(req)}/recommendations#recommendation-${locals.recommendation.id}`);
    }
  });
  router.get('/voice/recommendations/:recommendation/report-back', async (req, res) => {
    res.render(`${views}/report-back-form.njk`, {
      ...(await recommendationOf(req, 'Report the response back to the young people\u2019s board')),
      values: {},
    });
  });
  router.post('/voice/recommendations/:recommendation/report-back', async (req, res) => {
    const locals = await recommendationOf(req, 'Report the response back to the young people\u2019s board');
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/report-back-form.njk`, locals, schema: reportBackSchema, input: req.body },
        async (value) => {
          await voice.reportBack(callerOf(req), locals.recommendation.id, value.meetingId);
        },
      )
    ) {
      flash(req, 'The report back has been recorded: the loop is closed.');
      res.redirect(303, `${base(req)}/recommendations`);
    }
  });
  router.get('/voice/priorities', async (req, res) => {
    res.render(`${views}/priorities.njk`, {
      title: 'Plan priorities that came from what young people said',
      ...common(req),
      priorities: await voice.priorityOrigins(callerOf(req)),
    });
  });

  // ---- one consultation
  const shared = (req: Request) => voice.get(callerOf(req), param(req, 'consultation'));
  const pageOf = (req: Request, found: SharedConsultation, title: string) => ({
    title,
    ...common(req),
    ...found,
    page: `${base(req)}/${found.consultation.slug}`,
    canEdit: allowed(req, 'partnership.edit'),
  });

  router.get('/voice/:consultation', async (req, res) => {
    const found = await shared(req);
    const link = linkOf(req, publicUrl, found.consultation.linkToken);
    res.render(`${views}/show.njk`, {
      ...pageOf(req, found, found.consultation.title),
      link,
      qr: qrSvg(link, `QR code for the link to ${found.consultation.title}`),
      publicPage: `/public/${tenantOf(req).slug}/voice/${found.consultation.slug}`,
    });
  });

  router.get('/voice/:consultation/poster', async (req, res) => {
    const found = await shared(req);
    const link = linkOf(req, publicUrl, found.consultation.linkToken);
    res.render(`${views}/poster.njk`, {
      ...pageOf(req, found, `Poster: ${found.consultation.title}`),
      link,
      qr: qrSvg(link, `QR code: scan it to answer ${found.consultation.title}`),
    });
  });

  router.get('/voice/:consultation/results', async (req, res) => {
    const found = await shared(req);
    const name = fileName(tenantOf(req).slug, found.consultation.slug, 'results');
    if (req.query.format === 'csv') {
      sendCsv(res, name, resultsCsv(found));
      return;
    }
    if (req.query.format === 'docx')
      return sendDocument(res, { name, type: 'docx', content: await resultsDocx(found, tenantOf(req).name) });
    const locals = pageOf(req, found, `Results: ${found.consultation.title}`);
    if (req.query.format === 'pdf')
      return sendPdf(res, printer, {
        name,
        title: locals.title,
        html: await renderPrintable(res, `${views}/results-print.njk`, locals),
      });
    res.render(`${views}/results.njk`, locals);
  });

  const editLocals = async (req: Request) => {
    const found = await shared(req);
    const c = found.consultation;
    return {
      found,
      locals: { ...detailsLocals(req, false), consultation: c },
      values: {
        ...c,
        areas: c.areas.join('\n'),
        asksContact: c.asksContact ? 'yes' : 'no',
        responseLimit: c.responseLimit ?? '',
        ...Object.fromEntries(Object.entries(partsOf(c.opensOn)).map(([k, v]) => [`opensOn-${k}`, v])),
        ...Object.fromEntries(Object.entries(partsOf(c.closesOn)).map(([k, v]) => [`closesOn-${k}`, v])),
      },
    };
  };
  router.get('/voice/:consultation/edit', async (req, res) => {
    const { locals, values } = await editLocals(req);
    res.render(`${views}/form.njk`, { ...locals, values });
  });
  router.post('/voice/:consultation/edit', async (req, res) => {
    const { locals } = await editLocals(req);
    let slug = '';
    if (
      await submitForm(
        req,
        res,
        {
          view: `${views}/form.njk`,
          locals,
          schema: consultationSchema,
          input: withDates(req.body, 'opensOn', 'closesOn'),
        },
        async (value) => {
          slug = await voice.update(callerOf(req), param(req, 'consultation'), value);
        },
      )
    ) {
      flash(req, 'The consultation has been changed.');
      res.redirect(303, `${base(req)}/${slug}`);
    }
  });

  const questionLocals = async (req: Request) => {
    const found = await shared(req);
    return { ...pageOf(req, found, 'Add a question'), backLink: `${base(req)}/${found.consultation.slug}` };
  };
  router.get('/voice/:consultation/questions/new', async (req, res) => {
    res.render(`${views}/question.njk`, { ...(await questionLocals(req)), values: {} });
  });
  router.post('/voice/:consultation/questions/new', async (req, res) => {
    const locals = await questionLocals(req);
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/question.njk`, locals, schema: questionSchema, input: req.body },
        (value) => voice.addQuestion(callerOf(req), param(req, 'consultation'), value),
      )
    ) {
      flash(req, 'The question has been added.');
      res.redirect(303, locals.page);
    }
  });

  /** A button's post: on a rule broken, the consultation's page again with the message. */
  async function act(req: Request, res: Response, work: () => Promise<void>, message: string) {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      const found = await shared(req);
      const link = linkOf(req, publicUrl, found.consultation.linkToken);
      return res.status(400).render(`${views}/show.njk`, {
        ...pageOf(req, found, found.consultation.title),
        link,
        qr: qrSvg(link, `QR code for the link to ${found.consultation.title}`),
        publicPage: `/public/${tenantOf(req).slug}/voice/${found.consultation.slug}`,
        errors: formErrors(error.problems),
      });
    }
    flash(req, message);
    res.redirect(303, `${base(req)}/${param(req, 'consultation')}`);
  }
  // removing a draft's question: a page that asks first (ADR 0048), then the POST from it
  confirmDeletion(router, {
    path: '/voice/:consultation/questions/:question/remove',
    permission: requirePermission('partnership.edit'),
    title: 'Remove a question',
    buttonText: 'Remove the question',
    goesIntro: 'Removing it also removes:',
    locals: common,
    about: async (req) => {
      const found = await voice.questionRemoval(
        callerOf(req),
        param(req, 'consultation'),
        param(req, 'question'),
      );
      const { question } = found;
      return {
        caption: `${tenantOf(req).name}: ${found.consultation.title}`,
        subject: `Question ${found.number}: ${question.text}`,
        goes: [
          ...(question.easyRead ? [`Its easy read wording: ${question.easyRead}`] : []),
          ...(question.choices.length ? [`Its choices: ${question.choices.join(', ')}`] : []),
        ],
        stays: [
          found.after
            ? `The other questions, in their order (question ${found.number + 1} becomes question ${found.number})`
            : 'The other questions, in their order',
        ],
        refusal: found.refusal,
        backLink: `${base(req)}/${found.consultation.slug}`,
      };
    },
    remove: async (req) => {
      await voice.removeQuestion(callerOf(req), param(req, 'consultation'), param(req, 'question'));
      return `${base(req)}/${param(req, 'consultation')}`;
    },
    done: 'The question has been removed.',
  });
  router.post('/voice/:consultation/status', async (req, res) => {
    const parsed = statusSchema.safeParse(req.body);
    const status = parsed.success ? parsed.data.status : null;
    await act(
      req,
      res,
      async () => {
        if (!status) throw new RuleViolation([{ path: 'status', message: 'Select what to do' }]);
        await voice.setStatus(callerOf(req), param(req, 'consultation'), status);
      },
      status === 'open'
        ? 'The consultation is open: share its link and poster.'
        : 'The consultation has closed.',
    );
  });

  // ---- moderation: the one place a respondent's words are read before approval
  const moderationLocals = async (req: Request) => {
    const found = await voice.moderation(callerOf(req), param(req, 'consultation'));
    return {
      title: `Moderate answers: ${found.consultation.title}`,
      ...common(req),
      ...found,
      page: `${base(req)}/${found.consultation.slug}`,
      backLink: `${base(req)}/${found.consultation.slug}`,
    };
  };
  router.get('/voice/:consultation/moderation', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.render(`${views}/moderation.njk`, await moderationLocals(req));
  });
  router.post('/voice/:consultation/moderation/:answer', async (req, res) => {
    const answer = param(req, 'answer');
    const body = { moderation: req.body[`moderation-${answer}`], theme: req.body[`theme-${answer}`] };
    const parsed = moderationSchema.safeParse(body);
    try {
      if (!parsed.success)
        throw new RuleViolation([
          { path: `moderation-${answer}`, message: 'Select whether the answer may be quoted' },
        ]);
      await voice.moderate(callerOf(req), param(req, 'consultation'), answer, parsed.data);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      res.set('Cache-Control', 'no-store');
      return res.status(400).render(`${views}/moderation.njk`, {
        ...(await moderationLocals(req)),
        errors: formErrors(error.problems),
      });
    }
    flash(req, 'The answer has been moderated.');
    res.redirect(303, `${base(req)}/${param(req, 'consultation')}/moderation`);
  });

  // ---- themes and what was done
  const themeLocals = async (req: Request) => {
    const found = await shared(req);
    return { ...pageOf(req, found, 'Add a theme'), backLink: `${base(req)}/${found.consultation.slug}` };
  };
  router.get('/voice/:consultation/themes/new', async (req, res) => {
    res.render(`${views}/theme.njk`, { ...(await themeLocals(req)), values: {} });
  });
  router.post('/voice/:consultation/themes/new', async (req, res) => {
    const locals = await themeLocals(req);
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/theme.njk`, locals, schema: themeSchema, input: req.body },
        async (value) => {
          await voice.addTheme(callerOf(req), param(req, 'consultation'), value);
        },
      )
    ) {
      flash(req, 'The theme has been added. Code answers to it, and record what was done about it.');
      res.redirect(303, locals.page);
    }
  });
  const outcomeLocals = async (req: Request) => {
    const found = await shared(req);
    const theme = found.themes.find((t) => t.code === param(req, 'theme'));
    if (!theme) throw notFound();
    return {
      ...pageOf(req, found, `What was done about \u201c${theme.title}\u201d`),
      theme,
      targets: await voice.targets(callerOf(req)),
      backLink: `${base(req)}/${found.consultation.slug}`,
    };
  };
  router.get('/voice/:consultation/themes/:theme/outcomes/new', async (req, res) => {
    res.render(`${views}/outcome.njk`, { ...(await outcomeLocals(req)), values: {} });
  });
  router.post('/voice/:consultation/themes/:theme/outcomes/new', async (req, res) => {
    const locals = await outcomeLocals(req);
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/outcome.njk`, locals, schema: outcomeSchema, input: req.body },
        (value) => voice.addOutcome(callerOf(req), param(req, 'consultation'), param(req, 'theme'), value),
      )
    ) {
      flash(req, 'What was done has been recorded.');
      res.redirect(303, locals.page);
    }
  });

  // ---- the summary and the board paper
  const summaryLocals = async (req: Request) => {
    const found = await shared(req);
    return {
      ...pageOf(req, found, 'Summary for the board'),
      backLink: `${base(req)}/${found.consultation.slug}`,
    };
  };
  router.get('/voice/:consultation/summary', async (req, res) => {
    const locals = await summaryLocals(req);
    res.render(`${views}/summary.njk`, {
      ...locals,
      values: {
        summary: locals.consultation.summary,
        resultsPublic: locals.consultation.resultsPublic ? 'yes' : '',
      },
    });
  });
  router.post('/voice/:consultation/summary', async (req, res) => {
    const locals = await summaryLocals(req);
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/summary.njk`, locals, schema: summarySchema, input: req.body },
        (value) => voice.setSummary(callerOf(req), param(req, 'consultation'), value),
      )
    ) {
      flash(req, 'The summary has been saved.');
      res.redirect(303, locals.page);
    }
  });
  const paperLocals = async (req: Request) => {
    const found = await shared(req);
    const meetings = (await voice.recommendations(callerOf(req))).boardMeetings;
    return {
      ...pageOf(req, found, 'Send to a board meeting'),
      meetings,
      backLink: `${base(req)}/${found.consultation.slug}`,
    };
  };
  router.get('/voice/:consultation/paper', async (req, res) => {
    res.render(`${views}/paper.njk`, { ...(await paperLocals(req)), values: {} });
  });
  router.post('/voice/:consultation/paper', async (req, res) => {
    const locals = await paperLocals(req);
    let meetingId = '';
    if (
      await submitForm(
        req,
        res,
        { view: `${views}/paper.njk`, locals, schema: paperSchema, input: req.body },
        async (value) => {
          meetingId = value.meetingId;
          await voice.sendToBoard(callerOf(req), param(req, 'consultation'), value, (shared) =>
            resultsDocx(shared, tenantOf(req).name),
          );
        },
      )
    ) {
      flash(req, 'The results and summary are on the meeting\u2019s agenda as a paper.');
      res.redirect(303, `/partnerships/${tenantOf(req).slug}/meetings/${meetingId}`);
    }
  });

  return router;
}
