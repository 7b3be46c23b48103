// The indicator pages, mounted under /partnerships/:slug: the partnership's indicators with
// their RAG, the library to choose from, local indicators, and one indicator's targets, values
// and comparators.
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { callerOf, requirePermission, tenantOf, allowed } from '../../platform/http/auth.ts';
import { versionIn } from '../../platform/db/row-version.ts';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { sendXlsx, toXlsx } from '../../platform/documents/xlsx.ts';
import { today } from '../../platform/http/date-input.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import { acceptUpload, uploadedFile } from '../../platform/imports/upload.ts';
import { ImportFileInvalid } from '../../platform/imports/table-file.ts';
import { indicatorImportColumns, readIndicatorFile, type IndicatorImportRow } from './indicators.import.ts';
import { fromTheLibrary, type IndicatorsService } from './indicators.service.ts';
import {
  comparatorSchema,
  libraryQuery,
  localIndicatorChangesSchema,
  localIndicatorSchema,
  targetSchema,
  trackSchema,
  valueSchema,
} from './indicators.schemas.ts';
import {
  breakdownKinds,
  comparatorKinds,
  ecmOutcomes,
  frequencies,
  librarySets,
  polarities,
  toleranceKinds,
  units,
} from './indicators.vocabulary.ts';
import { periodExamples } from './periods.ts';
import { directionLabels, ragLabels } from './rag.ts';
import { breakdownsOf, indicatorCharts } from './indicator-charts.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';

const views = 'modules/indicators/views';
const itemsOf = (record: Record<string, string>) =>
  Object.entries(record).map(([value, text]) => ({ value, text }));

const vocabulary = {
  units,
  polarities,
  frequencies,
  ecmOutcomes,
  breakdownKinds,
  comparatorKinds,
  toleranceKinds,
  librarySets,
  ragLabels,
  directionLabels,
};

export function indicatorsRoutes(indicators: IndicatorsService): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;
  const indicatorPath = (req: Request, code: string) => `${base(req)}/indicators/${encodeURIComponent(code)}`;
  const common = (req: Request) => ({
    tenant: tenantOf(req),
    base: base(req),
    canEdit: allowed(req, 'partnership.edit'),
    ...vocabulary,
  });

  async function indicatorOr404(req: Request) {
    const found = await indicators.byCode(callerOf(req), String(req.params.code));
    if (!found) throw notFound();
    return found;
  }

  router.get('/indicators', async (req, res) => {
    // every indicator's values and comparators as CSV or Excel, in the columns the import reads,
    // so a file downloaded can be corrected and imported again (issue 23 item 4)
    if (req.query.format === 'csv' || req.query.format === 'xlsx') {
      const caller = callerOf(req);
      const details = await Promise.all(
        (await indicators.list(caller)).map((summary) => indicators.byCode(caller, summary.indicator.code)),
      );
      const rows = details.flatMap((detail) =>
        detail
          ? [
              ...detail.values.map((row) => ({
                indicator: detail.indicator.code,
                period: row.period,
                value: row.value,
                group: row.breakdownKind === 'group' ? row.breakdown : '',
                area: row.breakdownKind === 'area' ? row.breakdown : '',
                illustrative: row.illustrative ? 'yes' : 'no',
                comparator: '',
              })),
              ...detail.comparators.map((row) => ({
                indicator: detail.indicator.code,
                period: row.period,
                value: row.value,
                comparator: row.comparator,
              })),
            ]
          : [],
      );
      const name = `${tenantOf(req).slug}-indicator-values-${today()}`;
      if (req.query.format === 'csv') sendCsv(res, name, toCsv(indicatorImportColumns, rows));
      else sendXlsx(res, name, await toXlsx('Indicator values', indicatorImportColumns, rows));
      return;
    }
    res.render(`${views}/list.njk`, {
      title: 'Indicators',
      ...common(req),
      summaries: await indicators.list(callerOf(req)),
    });
  });

  async function renderLibrary(req: Request, res: Response, status = 200, errors?: unknown) {
    const filter = libraryQuery.parse(req.query);
    const entries = await indicators.library(callerOf(req), {
      set: filter.set,
      outcome: filter.outcome,
      search: filter.q,
    });
    res.status(status).render(`${views}/library.njk`, {
      title: 'Indicator library',
      ...common(req),
      filter,
      entries,
      errors,
      setItems: [{ value: '', text: 'Both sets' }, ...itemsOf(librarySets)],
      outcomeItems: [{ value: '', text: 'Any outcome' }, ...itemsOf(ecmOutcomes)],
      backLink: `${base(req)}/indicators`,
    });
  }

  router.get('/indicators/library', (req, res) => renderLibrary(req, res));

  const problem = (text: string) => ({ summary: [{ text, href: '#library' }], fields: {} });

  router.post('/indicators/library', requirePermission('partnership.edit'), async (req, res) => {
    const checked = trackSchema.safeParse(req.body ?? {});
    if (!checked.success)
      return renderLibrary(req, res, 400, problem('Select an indicator from the library'));
    let code: string;
    try {
      code = (await indicators.track(callerOf(req), checked.data.key)).code;
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      return renderLibrary(req, res, 400, problem(error.message));
    }
    flash(req, `${code} is now tracked: set its targets and record its values`);
    res.redirect(303, indicatorPath(req, code));
  });

  const importLocals = (req: Request) => ({
    title: 'Import values, targets and comparators',
    ...common(req),
    columns: indicatorImportColumns,
    backLink: `${base(req)}/indicators`,
  });
  const refuseImport = (req: Request, res: Response, message: string) =>
    res.status(400).render(`${views}/import.njk`, {
      ...importLocals(req),
      errors: formErrors([{ path: 'file', message }]),
    });

  router.get('/indicators/import', requirePermission('partnership.edit'), (req, res) => {
    res.render(`${views}/import.njk`, importLocals(req));
  });

  router.post(
    '/indicators/import',
    requirePermission('partnership.edit'),
    acceptUpload(),
    async (req, res) => {
      const file = uploadedFile(req);
      if ('problem' in file) return refuseImport(req, res, file.problem);
      let read: Awaited<ReturnType<typeof readIndicatorFile>>;
      try {
        read = await readIndicatorFile(file.name, file.content, file.encoding);
      } catch (error) {
        if (error instanceof ImportFileInvalid) return refuseImport(req, res, error.message);
        throw error;
      }
      const preview = await indicators.previewImport(callerOf(req), read.rows);
      const problems = [...read.problems, ...preview.problems].sort((a, b) => a.line - b.line);
      const readLines = new Set(read.rows.map((row) => row.line));
      if (!problems.length)
        req.session.pendingImport = {
          kind: 'indicators',
          target: tenantOf(req).partnershipId,
          fileName: file.name,
          rows: read.rows,
        };
      res.status(problems.length ? 400 : 200).render(`${views}/import-preview.njk`, {
        ...importLocals(req),
        title: 'Check the import',
        rows: preview.rows,
        hasComparators: read.rows.some((row) => row.comparator),
        problems,
        warnings: read.warnings,
        unreadable: read.problems.filter((problem) => !readLines.has(problem.line)),
        fileName: file.name,
      });
    },
  );

  router.post('/indicators/import/confirm', requirePermission('partnership.edit'), async (req, res) => {
    const pending = req.session.pendingImport;
    if (!pending || pending.kind !== 'indicators' || pending.target !== tenantOf(req).partnershipId)
      return refuseImport(req, res, 'The file to import has expired: upload it again');
    try {
      const count = await indicators.importRows(
        callerOf(req),
        pending.rows as IndicatorImportRow[],
        pending.fileName,
      );
      delete req.session.pendingImport;
      flash(req, `${count} ${count === 1 ? 'row has' : 'rows have'} been imported`);
      res.redirect(303, `${base(req)}/indicators`);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      // Something changed since the preview: show the problems; nothing was written.
      res.status(400).render(`${views}/import.njk`, {
        ...importLocals(req),
        errors: formErrors(error.problems),
      });
    }
  });

  const localLocals = (req: Request) => ({
    title: 'Add a local indicator',
    ...common(req),
    unitItems: itemsOf(units),
    polarityItems: itemsOf(polarities),
    frequencyItems: itemsOf(frequencies),
    outcomeItems: [{ value: '', text: 'None' }, ...itemsOf(ecmOutcomes)],
    backLink: `${base(req)}/indicators`,
  });

  router.get('/indicators/new', requirePermission('partnership.edit'), (req, res) => {
    res.render(`${views}/local-form.njk`, { ...localLocals(req), values: { polarity: 'higher' } });
  });

  router.post('/indicators/new', requirePermission('partnership.edit'), async (req, res) => {
    let code = '';
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/local-form.njk`,
        locals: localLocals(req),
        schema: localIndicatorSchema,
        input: req.body,
      },
      async (value) => {
        code = (await indicators.createLocal(callerOf(req), value)).code;
      },
    );
    if (!done) return;
    flash(req, `Added ${code}`);
    res.redirect(303, indicatorPath(req, code));
  });

  // the indicator with its charts: kept by the address, the role and today (ADR 0056)
  router.get('/indicators/:code', keptPage('indicator', { by: ['date'] }), async (req, res) => {
    const { detail, breakdowns, charts } = await pageRead(res, async () => {
      const detail = await indicatorOr404(req);
      return { detail, breakdowns: breakdownsOf(detail.values), charts: indicatorCharts(detail) };
    });
    res.render(`${views}/show.njk`, {
      title: `${detail.indicator.code} ${detail.indicator.title}`,
      ...common(req),
      ...detail,
      path: indicatorPath(req, detail.indicator.code),
      breakdowns,
      charts,
    });
  });

  /** The local indicator the address names; a library one is refused with a 409 that says why. */
  async function localOr404(req: Request) {
    const detail = await indicatorOr404(req);
    if (detail.indicator.libraryKey) throw conflict(fromTheLibrary(detail.indicator.code));
    return detail;
  }

  const changeLocals = async (req: Request) => {
    const { indicator } = await localOr404(req);
    return {
      ...localLocals(req),
      title: `Change ${indicator.code}`,
      indicatorCode: indicator.code,
      submitText: 'Save the indicator',
      backLink: indicatorPath(req, indicator.code),
    };
  };

  router.get('/indicators/:code/edit', requirePermission('partnership.edit'), async (req, res) => {
    const { indicator } = await localOr404(req);
    res.render(`${views}/local-form.njk`, {
      ...(await changeLocals(req)),
      values: { ...indicator, outcome: indicator.outcome ?? '' },
    });
  });

  router.post('/indicators/:code/edit', requirePermission('partnership.edit'), async (req, res) => {
    const page = await changeLocals(req);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/local-form.njk`,
        locals: page,
        schema: localIndicatorChangesSchema,
        input: req.body,
        // a stale save shows their version beside the answers (ADR 0044)
        versioned: {
          current: async () => {
            const { indicator } = await localOr404(req);
            return { ...indicator, outcome: indicator.outcome ?? '' };
          },
          fields: [
            { name: 'title', label: 'Title' },
            { name: 'definition', label: 'What is counted, and how the figure is worked out' },
            { name: 'unit', label: 'Unit' },
            { name: 'unitLabel', label: 'Unit label' },
            { name: 'polarity', label: 'Which way is better?' },
            { name: 'frequency', label: 'How often it is measured' },
            { name: 'source', label: 'Where the figures come from' },
            { name: 'outcome', label: 'Every Child Matters outcome' },
          ],
        },
      },
      async (value) => {
        await indicators.updateLocal(callerOf(req), page.indicatorCode, value, versionIn(req.body));
      },
    );
    if (!done) return;
    flash(req, `${page.indicatorCode} changed`);
    res.redirect(303, page.backLink);
  });

  const renderDelete = async (req: Request, res: Response, refused = false) => {
    const { indicator } = await localOr404(req);
    const problems = await indicators.deletionProblems(callerOf(req), indicator.code);
    res.status(refused ? 400 : 200).render(`${views}/delete.njk`, {
      title: `Delete ${indicator.code}`,
      ...common(req),
      indicator,
      problems,
      errors: refused ? formErrors(problems.map((message) => ({ path: 'problems', message }))) : undefined,
      backLink: indicatorPath(req, indicator.code),
    });
  };

  router.get('/indicators/:code/delete', requirePermission('partnership.edit'), (req, res) =>
    renderDelete(req, res),
  );

  router.post('/indicators/:code/delete', requirePermission('partnership.edit'), async (req, res) => {
    const { indicator } = await localOr404(req);
    try {
      await indicators.deleteLocal(callerOf(req), indicator.code);
    } catch (error) {
      if (error instanceof RuleViolation) return renderDelete(req, res, true);
      throw error;
    }
    flash(req, `${indicator.code} ${indicator.title} has been deleted`);
    res.redirect(303, `${base(req)}/indicators`);
  });

  /** The three per-period forms share their shape: an indicator, a schema, a service call. */
  function periodForm<S extends typeof targetSchema | typeof valueSchema | typeof comparatorSchema>(
    path: string,
    view: string,
    title: string,
    schema: S,
    defaults: Record<string, string>,
    save: (req: Request, code: string, value: z.output<S>) => Promise<void>,
    done: string,
  ) {
    const locals = async (req: Request) => {
      const detail = await indicatorOr404(req);
      return {
        title: `${title}: ${detail.indicator.code}`,
        ...common(req),
        indicator: detail.indicator,
        example: periodExamples[detail.indicator.frequency],
        toleranceItems: itemsOf(toleranceKinds),
        breakdownItems: itemsOf(breakdownKinds),
        comparatorItems: itemsOf(comparatorKinds),
        backLink: indicatorPath(req, detail.indicator.code),
      };
    };
    router.get(`/indicators/:code/${path}`, requirePermission('partnership.edit'), async (req, res) => {
      res.render(`${views}/${view}`, { ...(await locals(req)), values: defaults });
    });
    router.post(`/indicators/:code/${path}`, requirePermission('partnership.edit'), async (req, res) => {
      const page = await locals(req);
      const ok = await submitForm(
        req,
        res,
        { view: `${views}/${view}`, locals: page, schema, input: req.body },
        (value) => save(req, page.indicator.code, value as z.output<S>),
      );
      if (!ok) return;
      flash(req, done);
      res.redirect(303, page.backLink);
    });
  }

  periodForm(
    'targets/new',
    'target-form.njk',
    'Set a target',
    targetSchema,
    { toleranceKind: 'absolute' },
    (req, code, value) => indicators.setTarget(callerOf(req), code, value),
    'Target saved',
  );
  periodForm(
    'values/new',
    'value-form.njk',
    'Record a value',
    valueSchema,
    { breakdownKind: 'all' },
    (req, code, value) => indicators.recordValue(callerOf(req), code, value),
    'Value recorded',
  );
  periodForm(
    'comparators/new',
    'comparator-form.njk',
    'Record a comparator',
    comparatorSchema,
    {},
    (req, code, value) => indicators.recordComparator(callerOf(req), code, value),
    'Comparator recorded',
  );

  return router;
}
