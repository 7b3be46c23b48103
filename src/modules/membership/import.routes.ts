// Importing a body's membership list: the list's date (and, for next year's list, the day the
// members not on it leave) with the file, a preview of every difference row by row, then
// confirm (issue 15). The preview makes the import's own changes and rolls them back, so it
// refuses what the import refuses; nothing is saved until the user confirms.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { dateInput, dateValues, today, withDates } from '../../platform/http/date-input.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import { acceptUpload, uploadedFile } from '../../platform/imports/upload.ts';
import type { BodiesService } from '../bodies/index.ts';
import type { MembershipService } from './membership.service.ts';
import type { ImportPlan, ListOptions } from './membership.list-import.ts';
import {
  ImportFileInvalid,
  listColumns,
  readMembershipFile,
  type ImportRow,
  type UnreadableRow,
} from './membership.import.ts';
import {
  categories,
  categoryValues,
  sectors,
  sectorValues,
  type Category,
  type Sector,
} from './membership.vocabulary.ts';

const views = 'modules/membership/views';

const listDates = z
  .object({
    on: dateInput('The date of the list', { required: false }).transform((value) => value ?? today()),
    leaveOn: dateInput('The day members not on the list leave', { required: false }),
  })
  .refine((value) => !value.leaveOn || value.leaveOn < value.on, {
    path: ['leaveOn', 'day'],
    message: 'The day members not on the list leave must be before the date of the list',
  });

const items = (record: Record<string, string>, chosen: string | null | undefined, blank?: string) => [
  ...(blank !== undefined ? [{ value: '', text: blank, selected: !chosen }] : []),
  ...Object.entries(record).map(([value, text]) => ({ value, text, selected: value === chosen })),
];

export function importRoutes(membership: MembershipService, bodies: BodiesService): Router {
  const router = Router({ mergeParams: true });
  router.use('/bodies/:body/seats/import', requirePermission('partnership.edit'));

  async function bodyOf(req: Request) {
    const found = await bodies.bySlug(callerOf(req), String(req.params.body));
    if (!found) throw notFound();
    const base = `/partnerships/${tenantOf(req).slug}/bodies/${found.body.slug}`;
    return {
      body: found.body,
      base,
      locals: {
        title: `Import members of ${found.body.name}`,
        tenant: tenantOf(req),
        body: found.body,
        columns: listColumns,
        base,
        backLink: `${base}/seats`,
      },
    };
  }

  /** The preview page: the plan, unreadable rows as read, and a choice for each new organisation. */
  function preview(
    res: Response,
    locals: Record<string, unknown>,
    view: {
      plan: ImportPlan;
      problems: { line: number; message: string; href?: string; where?: string }[];
      unreadable: UnreadableRow[];
      /** The cells of every row as written, by line. */
      written?: Map<number, { column: string; value: string }[]>;
      fileName: string;
      /** Rows whose characters the file's encoding could not give. */
      warnings?: string[];
      chosen?: Record<string, string>;
      errors?: ReturnType<typeof formErrors>;
    },
    status: number,
  ) {
    const chosen = view.chosen ?? {};
    // every problem's row is shown: planned rows, seat rows, unreadable rows, then the rest as written
    const shown = new Set([
      ...view.plan.rows.map((row) => row.line),
      ...view.unreadable.map((row) => row.line),
    ]);
    const vacantSeats = view.plan.seats.filter((seat) => !shown.has(seat.line));
    for (const seat of vacantSeats) shown.add(seat.line);
    const otherLines = [...new Set(view.problems.map((p) => p.line))]
      .filter((line) => line > 0 && !shown.has(line))
      .map((line) => ({ line, cells: view.written?.get(line) ?? [] }));
    res.status(status).render(`${views}/import-preview.njk`, {
      ...locals,
      title: `Check the import into ${(locals.body as { name: string }).name}`,
      ...view,
      vacantSeats,
      otherLines,
      newOrganisations: view.plan.newOrganisations.map((organisation, index) => ({
        ...organisation,
        index,
        sectorItems: items(sectors, chosen[`org-${index}-sector`], 'Choose the sector'),
        categoryItems: items(
          categories,
          chosen[`org-${index}-category`] ?? organisation.category,
          'None of these',
        ),
      })),
    });
  }

  router.get('/bodies/:body/seats/import', async (req, res) => {
    const { locals } = await bodyOf(req);
    res.render(`${views}/import.njk`, { ...locals, values: dateValues('on', today()) });
  });

  router.post('/bodies/:body/seats/import', acceptUpload(), async (req, res) => {
    const { body, locals } = await bodyOf(req);
    const input = (req.body ?? {}) as Record<string, unknown>;
    const refuse = (problems: { path: string; message: string }[]) =>
      res
        .status(400)
        .render(`${views}/import.njk`, { ...locals, values: input, errors: formErrors(problems) });
    const dates = listDates.safeParse(withDates(input, 'on', 'leaveOn'));
    if (!dates.success)
      return refuse(
        dates.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      );
    const file = uploadedFile(req);
    if ('problem' in file) return refuse([{ path: 'file', message: file.problem }]);
    let read: Awaited<ReturnType<typeof readMembershipFile>>;
    try {
      read = await readMembershipFile(file.name, file.content, file.encoding);
    } catch (error) {
      if (error instanceof ImportFileInvalid) return refuse([{ path: 'file', message: error.message }]);
      throw error;
    }
    const options = { on: dates.data.on, leaveOn: dates.data.leaveOn ?? null };
    const plan = await membership.previewImport(callerOf(req), body.id, read.rows, options, file.name);
    const problems = [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line);
    if (!problems.length)
      req.session.pendingImport = {
        kind: 'membership',
        target: body.id,
        fileName: file.name,
        rows: read.rows,
        options,
      };
    else delete req.session.pendingImport;
    preview(
      res,
      locals,
      {
        plan,
        problems,
        unreadable: read.unreadable,
        written: read.written,
        fileName: file.name,
        warnings: read.warnings,
      },
      problems.length ? 400 : 200,
    );
  });

  router.post('/bodies/:body/seats/import/confirm', async (req, res) => {
    const { body, base, locals } = await bodyOf(req);
    const pending = req.session.pendingImport;
    if (!pending || pending.kind !== 'membership' || pending.target !== body.id) {
      return res.status(400).render(`${views}/import.njk`, {
        ...locals,
        values: dateValues('on', today()),
        errors: formErrors([{ path: 'file', message: 'The file to import has expired: upload it again' }]),
      });
    }
    const rows = pending.rows as ImportRow[];
    const listed = pending.options as Pick<ListOptions, 'on' | 'leaveOn'>;
    const input = (req.body ?? {}) as Record<string, string>;
    const caller = callerOf(req);
    // each new organisation's sector (required) and category, as chosen on the preview
    const planned = await membership.previewImport(caller, body.id, rows, listed, pending.fileName);
    const newOrganisations: ListOptions['newOrganisations'] = {};
    const choiceProblems: { path: string; message: string }[] = [];
    for (const [index, organisation] of planned.newOrganisations.entries()) {
      const sector = input[`org-${index}-sector`] ?? '';
      const category = input[`org-${index}-category`] ?? '';
      if (!(sectorValues as string[]).includes(sector))
        choiceProblems.push({
          path: `org-${index}-sector`,
          message: `Select the sector of ${organisation.name}`,
        });
      else if (category && !(categoryValues as string[]).includes(category))
        choiceProblems.push({
          path: `org-${index}-category`,
          message: `Select a category of ${organisation.name} from the list`,
        });
      else
        newOrganisations[organisation.name.trim().toLowerCase().replace(/\s+/g, ' ')] = {
          sector: sector as Sector,
          category: (category || null) as Category | null,
        };
    }
    if (choiceProblems.length)
      return preview(
        res,
        locals,
        {
          plan: planned,
          problems: planned.problems,
          unreadable: [],
          fileName: pending.fileName,
          chosen: input,
          errors: formErrors(choiceProblems),
        },
        400,
      );
    try {
      const plan = await membership.importMembers(caller, body.id, rows, pending.fileName, {
        ...listed,
        newOrganisations,
      });
      delete req.session.pendingImport;
      flash(
        req,
        plan.unchanged
          ? 'The list matches the membership: nothing has changed'
          : `The list has been imported: ${plan.joins} joining, ${plan.moves} changing seat, ${plan.leavers.length} leaving, ${plan.stays} staying`,
      );
      res.redirect(303, `${base}/seats?at=${listed.on}`);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      // Something changed since the preview: show the problems, nothing was written.
      res.status(400).render(`${views}/import.njk`, {
        ...locals,
        values: dateValues('on', listed.on),
        errors: formErrors(error.problems.map((p) => ({ path: 'file', message: p.message }))),
      });
    }
  });

  return router;
}
