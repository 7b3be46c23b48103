// Importing a body's membership list: upload, a preview with a row-by-row report, then
// confirm. Nothing is written until the whole file is right and the user confirms it.
import { Router, type Request } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import { acceptUpload, uploadedFile } from '../../platform/imports/upload.ts';
import type { BodiesService } from '../bodies/index.ts';
import type { MembershipService } from './membership.service.ts';
import { ImportFileInvalid, importColumns, readMembershipFile, type ImportRow } from './membership.import.ts';

const views = 'modules/membership/views';

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
        columns: importColumns,
        base,
        backLink: `${base}/seats`,
      },
    };
  }

  router.get('/bodies/:body/seats/import', async (req, res) => {
    const { locals } = await bodyOf(req);
    res.render(`${views}/import.njk`, locals);
  });

  router.post('/bodies/:body/seats/import', acceptUpload(), async (req, res) => {
    const { body, locals } = await bodyOf(req);
    const refuse = (message: string) =>
      res
        .status(400)
        .render(`${views}/import.njk`, { ...locals, errors: formErrors([{ path: 'file', message }]) });
    const file = uploadedFile(req);
    if ('problem' in file) return refuse(file.problem);
    let read: Awaited<ReturnType<typeof readMembershipFile>>;
    try {
      read = await readMembershipFile(file.name, file.content);
    } catch (error) {
      if (error instanceof ImportFileInvalid) return refuse(error.message);
      throw error;
    }
    const plan = await membership.previewImport(callerOf(req), body.id, read.rows);
    const problems = [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line);
    if (!problems.length)
      req.session.pendingImport = {
        kind: 'membership',
        target: body.id,
        fileName: file.name,
        rows: read.rows,
      };
    res.status(problems.length ? 400 : 200).render(`${views}/import-preview.njk`, {
      ...locals,
      title: `Check the import into ${body.name}`,
      plan,
      problems,
      fileName: file.name,
    });
  });

  router.post('/bodies/:body/seats/import/confirm', async (req, res) => {
    const { body, base, locals } = await bodyOf(req);
    const pending = req.session.pendingImport;
    if (!pending || pending.kind !== 'membership' || pending.target !== body.id) {
      return res.status(400).render(`${views}/import.njk`, {
        ...locals,
        errors: formErrors([{ path: 'file', message: 'The file to import has expired: upload it again' }]),
      });
    }
    try {
      const plan = await membership.importMembers(
        callerOf(req),
        body.id,
        pending.rows as ImportRow[],
        pending.fileName,
      );
      delete req.session.pendingImport;
      flash(req, `${plan.rows.length} members have been imported`);
      res.redirect(303, `${base}/seats`);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      // Something changed since the preview: show the problems, nothing was written.
      res.status(400).render(`${views}/import.njk`, {
        ...locals,
        errors: formErrors(error.problems.map((p) => ({ path: 'file', message: p.message }))),
      });
    }
  });

  return router;
}
