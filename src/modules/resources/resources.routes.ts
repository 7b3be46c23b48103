// The resources pages, under /partnerships/:slug/resources: the report (resources by priority
// and by partner for a year or across years, with a chart and its table, as CSV, Word and PDF),
// funds and their statements, and the forms that record contributions, spending, pledges,
// commissioned services, financial principles and decisions; and the import.
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { confirmDeletion, type ConfirmDeletion } from '../../platform/http/confirm-deletion.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import { dateParts, partsOf, today } from '../../platform/http/date-input.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';
import { acceptUpload, uploadedFile } from '../../platform/imports/upload.ts';
import { renderPrintable, sendDocument } from '../../platform/documents/render.ts';
import { sendCsv } from '../../platform/documents/csv.ts';
import { PdfUnavailable, type PdfPrinter } from '../../platform/documents/pdf.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { ResourcesService, ImportLine } from './resources.service.ts';
import {
  contributionSchema,
  decisionLinkSchema,
  fundSchema,
  pledgeSchema,
  principleSchema,
  serviceSchema,
  spendingSchema,
} from './resources.schemas.ts';
import {
  contributionForms,
  fundKinds,
  pledgeResources,
  pledgeStatuses,
  serviceStatuses,
} from './resources.vocabulary.ts';
import { financialYearOf, formatPounds, parseYear, poundsInput, sumPence, yearLabel } from './money.ts';
import { shapeReport } from './resources.report.ts';
import { resourcesCsv } from './resources.csv.ts';
import { resourcesDocx } from './resources.docx.ts';
import { ImportFileInvalid, importColumns, readResourcesFile } from './resources.import.ts';

const views = 'modules/resources/views';
type Body = Record<string, unknown>;
const itemsOf = (record: Record<string, string>) =>
  Object.entries(record).map(([value, text]) => ({ value, text }));

/** The financial years a form offers: the fund's agreement's, or from 2000 to three years ahead. */
function yearItems(from?: number | null, to?: number | null) {
  const last = to ?? financialYearOf(today()) + 3;
  const first = from ?? Math.min(2000, last);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index).map((year) => ({
    value: String(year),
    text: yearLabel(year),
  }));
}

/** A stored date as the parts of a GOV.UK date input named `name`. */
const dateValues = (name: string, iso: string | null | undefined) =>
  Object.fromEntries(Object.entries(partsOf(iso)).map(([part, value]) => [`${name}-${part}`, value]));

const isId = (value: unknown) => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);
/** The id an address names (`:name`), or a 404. */
const idOf = (req: Request, name: string) => {
  const value = req.params[name];
  if (!isId(value)) throw notFound();
  return String(value);
};

const withDates = (body: Body, ...names: string[]): Body => {
  const shaped: Body = { ...body };
  for (const name of names) shaped[name] = dateParts(body, name);
  return shaped;
};

/** The year a page asks for: `?year=2009` or `2009-10`; blank or "all" for across years. */
function yearOf(req: Request): { year: number | null; problem: boolean } {
  const raw = typeof req.query.year === 'string' ? req.query.year.trim() : '';
  if (!raw || raw === 'all') return { year: null, problem: false };
  const year = /^\d{4}$/.test(raw) ? Number(raw) : parseYear(raw);
  return year === null || year < 1990 || year > 2100
    ? { year: null, problem: true }
    : { year, problem: false };
}

export function resourcesRoutes(resources: ResourcesService, printer: PdfPrinter): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}/resources`;
  const common = (req: Request) => ({
    tenant: tenantOf(req),
    base: base(req),
    canEdit: allowed(req, 'partnership.edit'),
    fundKinds,
    contributionForms,
    pledgeResources,
    pledgeStatuses,
    serviceStatuses,
  });

  /** A form page: GET shows it, POST checks and saves, then goes to the page `save` returns. */
  function form<S extends z.ZodType>(spec: {
    path: string;
    view: string;
    title: string;
    schema: S;
    dates?: string[];
    locals: (req: Request) => Promise<Record<string, unknown>>;
    defaults?: (req: Request) => Promise<Body>;
    save: (req: Request, value: z.output<S>) => Promise<string>;
    done: string;
  }) {
    const permission = requirePermission('partnership.edit');
    const locals = async (req: Request) => ({
      title: spec.title,
      ...common(req),
      backLink: base(req),
      ...(await spec.locals(req)),
    });
    router.get(spec.path, permission, async (req, res) => {
      res.render(`${views}/${spec.view}`, {
        ...(await locals(req)),
        values: spec.defaults ? await spec.defaults(req) : {},
      });
    });
    router.post(spec.path, permission, async (req, res) => {
      let next = '';
      const ok = await submitForm(
        req,
        res,
        {
          view: `${views}/${spec.view}`,
          locals: await locals(req),
          schema: spec.schema,
          input: withDates(req.body as Body, ...(spec.dates ?? [])),
        },
        async (value) => {
          next = await spec.save(req, value as z.output<S>);
        },
      );
      if (!ok) return;
      flash(req, spec.done);
      res.redirect(303, next);
    });
  }

  const choices = async (req: Request) => {
    const found = await resources.choices(callerOf(req));
    const asAt = today();
    return {
      found,
      organisationItems: found.organisations
        .filter((o) => !o.endsOn || o.endsOn >= asAt)
        .map((o) => ({ value: o.id, text: o.name })),
      allOrganisationItems: found.organisations.map((o) => ({
        value: o.id,
        text: o.endsOn ? `${o.name} (ended ${formatDate(o.endsOn)})` : o.name,
      })),
      priorityItems: found.priorities.map((p) => ({
        value: p.id,
        text: `${p.plan.title}: priority ${p.position}, ${p.title}`,
      })),
      actionItems: found.priorities.flatMap((p) =>
        p.actions.map((a) => ({ value: a.id, text: `Priority ${p.position} of ${p.plan.title}: ${a.text}` })),
      ),
      decisionItems: found.decisions.map((d) => ({
        value: d.id,
        text: `${d.meetingTitle}, ${formatDate(d.meetingStartsAt.toISOString().slice(0, 10))}, item ${d.itemNumber}: ${d.text}`,
      })),
      fundItems: found.funds.map((f) => ({ value: f.id, text: f.name })),
      serviceItems: found.services.map((s) => ({ value: s.id, text: `${s.name} (${s.providerName})` })),
    };
  };

  const fundOr404 = async (req: Request, year: number | null = null) => {
    const slug = String(req.params.fund);
    if (!/^[a-z0-9-]+$/.test(slug)) throw notFound();
    return resources.fund(callerOf(req), slug, year);
  };

  router.get('/resources', keptPage('resources', { by: ['date'] }), async (req, res) => {
    const asked = yearOf(req);
    const report = await pageRead(res, async () =>
      shapeReport(await resources.report(callerOf(req), asked.year)),
    );
    const period = asked.year === null ? 'all years' : yearLabel(asked.year);
    const title = `Resources of ${tenantOf(req).name}, ${period}`;
    const intro = `What each priority of each plan has to deliver it, and what each partner puts in, for ${period}. “Current” adds committed and actual spending, agreed or delivered pledges and current commissioned services; “proposed” adds planned spending, proposed pledges and proposed services. Amounts are in pounds.`;
    const name = `resources-${tenantOf(req).slug}-${asked.year === null ? 'all-years' : yearLabel(asked.year)}`;
    if (!asked.problem && req.query.format === 'csv') return sendCsv(res, name, resourcesCsv(report));
    if (!asked.problem && req.query.format === 'docx')
      return sendDocument(res, {
        name,
        type: 'docx',
        content: await resourcesDocx(tenantOf(req).name, title, intro, report),
      });
    if (!asked.problem && req.query.format === 'pdf') {
      const html = await renderPrintable(res, `${views}/report-print.njk`, {
        ...common(req),
        title,
        intro,
        report,
        asAt: today(),
        formatPounds,
        yearLabel,
      });
      try {
        return sendDocument(res, { name, type: 'pdf', content: await printer.print(html, { title }) });
      } catch (error) {
        if (error instanceof PdfUnavailable)
          throw new HttpError(503, 'PDF documents are not available', error.message);
        throw error;
      }
    }
    // the funds and pledges the page lists beside the report; the downloads need only the report
    const data = await pageRead(res, () => resources.all(callerOf(req)), 'funds');
    const query = asked.year === null ? '' : `year=${asked.year}&`;
    res.status(asked.problem ? 400 : 200).render(`${views}/resources.njk`, {
      title: 'Resources',
      ...common(req),
      intro,
      report,
      data,
      yearChoices: [
        { value: 'all', text: 'All years', selected: asked.year === null },
        ...yearItems(report.years[0] ?? null, report.years.at(-1) ?? null).map((item) => ({
          ...item,
          selected: String(asked.year) === item.value,
        })),
      ],
      errors: asked.problem
        ? formErrors([{ path: 'year', message: 'Select a financial year from the list, like 2009-10' }])
        : undefined,
      downloads: { csv: `?${query}format=csv`, docx: `?${query}format=docx`, pdf: `?${query}format=pdf` },
      formatPounds,
      yearLabel,
    });
  });

  form({
    path: '/resources/funds/new',
    view: 'fund-form.njk',
    title: 'Add a fund',
    schema: fundSchema,
    dates: ['agreementStartsOn', 'agreementEndsOn', 'reviewOn'],
    locals: async (req) => {
      const found = await choices(req);
      return {
        kindItems: itemsOf(fundKinds),
        organisationItems: found.organisationItems,
        priorityItems: found.priorityItems,
      };
    },
    save: async (req, value) => {
      await resources.createFund(callerOf(req), value);
      return `${base(req)}/funds/${value.slug}`;
    },
    done: 'Fund added',
  });

  router.get('/resources/funds/:fund', keptPage('fund', { by: ['date'] }), async (req, res) => {
    const asked = yearOf(req);
    const found = await pageRead(res, () => fundOr404(req, asked.year));
    res.status(asked.problem ? 400 : 200).render(`${views}/fund.njk`, {
      title: found.fund.name,
      ...common(req),
      ...found,
      year: asked.year,
      period: asked.year === null ? 'all years' : yearLabel(asked.year),
      path: `${base(req)}/funds/${found.fund.slug}`,
      yearChoices: [
        { value: 'all', text: 'All years', selected: asked.year === null },
        ...yearItems(found.statement.years[0] ?? null, found.statement.years.at(-1) ?? null).map((item) => ({
          ...item,
          selected: String(asked.year) === item.value,
        })),
      ],
      errors: asked.problem
        ? formErrors([{ path: 'year', message: 'Select a financial year from the list, like 2009-10' }])
        : undefined,
      formatPounds,
      yearLabel,
      backLink: base(req),
    });
  });

  const fundYears = (fund: { agreementStartsOn: string | null; agreementEndsOn: string | null }) =>
    yearItems(
      fund.agreementStartsOn ? financialYearOf(fund.agreementStartsOn) : null,
      fund.agreementEndsOn ? financialYearOf(fund.agreementEndsOn) : null,
    );

  const contributionLocals = async (req: Request) => {
    const found = await fundOr404(req);
    return {
      fund: found.fund,
      backLink: `${base(req)}/funds/${found.fund.slug}#entries`,
      yearItems: fundYears(found.fund),
      organisationItems: (await choices(req)).allOrganisationItems,
      formItems: itemsOf(contributionForms),
    };
  };

  form({
    path: '/resources/funds/:fund/contributions/new',
    view: 'contribution-form.njk',
    title: 'Record a contribution',
    schema: contributionSchema,
    locals: contributionLocals,
    defaults: async () => ({ form: 'cash' }),
    save: async (req, value) => {
      await resources.addContribution(callerOf(req), String(req.params.fund), value);
      return `${base(req)}/funds/${String(req.params.fund)}?year=${value.year}`;
    },
    done: 'Contribution recorded',
  });

  const spendingLocals = async (req: Request) => {
    const found = await fundOr404(req);
    const all = await choices(req);
    return {
      fund: found.fund,
      backLink: `${base(req)}/funds/${found.fund.slug}#entries`,
      yearItems: fundYears(found.fund),
      priorityItems: found.priorities.map((p) => ({
        value: p.id,
        text: `${p.plan.title}: priority ${p.position}, ${p.title}`,
      })),
      actionItems: found.priorities.flatMap((p) =>
        p.actions.map((a) => ({ value: a.id, text: `Priority ${p.position}: ${a.text}` })),
      ),
      serviceItems: all.serviceItems,
      decisionItems: all.decisionItems,
    };
  };

  form({
    path: '/resources/funds/:fund/spending/new',
    view: 'spending-form.njk',
    title: 'Record spending',
    schema: spendingSchema,
    locals: spendingLocals,
    save: async (req, value) => {
      await resources.addSpending(callerOf(req), String(req.params.fund), value);
      return `${base(req)}/funds/${String(req.params.fund)}?year=${value.year}`;
    },
    done: 'Spending recorded',
  });

  form({
    path: '/resources/funds/:fund/decisions/new',
    view: 'decision-form.njk',
    title: 'Link a decision to the fund',
    schema: decisionLinkSchema,
    locals: async (req) => {
      const found = await fundOr404(req);
      return {
        fund: found.fund,
        backLink: `${base(req)}/funds/${found.fund.slug}`,
        decisionItems: (await choices(req)).decisionItems,
      };
    },
    save: async (req, value) => {
      await resources.linkDecision(callerOf(req), String(req.params.fund), value.decisionId);
      return `${base(req)}/funds/${String(req.params.fund)}#decisions`;
    },
    done: 'Decision linked to the fund',
  });

  const pledgeLocals = async (req: Request) => {
    const all = await choices(req);
    return {
      yearItems: yearItems(),
      organisationItems: all.allOrganisationItems,
      priorityItems: all.priorityItems,
      actionItems: all.actionItems,
      decisionItems: all.decisionItems,
      resourceItems: itemsOf(pledgeResources),
      statusItems: itemsOf(pledgeStatuses),
    };
  };

  form({
    path: '/resources/pledges/new',
    view: 'pledge-form.njk',
    title: 'Record a pledge',
    schema: pledgeSchema,
    dates: ['pledgedOn', 'dueOn'],
    locals: pledgeLocals,
    defaults: async () => {
      const parts = partsOf(today());
      return {
        status: 'proposed',
        resource: 'money',
        'pledgedOn-day': parts.day,
        'pledgedOn-month': parts.month,
        'pledgedOn-year': parts.year,
      };
    },
    save: async (req, value) => {
      await resources.addPledge(callerOf(req), value);
      return `${base(req)}#pledges`;
    },
    done: 'Pledge recorded',
  });

  const serviceLocals = async (req: Request) => {
    const all = await choices(req);
    return {
      fundItems: all.fundItems,
      priorityItems: all.priorityItems,
      organisationItems: all.allOrganisationItems,
      statusItems: itemsOf(serviceStatuses),
    };
  };

  form({
    path: '/resources/services/new',
    view: 'service-form.njk',
    title: 'Add a commissioned service',
    schema: serviceSchema,
    dates: ['startsOn', 'endsOn'],
    locals: serviceLocals,
    defaults: async () => ({ status: 'proposed' }),
    save: async (req, value) => {
      const { priorityIds, ...service } = value;
      await resources.addService(callerOf(req), service, priorityIds);
      return `${base(req)}#services`;
    },
    done: 'Commissioned service added',
  });

  form({
    path: '/resources/plans/:plan/principles/new',
    view: 'principle-form.njk',
    title: 'Add a financial principle',
    schema: principleSchema,
    locals: async (req) => {
      const plan = (await choices(req)).found.plans.find((p) => p.slug === String(req.params.plan));
      if (!plan) throw notFound();
      return { plan };
    },
    save: async (req, value) => {
      await resources.addPrinciple(callerOf(req), String(req.params.plan), value.text);
      return `${base(req)}#plan-${String(req.params.plan)}`;
    },
    done: 'Financial principle added',
  });

  // Correcting and removing entries: the same forms, filled in, and the same rules as adding;
  // a page that says what goes before anything is deleted. Every change is audited.

  /** A page that asks before deleting: GET says what goes (and what stays), POST deletes (ADR 0048). */
  const deletePage = (spec: Omit<ConfirmDeletion, 'permission' | 'locals' | 'goesIntro'>) =>
    confirmDeletion(router, {
      ...spec,
      permission: requirePermission('partnership.edit'),
      locals: common,
      goesIntro: 'Deleting it also means:',
    });

  const amounts = (pairs: [string, number | null][]) =>
    pairs
      .filter(([, pence]) => pence !== null)
      .map(([label, pence]) => `${label} ${formatPounds(pence)}`)
      .join(', ');
  const contributionOr404 = (req: Request) =>
    resources.contribution(callerOf(req), String(req.params.fund), idOf(req, 'entry'));
  const spendingOr404 = (req: Request) =>
    resources.spendingEntry(callerOf(req), String(req.params.fund), idOf(req, 'entry'));
  const fundPage = (req: Request, year?: number) =>
    `${base(req)}/funds/${String(req.params.fund)}${year ? `?year=${year}` : ''}#entries`;

  form({
    path: '/resources/funds/:fund/contributions/:entry/edit',
    view: 'contribution-form.njk',
    title: 'Change a contribution',
    schema: contributionSchema,
    locals: async (req) => ({
      ...(await contributionLocals(req)),
      backLink: fundPage(req, (await contributionOr404(req)).entry.year),
      submitText: 'Save the contribution',
    }),
    defaults: async (req) => {
      const { entry } = await contributionOr404(req);
      return {
        organisationId: entry.organisationId,
        year: String(entry.year),
        form: entry.form,
        description: entry.description,
        planned: poundsInput(entry.planned),
        agreed: poundsInput(entry.agreed),
        received: poundsInput(entry.received),
      };
    },
    save: async (req, value) => {
      await resources.updateContribution(callerOf(req), String(req.params.fund), idOf(req, 'entry'), value);
      return fundPage(req, value.year);
    },
    done: 'Contribution changed',
  });

  deletePage({
    path: '/resources/funds/:fund/contributions/:entry/delete',
    title: 'Delete a contribution',
    buttonText: 'Delete the contribution',
    about: async (req) => {
      const { fund, entry } = await contributionOr404(req);
      return {
        caption: fund.name,
        subject: `${entry.organisationName}’s contribution for ${yearLabel(entry.year)} (${contributionForms[entry.form as keyof typeof contributionForms] ?? entry.form}${entry.description ? `: ${entry.description}` : ''}): ${amounts(
          [
            ['planned', entry.planned],
            ['agreed', entry.agreed],
            ['received', entry.received],
          ],
        )}.`,
        goes: [`The fund’s budget and contributions for ${yearLabel(entry.year)} no longer count it`],
        stays: [`${entry.organisationName} and the fund’s other entries`],
        backLink: fundPage(req, entry.year),
      };
    },
    remove: async (req) => {
      const { entry } = await contributionOr404(req);
      await resources.deleteContribution(callerOf(req), String(req.params.fund), entry.id);
      return fundPage(req, entry.year);
    },
    done: 'Contribution deleted',
  });

  form({
    path: '/resources/funds/:fund/spending/:entry/edit',
    view: 'spending-form.njk',
    title: 'Change spending',
    schema: spendingSchema,
    locals: async (req) => ({
      ...(await spendingLocals(req)),
      backLink: fundPage(req, (await spendingOr404(req)).entry.year),
      submitText: 'Save the spending',
    }),
    defaults: async (req) => {
      const { entry } = await spendingOr404(req);
      return {
        year: String(entry.year),
        priorityId: entry.priorityId,
        actionId: entry.actionId,
        serviceId: entry.serviceId,
        decisionId: entry.decisionId,
        description: entry.description,
        planned: poundsInput(entry.planned),
        committed: poundsInput(entry.committed),
        actual: poundsInput(entry.actual),
      };
    },
    save: async (req, value) => {
      await resources.updateSpending(callerOf(req), String(req.params.fund), idOf(req, 'entry'), value);
      return fundPage(req, value.year);
    },
    done: 'Spending changed',
  });

  deletePage({
    path: '/resources/funds/:fund/spending/:entry/delete',
    title: 'Delete spending',
    buttonText: 'Delete the spending',
    about: async (req) => {
      const { fund, entry } = await spendingOr404(req);
      return {
        caption: fund.name,
        subject: `Spending on “${entry.priorityTitle}” for ${yearLabel(entry.year)}${entry.actionText ? `, action: ${entry.actionText}` : ''}${entry.serviceName ? `, service: ${entry.serviceName}` : ''}${entry.description ? ` (${entry.description})` : ''}: ${amounts(
          [
            ['planned', entry.planned],
            ['committed', entry.committed],
            ['actual', entry.actual],
          ],
        )}.`,
        goes: [
          `The fund’s spending for ${yearLabel(entry.year)} and the priority’s resources no longer count it`,
        ],
        stays: [
          ...(entry.decisionId ? ['The meeting’s decision, still linked to the fund'] : []),
          'The fund’s other entries',
        ],
        backLink: fundPage(req, entry.year),
      };
    },
    remove: async (req) => {
      const { entry } = await spendingOr404(req);
      await resources.deleteSpending(callerOf(req), String(req.params.fund), entry.id);
      return fundPage(req, entry.year);
    },
    done: 'Spending deleted',
  });

  const pledgeOr404 = (req: Request) => resources.pledge(callerOf(req), idOf(req, 'pledge'));

  form({
    path: '/resources/pledges/:pledge/edit',
    view: 'pledge-form.njk',
    title: 'Change a pledge',
    schema: pledgeSchema,
    dates: ['pledgedOn', 'dueOn'],
    locals: async (req) => {
      await pledgeOr404(req);
      return {
        ...(await pledgeLocals(req)),
        backLink: `${base(req)}#pledges`,
        submitText: 'Save the pledge',
      };
    },
    defaults: async (req) => {
      const { pledge } = await pledgeOr404(req);
      return {
        organisationId: pledge.organisationId,
        priorityId: pledge.priorityId,
        actionId: pledge.actionId,
        resource: pledge.resource,
        description: pledge.description,
        amount: poundsInput(pledge.amount),
        fromYear: String(pledge.fromYear),
        toYear: String(pledge.toYear),
        status: pledge.status,
        ...dateValues('pledgedOn', pledge.pledgedOn),
        ...dateValues('dueOn', pledge.dueOn),
        agreedBy: pledge.agreedBy,
        decisionId: pledge.decisionId,
      };
    },
    save: async (req, value) => {
      await resources.updatePledge(callerOf(req), idOf(req, 'pledge'), value);
      return `${base(req)}#pledges`;
    },
    done: 'Pledge changed',
  });

  deletePage({
    path: '/resources/pledges/:pledge/delete',
    title: 'Delete a pledge',
    buttonText: 'Delete the pledge',
    about: async (req) => {
      const { pledge, priority } = await pledgeOr404(req);
      return {
        caption: tenantOf(req).name,
        subject: `${pledge.organisationName}’s pledge to “${priority?.title ?? ''}”: ${pledgeResources[pledge.resource as keyof typeof pledgeResources] ?? pledge.resource}, ${pledge.description}${pledge.amount === null ? '' : `, ${formatPounds(pledge.amount)} a year`}, ${yearLabel(pledge.fromYear)}${pledge.toYear === pledge.fromYear ? '' : ` to ${yearLabel(pledge.toYear)}`} (${(pledgeStatuses[pledge.status as keyof typeof pledgeStatuses] ?? pledge.status).toLowerCase()}).`,
        goes: [
          'The priority’s resources and the partner’s pledges no longer count it',
          ...(pledge.status === 'agreed' ? ['Any exception for it being overdue'] : []),
        ],
        stays: [
          ...(pledge.decisionId ? ['The meeting’s decision that agreed it'] : []),
          `${pledge.organisationName}’s other pledges`,
        ],
        backLink: `${base(req)}#pledges`,
      };
    },
    remove: async (req) => {
      await resources.deletePledge(callerOf(req), idOf(req, 'pledge'));
      return `${base(req)}#pledges`;
    },
    done: 'Pledge deleted',
  });

  const serviceOr404 = (req: Request) => resources.service(callerOf(req), idOf(req, 'service'));

  form({
    path: '/resources/services/:service/edit',
    view: 'service-form.njk',
    title: 'Change a commissioned service',
    schema: serviceSchema,
    dates: ['startsOn', 'endsOn'],
    locals: async (req) => {
      await serviceOr404(req);
      return {
        ...(await serviceLocals(req)),
        backLink: `${base(req)}#services`,
        submitText: 'Save the service',
      };
    },
    defaults: async (req) => {
      const { service } = await serviceOr404(req);
      return {
        name: service.name,
        providerKind: service.providerOrganisationId ? 'organisation' : 'other',
        providerOrganisationId: service.providerOrganisationId,
        provider: service.providerOrganisationId ? '' : service.provider,
        annualValue: poundsInput(service.annualValue),
        ...dateValues('startsOn', service.startsOn),
        ...dateValues('endsOn', service.endsOn),
        fundId: service.fundId,
        status: service.status,
        priorityIds: service.priorityIds,
      };
    },
    save: async (req, value) => {
      const { priorityIds, ...service } = value;
      await resources.updateService(callerOf(req), idOf(req, 'service'), service, priorityIds);
      return `${base(req)}#services`;
    },
    done: 'Commissioned service changed',
  });

  deletePage({
    path: '/resources/services/:service/delete',
    title: 'Delete a commissioned service',
    buttonText: 'Delete the service',
    about: async (req) => {
      const { service, spending } = await serviceOr404(req);
      const entries = spending.length === 1 ? '1 spending entry' : `${spending.length} spending entries`;
      return {
        caption: tenantOf(req).name,
        subject: `${service.name}, provided by ${service.providerName}${service.annualValue === null ? '' : `, ${formatPounds(service.annualValue)} a year`} (${(serviceStatuses[service.status as keyof typeof serviceStatuses] ?? service.status).toLowerCase()}).`,
        goes: [
          ...(service.priorityIds.length
            ? [
                `Its links to the ${service.priorityIds.length === 1 ? 'priority' : `${service.priorityIds.length} priorities`} it serves (the priorities stay), and the value it counts in their resources`,
              ]
            : []),
        ],
        stays: [
          ...(spending.length
            ? [
                `${entries} recorded on it (${amounts([
                  ['actual', sumPence(spending.map((row) => row.actual))],
                ])}), on ${spending.length === 1 ? 'its priority' : 'their priorities'}, without the service`,
              ]
            : []),
          ...(service.providerOrganisationId ? [`${service.providerName}, the organisation`] : []),
        ],
        backLink: `${base(req)}#services`,
      };
    },
    remove: async (req) => {
      await resources.deleteService(callerOf(req), idOf(req, 'service'));
      return `${base(req)}#services`;
    },
    done: 'Commissioned service deleted',
  });

  const principleOr404 = (req: Request) =>
    resources.principle(callerOf(req), String(req.params.plan), idOf(req, 'principle'));

  form({
    path: '/resources/plans/:plan/principles/:principle/edit',
    view: 'principle-form.njk',
    title: 'Change a financial principle',
    schema: principleSchema,
    locals: async (req) => {
      const { plan, principle } = await principleOr404(req);
      return {
        plan,
        position: principle.position,
        backLink: `${base(req)}#plan-${plan.slug}`,
        submitText: 'Save the principle',
      };
    },
    defaults: async (req) => ({ text: (await principleOr404(req)).principle.text }),
    save: async (req, value) => {
      await resources.updatePrinciple(
        callerOf(req),
        String(req.params.plan),
        idOf(req, 'principle'),
        value.text,
      );
      return `${base(req)}#plan-${String(req.params.plan)}`;
    },
    done: 'Financial principle changed',
  });

  deletePage({
    path: '/resources/plans/:plan/principles/:principle/delete',
    title: 'Delete a financial principle',
    buttonText: 'Delete the principle',
    about: async (req) => {
      const { plan, principle } = await principleOr404(req);
      return {
        caption: plan.title,
        subject: `Principle ${principle.position}: ${principle.text}`,
        goes: [],
        stays: ['The plan’s other principles, numbered 1, 2, 3 again in the same order'],
        backLink: `${base(req)}#plan-${plan.slug}`,
      };
    },
    remove: async (req) => {
      await resources.deletePrinciple(callerOf(req), String(req.params.plan), idOf(req, 'principle'));
      return `${base(req)}#plan-${String(req.params.plan)}`;
    },
    done: 'Financial principle deleted',
  });

  // The import: upload, a row-by-row preview, then confirm (all rows or none).
  router.use('/resources/funds/:fund/import', requirePermission('partnership.edit'));
  const importLocals = async (req: Request) => {
    const found = await fundOr404(req);
    const path = `${base(req)}/funds/${found.fund.slug}`;
    return {
      found,
      locals: {
        title: `Import into ${found.fund.name}`,
        ...common(req),
        fund: found.fund,
        columns: importColumns,
        path,
        backLink: path,
      },
    };
  };
  const refuse = (res: Response, locals: Record<string, unknown>, message: string) =>
    res
      .status(400)
      .render(`${views}/import.njk`, { ...locals, errors: formErrors([{ path: 'file', message }]) });

  router.get('/resources/funds/:fund/import', async (req, res) => {
    res.render(`${views}/import.njk`, (await importLocals(req)).locals);
  });

  router.post('/resources/funds/:fund/import', acceptUpload(), async (req, res) => {
    const { found, locals } = await importLocals(req);
    const file = uploadedFile(req);
    if ('problem' in file) return refuse(res, locals, file.problem);
    let read: Awaited<ReturnType<typeof readResourcesFile>>;
    try {
      read = await readResourcesFile(file.name, file.content, file.encoding);
    } catch (error) {
      if (error instanceof ImportFileInvalid) return refuse(res, locals, error.message);
      throw error;
    }
    const plan = await resources.previewImport(callerOf(req), found.fund.slug, read.rows);
    const problems = [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line);
    const shown = new Set([...plan.contributions, ...plan.spending].map((row) => row.line));
    const unshown = new Map<number, string[]>();
    for (const problem of problems)
      if (!shown.has(problem.line))
        unshown.set(problem.line, [...(unshown.get(problem.line) ?? []), problem.message]);
    if (!problems.length)
      req.session.pendingImport = {
        kind: 'resources',
        target: found.fund.id,
        fileName: file.name,
        rows: read.rows,
      };
    res.status(problems.length ? 400 : 200).render(`${views}/import-preview.njk`, {
      ...locals,
      title: `Check the import into ${found.fund.name}`,
      plan,
      problems,
      warnings: read.warnings,
      unreadable: [...unshown].map(([line, messages]) => ({ line, message: messages.join('; ') })),
      fileName: file.name,
      formatPounds,
      yearLabel,
    });
  });

  router.post('/resources/funds/:fund/import/confirm', async (req, res) => {
    const { found, locals } = await importLocals(req);
    const pending = req.session.pendingImport;
    if (!pending || pending.kind !== 'resources' || pending.target !== found.fund.id)
      return refuse(res, locals, 'The file to import has expired: upload it again');
    try {
      const done = await resources.importRows(
        callerOf(req),
        found.fund.slug,
        pending.rows as ImportLine[],
        pending.fileName,
      );
      delete req.session.pendingImport;
      flash(
        req,
        `${done.contributions.length} contributions and ${done.spending.length} spending rows imported`,
      );
      res.redirect(303, `${base(req)}/funds/${found.fund.slug}`);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      res.status(400).render(`${views}/import.njk`, {
        ...locals,
        errors: formErrors(error.problems.map((p) => ({ path: 'file', message: p.message }))),
      });
    }
  });

  return router;
}
