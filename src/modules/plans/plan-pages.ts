// What the plan pages share: addresses, the vocabulary every view gets, finding a plan or an
// action from the address (a 404 otherwise), the choices the forms offer, and `form`, which
// makes a GOV.UK form page (GET shows it, POST checks, saves and goes on).
import type { Request, RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm, type ConflictField } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { dateParts, partsOf } from '../../platform/http/date-input.ts';
import { ecmOutcomes, ragLabels, directionLabels } from '../indicators/index.ts';
import type { PlanDetail, PlansService } from './plans.service.ts';
import { frameworkLabel, frameworkValues, outcomeFrameworks } from './outcome-frameworks.ts';
import {
  actionStatuses,
  evidenceKinds,
  leadKinds,
  planKinds,
  planStatuses,
  recurrences,
  updateRags,
} from './plans.vocabulary.ts';

export const views = 'modules/plans/views';
export const itemsOf = (record: Record<string, string>) =>
  Object.entries(record).map(([value, text]) => ({ value, text }));
export type Body = Record<string, unknown>;

/** The form body with each named GOV.UK date input gathered into its parts. */
export const withDates = (body: Body, ...names: string[]): Body => {
  const shaped: Body = { ...body };
  for (const name of names) shaped[name] = dateParts(body, name);
  return shaped;
};

/** A stored date as the parts of a GOV.UK date input named `name`. */
export const dateValues = (name: string, iso: string | null | undefined) =>
  Object.fromEntries(Object.entries(partsOf(iso)).map(([part, value]) => [`${name}-${part}`, value]));

export const isId = (value: unknown) => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);

/** Each framework's name with the date of its source, like "Every Child Matters (September 2003)". */
export const frameworkLabels = Object.fromEntries(frameworkValues.map((key) => [key, frameworkLabel(key)]));

/** The plan form's radios: each framework with its source as the hint. */
export const frameworkItems = frameworkValues.map((key) => ({
  value: key,
  text: frameworkLabels[key]!,
  hint: outcomeFrameworks[key].summary,
}));

/** "Outcome" or "Enabler" of the plan's framework, or "Local outcome". */
export const outcomeKindText = (outcome: PlanDetail['outcomes'][number]) =>
  outcome.framework ? (outcome.kind === 'enabler' ? 'Enabler' : 'Outcome') : 'Local outcome';

/** The outcomes a priority may link to: the plan's framework's (outcomes, then enablers) and its local ones. */
export const outcomeChoicesOf = (detail: PlanDetail) => ({
  outcomeItems: detail.outcomes.map((outcome) => ({
    value: outcome.id,
    text: outcome.title,
    hint: outcomeKindText(outcome),
  })),
  outcomeHint: `From the plan’s framework, ${frameworkLabels[detail.plan.framework]}, and its local outcomes`,
});

export const vocabulary = {
  outcomeFrameworks,
  frameworkLabels,
  planKinds,
  planStatuses,
  evidenceKinds,
  actionStatuses,
  leadKinds,
  recurrences,
  updateRags,
  ecmOutcomes,
  ragLabels,
  directionLabels,
};

export interface FormSpec<S extends z.ZodType> {
  path: string;
  view: string;
  title: string;
  schema: S;
  dates?: string[];
  permission?: RequestHandler;
  locals?: (req: Request) => Promise<Record<string, unknown>>;
  defaults?: (req: Request) => Promise<Body>;
  /**
   * An edit form's questions (given the page's locals, for their choices): with `defaults`
   * (which then carry the record's `version`), a stale save shows their version (ADR 0044).
   */
  conflictFields?: (page: Record<string, unknown>) => ConflictField[];
  save: (req: Request, value: z.output<S>) => Promise<string>;
  done: string;
}

export function planPages(router: Router, plans: PlansService) {
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;
  const planPath = (req: Request, slug = String(req.params.plan)) => `${base(req)}/plans/${slug}`;
  const common = (req: Request) => ({
    tenant: tenantOf(req),
    base: base(req),
    canEdit: allowed(req, 'partnership.edit'),
    ...vocabulary,
  });

  async function planOr404(req: Request) {
    const detail = await plans.bySlug(callerOf(req), String(req.params.plan));
    if (!detail) throw notFound();
    return detail;
  }

  /** A form page: GET shows it, POST checks and saves, then goes to the page `save` returns. */
  function form<S extends z.ZodType>(spec: FormSpec<S>) {
    const permission = spec.permission ?? requirePermission('partnership.edit');
    const locals = async (req: Request) => ({
      title: spec.title,
      ...common(req),
      backLink: req.params.plan ? planPath(req) : `${base(req)}/plans`,
      ...(spec.locals ? await spec.locals(req) : {}),
    });
    router.get(spec.path, permission, async (req, res) => {
      res.render(`${views}/${spec.view}`, {
        ...(await locals(req)),
        values: spec.defaults ? await spec.defaults(req) : {},
      });
    });
    router.post(spec.path, permission, async (req, res) => {
      let next = '';
      const page = await locals(req);
      const ok = await submitForm(
        req,
        res,
        {
          view: `${views}/${spec.view}`,
          locals: page,
          schema: spec.schema,
          input: withDates(req.body as Body, ...(spec.dates ?? [])),
          ...(spec.defaults && spec.conflictFields
            ? { versioned: { current: () => spec.defaults!(req), fields: spec.conflictFields(page) } }
            : {}),
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
    const found = await plans.choices(callerOf(req));
    return {
      bodyItems: found.bodies.map((body) => ({ value: body.id, text: body.name })),
      personItems: found.people.map((person) => ({ value: person.id, text: person.name })),
      organisationItems: found.organisations.map((organisation) => ({
        value: organisation.id,
        text: organisation.name,
      })),
      indicatorItems: found.indicators.map((indicator) => ({
        value: indicator.id,
        text: `${indicator.code} ${indicator.title}`,
      })),
    };
  };

  const actionOr404 = async (req: Request) => {
    if (!/^[0-9a-f-]{36}$/.test(String(req.params.action))) throw notFound();
    return plans.action(callerOf(req), String(req.params.plan), String(req.params.action));
  };

  return { base, planPath, common, planOr404, form, choices, actionOr404 };
}

export type PlanPages = ReturnType<typeof planPages>;
