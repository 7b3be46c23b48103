// The plan pages, mounted under /partnerships/:slug: plans, their versions and evidence,
// outcomes, priorities and actions, and progress updates (which an action's lead may post).
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { allowed, callerOf, tenantOf, type Caller } from '../../platform/http/auth.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { formErrors } from '../../platform/http/validation.ts';
import { partsOf, queryDates, today } from '../../platform/http/date-input.ts';
import type { PlansService } from './plans.service.ts';
import {
  actionSchema,
  evidenceSchema,
  milestoneSchema,
  outcomeSchema,
  planFormSchema,
  prioritySchema,
  updateSchema,
  versionSchema,
} from './plans.schemas.ts';
import {
  actionStatuses,
  evidenceKinds,
  planKinds,
  planStatuses,
  recurrences,
  updateRags,
} from './plans.vocabulary.ts';
import { changesBetween } from './plan-text.ts';
import { exceptionsByBody, highlightOf, partnerView } from './accountability.ts';
import {
  exceptionsDocx,
  highlightDocx,
  planOnAPageDocx,
  progressDocx,
  type OnAPageRow,
} from './plans.docx.ts';
import { renderPrintable, sendDocument } from '../../platform/documents/render.ts';
import { fileName } from '../../platform/documents/file-names.ts';
import { PdfUnavailable, type PdfPrinter } from '../../platform/documents/pdf.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';
import {
  dateValues,
  frameworkItems,
  frameworkLabels,
  itemsOf,
  outcomeChoicesOf,
  outcomeKindText,
  planPages,
  views,
  vocabulary,
} from './plan-pages.ts';
import { everyChildMattersUntil, outcomeFrameworks } from './outcome-frameworks.ts';
import { planEditingRoutes } from './plans.editing.routes.ts';
import type { PlanResourcesOf } from './plan-resources.ts';
import type { LoggedActionsOf, PlanPartLinksOf } from './plan-part-links.ts';

/**
 * What other modules add to the plan's page, passed in by the composition root (plans cannot
 * ask them): the voice module's "from what young people said", as links per priority id.
 */
export interface PlanPageLinks {
  priorityOrigins?: (
    caller: Caller,
    tenantSlug: string,
  ) => Promise<Readonly<Record<string, readonly { text: string; href: string }[]>>>;
  /** The resources module's figures for the plan on a page and the progress report (ADR 0036). */
  planResources?: PlanResourcesOf;
  /** What the resources hold against a priority or action, for its delete page (ADR 0048). */
  partLinks?: PlanPartLinksOf;
  /** The meetings module's actions raised for each priority, shown with it (issue 23). */
  loggedActions?: LoggedActionsOf;
}

export function plansRoutes(plans: PlansService, printer: PdfPrinter, links: PlanPageLinks = {}): Router {
  const router = Router({ mergeParams: true });
  const pages = planPages(router, plans);
  const { base, planPath, common, planOr404, form, choices, actionOr404 } = pages;

  router.get('/accountability', async (req, res) => {
    const asAt = today();
    const { organisationItems } = await choices(req);
    const wanted = typeof req.query.organisation === 'string' ? req.query.organisation : '';
    const organisation = organisationItems.find((item) => item.value === wanted);
    const locals = {
      title: 'Accountability of partners',
      ...common(req),
      organisationItems,
      asAt,
    };
    if (wanted && !organisation)
      return res.status(400).render(`${views}/accountability.njk`, {
        ...locals,
        errors: {
          summary: [{ text: 'Select an organisation from the list', href: '#organisation' }],
          fields: { organisation: { text: 'Select an organisation from the list' } },
        },
      });
    res.render(`${views}/accountability.njk`, {
      ...locals,
      organisation: organisation ? { id: organisation.value, name: organisation.text } : null,
      view: organisation ? partnerView(await plans.current(callerOf(req), asAt), organisation.value) : null,
    });
  });

  /** A document as a page, or as Word or a tagged PDF when `?format=` asks. */
  async function sendReport(
    req: Request,
    res: Response,
    report: {
      title: string;
      name: string;
      bodyView: string;
      locals: Record<string, unknown>;
      backLink?: string;
      docx: () => Promise<Buffer>;
    },
  ) {
    const asAt = today();
    if (req.query.format === 'docx')
      return sendDocument(res, { name: report.name, type: 'docx', content: await report.docx() });
    if (req.query.format === 'pdf') {
      const html = await renderPrintable(res, `${views}/report-print.njk`, {
        ...report.locals,
        ...vocabulary,
        title: report.title,
        bodyView: report.bodyView,
        asAt,
      });
      try {
        return sendDocument(res, {
          name: report.name,
          type: 'pdf',
          content: await printer.print(html, { title: report.title }),
        });
      } catch (error) {
        if (error instanceof PdfUnavailable)
          throw new HttpError(503, 'PDF documents are not available', error.message);
        throw error;
      }
    }
    res.render(`${views}/report-page.njk`, {
      ...common(req),
      ...report.locals,
      title: report.title,
      bodyView: report.bodyView,
      backLink: report.backLink ?? planPath(req),
    });
  }

  /** The plan's resources for the year asked (`?year=`), when the composition root gives them. */
  const resourcesOf = async (req: Request, planId: string) =>
    links.planResources
      ? await links.planResources(
          callerOf(req),
          planId,
          typeof req.query.year === 'string' ? req.query.year : undefined,
        )
      : null;

  // the plan's reports are kept by the address (plan, year, format), the role and today (ADR 0056)
  router.get('/plans/:plan/on-a-page', keptPage('plan on a page', { by: ['date'] }), async (req, res) => {
    const { detail, resources } = await pageRead(res, async () => {
      const detail = await planOr404(req);
      return { detail, resources: await resourcesOf(req, detail.plan.id) };
    });
    const onAPage: OnAPageRow[] = detail.priorities.map((priority) => {
      const rags = priority.actions.map((action) => action.latest?.rag).filter(Boolean);
      const count = (rag: string) => rags.filter((candidate) => candidate === rag).length;
      return {
        priority,
        outcomes: priority.outcomes.map((outcome) => outcome.title).join('; ') || 'None',
        owner: [priority.ownerBodyName, priority.leadPersonName].filter(Boolean).join(', ') || 'None',
        ragText: rags.length
          ? `${count('green')} green, ${count('amber')} amber, ${count('red')} red`
          : 'No updates yet',
      };
    });
    const title = `${detail.plan.title} on a page`;
    await sendReport(req, res, {
      title,
      name: fileName(tenantOf(req).slug, detail.plan.slug, 'on-a-page'),
      bodyView: `${views}/on-a-page-body.njk`,
      locals: { ...detail, onAPage, resources },
      docx: () =>
        planOnAPageDocx(
          { partnership: tenantOf(req).name, title },
          `${planKinds[detail.plan.kind]}, ${formatDate(detail.plan.startsOn)} to ${formatDate(detail.plan.endsOn)}. Status: ${planStatuses[detail.plan.status].toLowerCase()}.`,
          onAPage,
          detail.plan.vision,
          {
            label: frameworkLabels[detail.plan.framework]!,
            source: outcomeFrameworks[detail.plan.framework].source,
            outcomes: detail.outcomes.map((outcome) => ({
              title: outcome.title,
              kind: outcomeKindText(outcome),
            })),
          },
          resources,
        ),
    });
  });

  router.get('/plans/:plan/progress', keptPage('plan progress', { by: ['date'] }), async (req, res) => {
    const { detail, resources } = await pageRead(res, async () => {
      const detail = await planOr404(req);
      return { detail, resources: await resourcesOf(req, detail.plan.id) };
    });
    const title = `Progress report: ${detail.plan.title}`;
    await sendReport(req, res, {
      title,
      name: fileName(tenantOf(req).slug, detail.plan.slug, 'progress', today()),
      bodyView: `${views}/progress-body.njk`,
      locals: { ...detail, resources },
      docx: () =>
        progressDocx(
          { partnership: tenantOf(req).name, title },
          `Every action with its latest update, on ${formatDate(today())}.`,
          detail,
          resources,
        ),
    });
  });

  router.get('/highlight', async (req, res) => {
    const { bodyItems } = await choices(req);
    // the dates as GOV.UK date inputs, or from=YYYY-MM-DD as links give them (issue 23)
    const dated = queryDates(req.query, { from: { label: 'The first day' }, to: { label: 'The last day' } });
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const query = { body: text(req.query.body), from: text(dated.query.from), to: text(dated.query.to) };
    const locals = {
      title: 'Sub-group highlight report',
      ...common(req),
      bodyItems,
      query,
      values: dated.query,
    };
    if (!query.body && !query.from && !query.to && !dated.problems.length)
      return res.render(`${views}/highlight.njk`, locals);
    const body = bodyItems.find((item) => item.value === query.body);
    const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    const typed = (name: string) => dated.problems.some((problem) => problem.path.startsWith(`${name}.`));
    const problems = [
      ...(body ? [] : [{ path: 'body', message: 'Select a body from the list' }]),
      ...dated.problems,
      ...[
        ['from', 'The first day'],
        ['to', 'The last day'],
      ].flatMap(([name, label]) => {
        const value = query[name as 'from' | 'to'];
        if (isDate(value) || typed(name!)) return [];
        const message = value ? `${label} must be a real date` : `Enter ${label!.toLowerCase()}`;
        return [{ path: `${name}.day`, message }];
      }),
    ];
    if (!problems.length && query.to < query.from)
      problems.push({ path: 'to', message: 'The last day must be on or after the first' });
    if (problems.length)
      return res.status(400).render(`${views}/highlight.njk`, { ...locals, errors: formErrors(problems) });
    const highlight = highlightOf(
      await plans.current(callerOf(req), query.to),
      body!.value,
      query.from,
      query.to,
    );
    const title = `Highlight report of ${body!.text}, ${formatDate(query.from)} to ${formatDate(query.to)}`;
    const intro = `The priorities ${body!.text} owns, their actions with the updates dated in the period, and their indicators.`;
    if (req.query.format === 'docx' || req.query.format === 'pdf')
      return sendReport(req, res, {
        title,
        name: fileName(tenantOf(req).slug, body!.text, 'highlight', query.from, 'to', query.to),
        bodyView: `${views}/highlight-body.njk`,
        locals: { highlight, intro },
        docx: () => highlightDocx({ partnership: tenantOf(req).name, title }, intro, highlight),
      });
    const link = (format: string) => `?${new URLSearchParams({ ...query, format }).toString()}`;
    res.render(`${views}/highlight.njk`, {
      ...locals,
      highlight,
      intro,
      downloads: { docx: link('docx'), pdf: link('pdf') },
    });
  });

  router.get('/exceptions', keptPage('exceptions', { by: ['date'] }), async (req, res) => {
    const asAt = today();
    const exceptions = await pageRead(res, async () =>
      exceptionsByBody(await plans.current(callerOf(req), asAt)),
    );
    const title = `Exception report of ${tenantOf(req).name}`;
    await sendReport(req, res, {
      title,
      name: fileName(tenantOf(req).slug, 'exceptions', asAt),
      bodyView: `${views}/exception-tables.njk`,
      locals: {
        exceptions,
        asAt,
        intro: `For each body’s next meeting: the actions of its priorities off track or overdue on ${formatDate(asAt)}, and its red indicators. Superseded plans are left out.`,
      },
      backLink: `${base(req)}/plans`,
      docx: () => exceptionsDocx({ partnership: tenantOf(req).name, title }, formatDate(asAt), exceptions),
    });
  });

  router.get('/plans', async (req, res) => {
    res.render(`${views}/list.njk`, {
      title: 'Plans',
      ...common(req),
      plans: await plans.list(callerOf(req)),
    });
  });

  const planFormLocals = async () => ({
    kindItems: itemsOf(planKinds),
    statusItems: itemsOf(planStatuses),
    frameworkItems,
    frameworkHint: `The outcomes and enablers its priorities link to. If you do not choose, a plan starting by ${formatDate(everyChildMattersUntil)} takes ${frameworkLabels['every-child-matters']} and a later one ${frameworkLabels['national-framework-2023']}.`,
  });

  form({
    path: '/plans/new',
    view: 'plan-form.njk',
    title: 'Add a plan',
    schema: planFormSchema,
    dates: ['startsOn', 'endsOn'],
    locals: planFormLocals,
    defaults: async () => ({ status: 'draft', kind: "children and young people's plan" }),
    save: async (req, value) => planPath(req, (await plans.create(callerOf(req), value)).slug),
    done: 'Plan added, with its outcome framework',
  });

  // the plan as at today: kept by the address, the role and today (ADR 0056)
  router.get('/plans/:plan', keptPage('plan', { by: ['date'] }), async (req, res) => {
    const { detail, priorityOrigins, loggedActions } = await pageRead(res, async () => ({
      detail: await planOr404(req),
      priorityOrigins: links.priorityOrigins
        ? await links.priorityOrigins(callerOf(req), tenantOf(req).slug)
        : {},
      loggedActions: links.loggedActions ? await links.loggedActions(callerOf(req), tenantOf(req).slug) : {},
    }));
    res.render(`${views}/show.njk`, {
      title: detail.plan.title,
      ...common(req),
      ...detail,
      path: planPath(req),
      canContribute: allowed(req, 'partnership.contribute'),
      priorityOrigins,
      loggedActions,
    });
  });

  form({
    path: '/plans/:plan/edit',
    view: 'plan-form.njk',
    title: 'Change the plan',
    schema: planFormSchema,
    dates: ['startsOn', 'endsOn'],
    locals: async (req) => {
      const detail = await planOr404(req);
      const linked = detail.priorities.some((priority) =>
        priority.outcomes.some((outcome) => outcome.framework),
      );
      return {
        ...(await planFormLocals()),
        frameworkHint: linked
          ? 'Priorities link to the outcomes of this framework, so it cannot change until they are taken off them.'
          : 'The outcomes and enablers its priorities link to. It can change while no priority links to them.',
      };
    },
    defaults: async (req) => {
      const { plan } = await planOr404(req);
      return { ...plan, ...dateValues('startsOn', plan.startsOn), ...dateValues('endsOn', plan.endsOn) };
    },
    save: async (req, value) =>
      planPath(req, (await plans.update(callerOf(req), String(req.params.plan), value)).slug),
    done: 'Plan changed',
  });

  router.get('/plans/:plan/versions', async (req, res) => {
    const detail = await planOr404(req);
    const versions = detail.versions.map((version, index) => ({
      ...version,
      changes: index === 0 ? [] : changesBetween(detail.versions[index - 1]!.snapshot, version.snapshot),
    }));
    res.render(`${views}/versions.njk`, {
      title: `Versions of ${detail.plan.title}`,
      ...common(req),
      plan: detail.plan,
      versions: versions.toReversed(),
      path: planPath(req),
      backLink: planPath(req),
    });
  });

  form({
    path: '/plans/:plan/versions/new',
    view: 'version-form.njk',
    title: 'Record a new version',
    schema: versionSchema,
    save: async (req, value) => {
      await plans.recordVersion(callerOf(req), String(req.params.plan), value.note);
      return `${planPath(req)}/versions`;
    },
    done: 'Version recorded: the changes since the last one are listed',
  });

  form({
    path: '/plans/:plan/outcomes/new',
    view: 'outcome-form.njk',
    title: 'Add a local outcome',
    schema: outcomeSchema,
    locals: async (req) => ({ plan: (await planOr404(req)).plan }),
    save: async (req, value) => {
      await plans.addOutcome(callerOf(req), String(req.params.plan), value.title);
      return planPath(req);
    },
    done: 'Outcome added',
  });

  form({
    path: '/plans/:plan/evidence/new',
    view: 'evidence-form.njk',
    title: 'Add to the evidence base',
    schema: evidenceSchema,
    dates: ['dated'],
    locals: async () => ({ kindItems: itemsOf(evidenceKinds) }),
    save: async (req, value) => {
      await plans.addEvidence(callerOf(req), String(req.params.plan), value);
      return `${planPath(req)}#evidence`;
    },
    done: 'Evidence added',
  });

  form({
    path: '/plans/:plan/priorities/new',
    view: 'priority-form.njk',
    title: 'Add a priority',
    schema: prioritySchema,
    locals: async (req) => {
      const detail = await planOr404(req);
      return {
        ...(await choices(req)),
        ...outcomeChoicesOf(detail),
      };
    },
    save: async (req, value) => {
      await plans.addPriority(callerOf(req), String(req.params.plan), value);
      return `${planPath(req)}#priorities`;
    },
    done: 'Priority added',
  });

  form({
    path: '/plans/:plan/priorities/:priority/actions/new',
    view: 'action-form.njk',
    title: 'Add an action',
    schema: actionSchema,
    dates: ['dueOn', 'recursFrom', 'recursUntil'],
    locals: async (req) => {
      const detail = await planOr404(req);
      const priority = detail.priorities.find((candidate) => candidate.id === req.params.priority);
      if (!priority) throw notFound();
      return { priority, ...(await choices(req)), recurrenceItems: itemsOf(recurrences) };
    },
    defaults: async () => ({ status: 'not started', timing: 'date', leadKind: 'person' }),
    save: async (req, value) => {
      const id = await plans.addAction(
        callerOf(req),
        String(req.params.plan),
        String(req.params.priority),
        value,
      );
      return `${planPath(req)}/actions/${id}`;
    },
    done: 'Action added',
  });

  router.get('/plans/:plan/actions/:action', async (req, res) => {
    const found = await actionOr404(req);
    res.render(`${views}/action.njk`, {
      title: found.action.text,
      ...common(req),
      ...found,
      path: `${planPath(req)}/actions/${found.action.id}`,
      backLink: `${planPath(req)}#priority-${found.priority.id}`,
    });
  });

  /** Members may post updates on the actions they lead: the service has the last word. */
  const mayUpdate: RequestHandler = async (req, _res, next) => {
    const found = await actionOr404(req);
    next(
      found.mayUpdate
        ? undefined
        : forbidden('Only the action’s lead, or an editor, can post an update on this action.'),
    );
  };

  form({
    path: '/plans/:plan/actions/:action/updates/new',
    view: 'update-form.njk',
    title: 'Post a progress update',
    schema: updateSchema,
    dates: ['reportedOn'],
    permission: mayUpdate,
    locals: async (req) => {
      const found = await actionOr404(req);
      return {
        action: found.action,
        backLink: `${planPath(req)}/actions/${found.action.id}`,
        ragItems: itemsOf(updateRags),
        statusItems: itemsOf(actionStatuses),
      };
    },
    defaults: async (req) => {
      const found = await actionOr404(req);
      const parts = partsOf(today());
      return {
        'reportedOn-day': parts.day,
        'reportedOn-month': parts.month,
        'reportedOn-year': parts.year,
        status: found.action.status,
      };
    },
    save: async (req, value) => {
      await plans.postUpdate(callerOf(req), String(req.params.plan), String(req.params.action), value);
      return `${planPath(req)}/actions/${String(req.params.action)}`;
    },
    done: 'Update posted',
  });

  form({
    path: '/plans/:plan/actions/:action/milestones/new',
    view: 'milestone-form.njk',
    title: 'Add a milestone',
    schema: milestoneSchema,
    dates: ['dueOn', 'doneOn'],
    locals: async (req) => {
      const found = await actionOr404(req);
      return { action: found.action, backLink: `${planPath(req)}/actions/${found.action.id}` };
    },
    save: async (req, value) => {
      await plans.addMilestone(callerOf(req), String(req.params.plan), String(req.params.action), value);
      return `${planPath(req)}/actions/${String(req.params.action)}`;
    },
    done: 'Milestone added',
  });

  planEditingRoutes(router, pages, plans, links.partLinks);

  return router;
}
