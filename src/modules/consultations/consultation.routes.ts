// Inbound consultations: the list, one consultation with its response (page, Word, PDF),
// placing one on an agenda item, and recording the board's answers.
import { Router, type Request } from 'express';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { dateParts, today } from '../../platform/http/date-input.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { renderPrintable, sendDocument, sendPdf } from '../../platform/documents/render.ts';
import { fileName } from '../../platform/documents/file-names.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { AgendaService } from '../agenda/index.ts';
import type { ConsultationEntry, ConsultationService } from './consultation.service.ts';
import { answersSchema, consultationFormSchema } from './consultation.schemas.ts';
import { responseDocx } from './consultation.docx.ts';
import { type MeetingsService, isId, type ConsultationsJson } from '../meetings/index.ts';

const views = 'modules/consultations/views';

const introduction = (partnership: string, c: ConsultationEntry) =>
  `The response of ${partnership} to the consultation “${c.title}” from ${c.issuedBy}, due ${formatDate(c.deadline)}: the answers agreed at ${c.meeting.title} on ${formatDate(c.meeting.startsAt)} (item ${c.itemNumber}). Produced by Cooperate from the partnership’s records.`;

export function consultationRoutes(
  meetings: MeetingsService,
  agenda: AgendaService,
  consultations: ConsultationService,
  printer: PdfPrinter,
): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;

  async function consultationOf(req: Request) {
    const id = String(req.params.consultation);
    if (!isId(id)) throw notFound();
    return consultations.get(callerOf(req), id);
  }

  router.get('/consultations', async (req, res) => {
    res.render(`${views}/consultations.njk`, {
      title: 'Consultations',
      base: base(req),
      consultations: await consultations.list(callerOf(req)),
    });
  });

  router.get('/consultations/:consultation', async (req, res) => {
    const consultation = await consultationOf(req);
    const name = fileName(tenantOf(req).slug, 'response-to', consultation.title, consultation.deadline);
    const title = `Response to ${consultation.title}`;
    const intro = introduction(tenantOf(req).name, consultation);
    if (req.query.format === 'docx' || req.query.format === 'pdf')
      res.set('Cache-Control', 'private, no-store');
    if (req.query.format === 'docx')
      return sendDocument(res, {
        name,
        type: 'docx',
        content: await responseDocx(tenantOf(req).name, consultation, intro),
      });
    if (req.query.format === 'pdf') {
      const html = await renderPrintable(res, `${views}/consultation-print.njk`, {
        title,
        introduction: intro,
        consultation,
      });
      return sendPdf(res, printer, { name, title, html });
    }
    res.render(`${views}/consultation.njk`, {
      title: consultation.title,
      consultation,
      passed: consultation.deadline < today(),
      canEdit: allowed(req, 'partnership.edit'),
      meetingUrl: `${base(req)}/meetings/${consultation.meetingId}`,
      answersUrl: `${base(req)}/consultations/${consultation.id}/answers`,
      backLink: `${base(req)}/consultations`,
    });
  });

  async function itemOf(req: Request) {
    const [meetingId, itemId] = [String(req.params.meeting), String(req.params.item)];
    if (!isId(meetingId) || !isId(itemId)) throw notFound();
    const meeting = await meetings.get(callerOf(req), meetingId);
    const item = (await agenda.agenda(callerOf(req), meetingId)).find((i) => i.id === itemId && !i.withheld);
    if (!item) throw notFound();
    return { meeting, item };
  }

  const placePath = '/meetings/:meeting/agenda/:item/consultations/new';
  const placeLocals = (req: Request, found: Awaited<ReturnType<typeof itemOf>>) => ({
    title: `Add a consultation to item ${found.item.number}`,
    meeting: found.meeting,
    item: found.item,
    backLink: `${base(req)}/meetings/${found.meeting.id}#item-${found.item.number}`,
  });

  router.get(placePath, requirePermission('partnership.edit'), async (req, res) => {
    const found = await itemOf(req);
    res.render(`${views}/consultation-form.njk`, { ...placeLocals(req, found), values: {} });
  });

  router.post(placePath, requirePermission('partnership.edit'), async (req, res) => {
    const found = await itemOf(req);
    let id = '';
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/consultation-form.njk`,
        locals: placeLocals(req, found),
        schema: consultationFormSchema,
        input: { ...req.body, deadline: dateParts(req.body, 'deadline') },
      },
      async (value) => {
        id = await consultations.place(callerOf(req), found.meeting.id, found.item.id, value);
      },
    );
    if (!done) return;
    flash(req, 'The consultation has been added');
    res.redirect(303, `${base(req)}/consultations/${id}`);
  });

  const answersLocals = (req: Request, consultation: ConsultationEntry) => ({
    title: 'Record the board’s answers',
    consultation,
    backLink: `${base(req)}/consultations/${consultation.id}`,
  });

  router.get(
    '/consultations/:consultation/answers',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const consultation = await consultationOf(req);
      const values = Object.fromEntries(
        consultation.questions.map((q) => [`answer-${q.number}`, q.answer ?? '']),
      );
      res.render(`${views}/consultation-answers.njk`, { ...answersLocals(req, consultation), values });
    },
  );

  router.post(
    '/consultations/:consultation/answers',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const consultation = await consultationOf(req);
      const { _csrf: _, ...posted } = req.body as Record<string, unknown>;
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/consultation-answers.njk`,
          locals: answersLocals(req, consultation),
          schema: answersSchema,
          input: posted,
        },
        async (value) => {
          const answers = new Map(
            Object.entries(value).map(([key, answer]) => [Number(key.slice(7)), answer]),
          );
          await consultations.answer(callerOf(req), consultation.id, answers);
        },
      );
      if (!done) return;
      flash(req, 'The answers have been saved');
      res.redirect(303, `${base(req)}/consultations/${consultation.id}`);
    },
  );

  return router;
}

/** GET /api/v1/partnerships/{slug}/consultations: each with its deadline, item and answers. */
export function consultationsApi(consultations: ConsultationService): Router {
  const router = Router({ mergeParams: true });
  router.get('/consultations', async (req, res) => {
    const items = await consultations.list(callerOf(req));
    const answer: ConsultationsJson = {
      count: items.length,
      items: items.map((c) => ({
        id: c.id,
        title: c.title,
        issuedBy: c.issuedBy,
        deadline: c.deadline,
        summary: c.summary,
        meeting: { id: c.meeting.id, title: c.meeting.title, startsAt: c.meeting.startsAt.toISOString() },
        item: c.itemNumber,
        questions: c.questions.map((q) => ({
          number: q.number,
          question: q.question,
          answer: q.answer,
          answeredAt: q.answeredAt?.toISOString() ?? null,
        })),
      })),
    };
    res.json(answer);
  });
  return router;
}
