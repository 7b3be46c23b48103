// A meeting's agenda items and papers: adding, changing and removing items (a paper uploaded
// with the item's form), and downloading a paper (never an exempt one without the right).
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import multer from 'multer';
import {
  isMalformedUpload,
  unreadableUpload,
  uploadControlProblem,
} from '../../platform/http/control-characters.ts';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { confirmDeletion, listed, type ConfirmDeletion } from '../../platform/http/confirm-deletion.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formErrors } from '../../platform/http/validation.ts';
import type { AgendaService, UploadedPaper } from './agenda.service.ts';
import {
  type MeetingsService,
  agendaItemSchema,
  exemptParagraphs,
  itemPurposes,
  isId,
} from '../meetings/index.ts';
import { acceptedExtensions, paperSizeLimit } from './papers.ts';

const views = 'modules/agenda/views';
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: paperSizeLimit, files: 1 } });

/** Reads the form with its optional paper; a file too large becomes a message, not an error page. */
const withPaper: RequestHandler = (req, res, next) => {
  upload.single('paper')(req, res, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      req.uploadProblem =
        error.code === 'LIMIT_FILE_SIZE'
          ? 'The paper must be smaller than 10 MB'
          : 'The paper could not be uploaded';
      return next();
    }
    // ADR 0044: a file name or field with a control character is a form error, never a 500
    const problem = isMalformedUpload(error)
      ? unreadableUpload
      : error
        ? undefined
        : uploadControlProblem(req);
    if (problem) req.uploadProblem = problem;
    next(problem ? undefined : error);
  });
};

const uploaded = (req: Request): UploadedPaper | undefined =>
  req.file && req.file.size ? { fileName: req.file.originalname, content: req.file.buffer } : undefined;

export function agendaRoutes(meetings: MeetingsService, agenda: AgendaService): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;

  async function meetingOf(req: Request) {
    const id = String(req.params.meeting);
    if (!isId(id)) throw notFound();
    const meeting = await meetings.get(callerOf(req), id);
    const items = await agenda.agenda(callerOf(req), meeting.id);
    return { meeting, items, meetingUrl: `${base(req)}/meetings/${meeting.id}` };
  }

  const formLocals = (req: Request, found: Awaited<ReturnType<typeof meetingOf>>, title: string) => ({
    title,
    tenant: tenantOf(req),
    meeting: found.meeting,
    purposeItems: Object.entries(itemPurposes).map(([value, text]) => ({ value, text })),
    paragraphs: exemptParagraphs,
    accepted: acceptedExtensions.map((extension) => `.${extension}`).join(','),
    backLink: found.meetingUrl,
  });

  async function itemOf(req: Request, found: Awaited<ReturnType<typeof meetingOf>>) {
    const item = found.items.find((candidate) => candidate.id === req.params.item);
    if (!item) throw notFound();
    return item;
  }

  router.get('/meetings/:meeting/agenda/new', requirePermission('partnership.edit'), async (req, res) => {
    const found = await meetingOf(req);
    const next = Math.max(0, ...found.items.map((item) => item.number)) + 1;
    res.render(`${views}/item-form.njk`, {
      ...formLocals(req, found, `Add an item to the agenda of ${found.meeting.title}`),
      isNew: true,
      values: { number: next, purpose: 'information', exempt: 'no' },
    });
  });

  /**
   * An item's form sent: a paper the upload could not read is refused before anything else is
   * checked (the form comes back with the fields as sent), then the form is saved or refused.
   */
  const saveItem = async (
    req: Request,
    res: Response,
    locals: Record<string, unknown>,
    save: (value: z.output<typeof agendaItemSchema>) => Promise<void>,
  ): Promise<boolean> => {
    if (req.uploadProblem) {
      res.status(400).render(`${views}/item-form.njk`, {
        ...locals,
        values: req.body,
        errors: formErrors([{ path: 'paper', message: req.uploadProblem }]),
      });
      return false;
    }
    return submitForm(
      req,
      res,
      { view: `${views}/item-form.njk`, locals, schema: agendaItemSchema, input: req.body },
      save,
    );
  };

  router.post(
    '/meetings/:meeting/agenda/new',
    requirePermission('partnership.edit'),
    withPaper,
    async (req, res) => {
      const found = await meetingOf(req);
      const locals = {
        ...formLocals(req, found, `Add an item to the agenda of ${found.meeting.title}`),
        isNew: true,
      };
      const saved = await saveItem(req, res, locals, async (value) => {
        await agenda.addItem(callerOf(req), found.meeting.id, value, uploaded(req));
      });
      if (!saved) return;
      flash(req, 'The item has been added to the agenda');
      res.redirect(303, `${found.meetingUrl}#agenda`);
    },
  );

  router.get(
    '/meetings/:meeting/agenda/:item/edit',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const found = await meetingOf(req);
      const item = await itemOf(req, found);
      res.render(`${views}/item-form.njk`, {
        ...formLocals(req, found, `Change item ${item.number}`),
        item,
        values: { ...item, exempt: item.exempt ? 'yes' : 'no' },
      });
    },
  );

  router.post(
    '/meetings/:meeting/agenda/:item/edit',
    requirePermission('partnership.edit'),
    withPaper,
    async (req, res) => {
      const found = await meetingOf(req);
      const item = await itemOf(req, found);
      const locals = { ...formLocals(req, found, `Change item ${item.number}`), item };
      const saved = await saveItem(req, res, locals, async (value) => {
        await agenda.updateItem(callerOf(req), found.meeting.id, item.id, value, uploaded(req));
      });
      if (!saved) return;
      flash(req, `Item ${item.number} has been changed`);
      res.redirect(303, `${found.meetingUrl}#agenda`);
    },
  );

  // Removing an item or a paper asks first, saying what goes with it (ADR 0048).
  const removal = (spec: Omit<ConfirmDeletion, 'permission' | 'locals'>) =>
    confirmDeletion(router, {
      ...spec,
      permission: requirePermission('partnership.edit'),
      locals: (req) => ({ tenant: tenantOf(req), base: base(req) }),
    });

  removal({
    path: '/meetings/:meeting/agenda/:item/remove',
    title: 'Remove an item from the agenda',
    buttonText: 'Remove the item',
    about: async (req) => {
      const found = await meetingOf(req);
      const { item, dependants } = await agenda.removal(
        callerOf(req),
        found.meeting.id,
        (await itemOf(req, found)).id,
      );
      const goes = dependants.filter((dependant) => dependant.goes);
      const its = goes.map((dependant) => dependant.named);
      return {
        caption: `${tenantOf(req).name}: ${found.meeting.title}`,
        subject: `Item ${item.number}: ${item.title}${its.length ? `, with ${listed(its)}` : ''}.`,
        goes: [
          ...goes.map((dependant) => dependant.line),
          'The board pack, if there is one, is made again without it',
        ],
        stays: [
          ...dependants.filter((dependant) => !dependant.goes).map((dependant) => dependant.line),
          'The other items keep their numbers',
        ],
        backLink: `${found.meetingUrl}#agenda`,
      };
    },
    remove: async (req) => {
      const found = await meetingOf(req);
      const item = await itemOf(req, found);
      await agenda.removeItem(callerOf(req), found.meeting.id, item.id);
      return `${found.meetingUrl}#agenda`;
    },
    done: 'The item has been removed from the agenda',
  });

  router.get('/meetings/:meeting/papers/:paper', async (req, res) => {
    const [meetingId, paperId] = [String(req.params.meeting), String(req.params.paper)];
    if (!isId(meetingId) || !isId(paperId)) throw notFound();
    const paper = await agenda.paper(callerOf(req), meetingId, paperId);
    res
      .set('Cache-Control', 'private, no-store')
      .type(paper.mediaType)
      .attachment(paper.fileName)
      .send(paper.content);
  });

  removal({
    path: '/meetings/:meeting/papers/:paper/remove',
    title: 'Remove a paper',
    buttonText: 'Remove the paper',
    about: async (req) => {
      const found = await meetingOf(req);
      const item = found.items.find((candidate) =>
        candidate.papers.some((paper) => paper.id === req.params.paper),
      );
      const paper = item?.papers.find((candidate) => candidate.id === req.params.paper);
      if (!item || !paper) throw notFound();
      return {
        caption: `${tenantOf(req).name}: ${found.meeting.title}`,
        subject: `The paper ${paper.fileName} of item ${item.number}: ${item.title}.`,
        goes: [
          'The file itself: download it first if you need a copy',
          'The board pack, if there is one, is made again without it',
        ],
        stays: ['The item, its other papers, its minutes and decisions'],
        backLink: `${found.meetingUrl}#agenda`,
      };
    },
    remove: async (req) => {
      const [meetingId, paperId] = [String(req.params.meeting), String(req.params.paper)];
      if (!isId(meetingId) || !isId(paperId)) throw notFound();
      await agenda.removePaper(callerOf(req), meetingId, paperId);
      return `${base(req)}/meetings/${meetingId}#agenda`;
    },
    done: 'The paper has been removed',
  });

  return router;
}
