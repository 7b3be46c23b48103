// The partnership's structure and each body's page, mounted under /partnerships/:slug.
import { Router, type Request } from 'express';
import { diffWords } from 'diff';
import { callerOf, requirePermission, tenantOf, allowed } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { confirmDeletion } from '../../platform/http/confirm-deletion.ts';
import { versionIn } from '../../platform/db/row-version.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formErrors, validate } from '../../platform/http/validation.ts';
import { datedAt, queryDates, today } from '../../platform/http/date-input.ts';
import type { BodiesService } from './bodies.service.ts';
import {
  atDateQuery,
  bodyFormSchema,
  newBodyFormSchema,
  relationshipFormSchema,
  rulesOf,
  statusFormSchema,
  termsFormSchema,
} from './bodies.schemas.ts';
import {
  bodyFormValues,
  chairingItems,
  focusItems,
  kindGroups,
  kindLabel,
  relationshipItems,
  statusItems,
  withDates,
} from './bodies.forms.ts';
import { cadenceCounts, isExternal, meetingKinds, statuses } from './bodies.vocabulary.ts';
import { structureDiagram } from './diagram.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';
import { bodyRuleKinds, describeRule } from './rules.ts';

const views = 'modules/bodies/views';

/** `?at=2009` → the last day it can mean is not wanted: the first day is, as records give it. */
function dateFrom(req: Request): {
  at: string;
  error?: { text: string };
  errors?: ReturnType<typeof formErrors>;
  values: Record<string, unknown>;
} {
  // the dates as GOV.UK date inputs, or at=2013-09 as links give them (issue 23)
  const dated = queryDates(req.query, {
    at: { label: 'The date', partial: true },
    from: { label: 'The date to list the changes since', partial: true },
  });
  const checked = validate(atDateQuery, dated.query);
  const problems = [...dated.problems, ...(checked.ok ? [] : checked.problems)];
  if (!checked.ok || problems.length) {
    const errors = formErrors(problems);
    return { at: today(), error: errors.fields.at ?? errors.fields.from, errors, values: dated.query };
  }
  return { at: checked.value.at ? datedAt(checked.value.at).date : today(), values: dated.query };
}

export interface BodiesRouteDeps {
  /** The partnership's people (for the lead officer) and the statutory categories (for quorum). */
  people(caller: ReturnType<typeof callerOf>): Promise<{ id: string; name: string }[]>;
  categories: Record<string, string>;
}

export function bodiesRoutes(bodies: BodiesService, deps: BodiesRouteDeps): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;
  const formChoices = async (req: Request) => ({
    kindGroups,
    focusItems,
    people: await deps.people(callerOf(req)),
    categoryItems: Object.entries(deps.categories).map(([value, text]) => ({ value, text })),
    meetingKinds,
    chairingItems,
  });

  async function bodyOr404(req: Request) {
    const found = await bodies.bySlug(callerOf(req), String(req.params.body));
    if (!found) throw notFound();
    return found;
  }

  // the structure on a date: kept by the address (its dates), the role and today (ADR 0056)
  router.get('/structure', keptPage('structure', { by: ['date'] }), async (req, res) => {
    const { at, errors, values } = dateFrom(req);
    const from =
      typeof values.from === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(values.from)
        ? datedAt(values.from).date
        : undefined;
    const page = await pageRead(res, async () => {
      const structure = await bodies.structure(callerOf(req), at);
      return {
        structure,
        internal: structure.bodies.filter((entry) => !isExternal(entry.body.kind)),
        external: structure.bodies.filter((entry) => isExternal(entry.body.kind)),
        hierarchy: structureTree(structure),
        diagram: await structureDiagram(structure, base(req)),
        changes: from
          ? await bodies.changes(callerOf(req), from < at ? from : at, from < at ? at : from)
          : undefined,
      };
    });
    res.render(`${views}/structure.njk`, {
      title: 'Structure',
      tenant: tenantOf(req),
      at,
      values,
      errors,
      ...page,
      kindLabel,
      statuses,
      canEdit: allowed(req, 'partnership.edit'),
      base: base(req),
    });
  });

  router.get('/bodies/new', requirePermission('partnership.edit'), async (req, res) => {
    res.render(`${views}/form.njk`, {
      title: 'Add a body',
      tenant: tenantOf(req),
      ...(await formChoices(req)),
      isNew: true,
      values: { takesDecisions: 'yes', status: 'established' },
      backLink: `${base(req)}/structure`,
    });
  });

  router.post('/bodies/new', requirePermission('partnership.edit'), async (req, res) => {
    let slug = '';
    const locals = {
      title: 'Add a body',
      tenant: tenantOf(req),
      ...(await formChoices(req)),
      isNew: true,
      backLink: `${base(req)}/structure`,
    };
    const input = withDates(req.body as Record<string, unknown>, 'startsOn', 'endsOn', 'statusOn');
    const done = await submitForm(
      req,
      res,
      { view: `${views}/form.njk`, locals, schema: newBodyFormSchema, input },
      async (value) => {
        slug = (await bodies.create(callerOf(req), { ...value, ...rulesOf(value) })).slug;
      },
    );
    if (!done) return;
    flash(req, 'The body has been added');
    res.redirect(303, `${base(req)}/bodies/${slug}`);
  });

  router.get('/bodies/:body', async (req, res) => {
    const { at, error } = dateFrom(req);
    const found = await bodyOr404(req);
    res.render(`${views}/show.njk`, {
      title: found.body.name,
      tenant: tenantOf(req),
      ...found,
      leadOfficer: found.body.leadOfficerId
        ? (await deps.people(callerOf(req))).find((p) => p.id === found.body.leadOfficerId)
        : undefined,
      categories: deps.categories,
      meetingKinds,
      cadenceCounts,
      // each rule's history in words, oldest first (ADR 0040)
      ruleHistory: found.rules.map((row) => ({
        ...row,
        label: bodyRuleKinds[row.rule],
        text: describeRule(row.rule, row.value, deps.categories),
      })),
      chairing: found.latestRules.chairing ? describeRule('chairing', found.latestRules.chairing) : null,
      at,
      atError: error,
      kindLabel,
      statuses,
      external: isExternal(found.body.kind),
      canEdit: allowed(req, 'partnership.edit'),
      base: base(req),
      backLink: `${base(req)}/structure`,
    });
  });

  router.get('/bodies/:body/edit', requirePermission('partnership.edit'), async (req, res) => {
    const found = await bodyOr404(req);
    const { body } = found;
    res.render(`${views}/form.njk`, {
      title: `Change ${body.name}`,
      tenant: tenantOf(req),
      ...(await formChoices(req)),
      values: bodyFormValues(body, found),
      backLink: `${base(req)}/bodies/${body.slug}`,
    });
  });

  router.post('/bodies/:body/edit', requirePermission('partnership.edit'), async (req, res) => {
    const { body } = await bodyOr404(req);
    let slug = body.slug;
    const locals = {
      title: `Change ${body.name}`,
      tenant: tenantOf(req),
      ...(await formChoices(req)),
      backLink: `${base(req)}/bodies/${body.slug}`,
    };
    const input = withDates(req.body as Record<string, unknown>, 'startsOn', 'endsOn', 'rulesFrom');
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/form.njk`,
        locals,
        schema: bodyFormSchema,
        input,
        // a stale save shows their version beside the answers (ADR 0044)
        versioned: {
          current: async () => {
            const found = await bodyOr404(req);
            return bodyFormValues(found.body, found);
          },
          fields: [
            { name: 'name', label: 'Name' },
            { name: 'slug', label: 'Short name for web addresses' },
            { name: 'kind', label: 'Kind of body' },
            { name: 'purpose', label: 'Purpose' },
            { name: 'focus', label: 'Outcome, age range or theme' },
            { name: 'area', label: 'Area' },
            { name: 'startsOn', label: 'Start date', date: true },
            { name: 'endsOn', label: 'End date', date: true },
            { name: 'membershipCap', label: 'Most members allowed' },
            { name: 'attendanceThreshold', label: 'Attendance expected of each seat (per cent)' },
            {
              name: 'leadOfficerId',
              label: 'Lead officer',
              items: locals.people.map((person) => ({ value: person.id, text: person.name })),
            },
            { name: 'quorumMinimum', label: 'Quorum' },
            { name: 'chairingDetail', label: 'Who chairs' },
            { name: 'actionCode', label: 'Code for action numbers' },
            { name: 'standingItems', label: 'Standing items' },
          ],
        },
      },
      async (value) => {
        slug = (
          await bodies.update(callerOf(req), body.id, { ...value, ...rulesOf(value) }, versionIn(req.body))
        ).slug;
      },
    );
    if (!done) return;
    flash(req, 'The body has been changed');
    res.redirect(303, `${base(req)}/bodies/${slug}`);
  });

  const statusLocals = (req: Request, found: Awaited<ReturnType<typeof bodyOr404>>) => ({
    title: `Record a change to ${found.body.name}`,
    tenant: tenantOf(req),
    body: found.body,
    statusItems,
    others: found.others,
    backLink: `${base(req)}/bodies/${found.body.slug}`,
  });

  router.get('/bodies/:body/status', requirePermission('partnership.edit'), async (req, res) => {
    const found = await bodyOr404(req);
    res.render(`${views}/status.njk`, { ...statusLocals(req, found), values: {} });
  });

  router.post('/bodies/:body/status', requirePermission('partnership.edit'), async (req, res) => {
    const found = await bodyOr404(req);
    const input = withDates(req.body as Record<string, unknown>, 'effectiveOn');
    const done = await submitForm(
      req,
      res,
      { view: `${views}/status.njk`, locals: statusLocals(req, found), schema: statusFormSchema, input },
      async (value) => {
        await bodies.recordStatus(callerOf(req), found.body.id, value);
      },
    );
    if (!done) return;
    flash(req, 'The change has been recorded');
    res.redirect(303, `${base(req)}/bodies/${found.body.slug}`);
  });

  const relationLocals = (req: Request, found: Awaited<ReturnType<typeof bodyOr404>>) => ({
    title: `Relate ${found.body.name} to another body`,
    tenant: tenantOf(req),
    body: found.body,
    relationshipItems,
    others: found.others,
    backLink: `${base(req)}/bodies/${found.body.slug}`,
  });

  router.get('/bodies/:body/relationships/new', requirePermission('partnership.edit'), async (req, res) => {
    const found = await bodyOr404(req);
    res.render(`${views}/relationship.njk`, { ...relationLocals(req, found), values: {} });
  });

  router.post('/bodies/:body/relationships/new', requirePermission('partnership.edit'), async (req, res) => {
    const found = await bodyOr404(req);
    const input = withDates(req.body as Record<string, unknown>, 'startsOn', 'endsOn');
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/relationship.njk`,
        locals: relationLocals(req, found),
        schema: relationshipFormSchema,
        input,
      },
      async (value) => {
        await bodies.relate(callerOf(req), { ...value, fromBodyId: found.body.id });
      },
    );
    if (!done) return;
    flash(req, 'The relationship has been added');
    res.redirect(303, `${base(req)}/bodies/${found.body.slug}`);
  });

  // Removing a relationship asks first (ADR 0048).
  confirmDeletion(router, {
    path: '/bodies/:body/relationships/:id/remove',
    permission: requirePermission('partnership.edit'),
    title: 'Remove a relationship',
    buttonText: 'Remove the relationship',
    goesIntro: 'Removing it also means:',
    locals: (req) => ({ tenant: tenantOf(req), base: base(req) }),
    about: async (req) => {
      const found = await bodyOr404(req);
      const relationship = found.outgoing.find((r) => r.id === String(req.params.id));
      if (!relationship) throw notFound();
      return {
        caption: `${tenantOf(req).name}: ${found.body.name}`,
        subject: `${found.body.name} ${relationship.label.toLowerCase()} ${relationship.other.name}.`,
        goes: ['The structure diagram and the lists of the structure no longer show it, on any date'],
        stays: [`${found.body.name}, ${relationship.other.name} and their other relationships`],
        backLink: `${base(req)}/bodies/${found.body.slug}`,
      };
    },
    remove: async (req) => {
      const found = await bodyOr404(req);
      const id = String(req.params.id);
      if (![...found.outgoing, ...found.incoming].some((r) => r.id === id)) throw notFound();
      await bodies.unrelate(callerOf(req), id);
      return `${base(req)}/bodies/${found.body.slug}`;
    },
    done: 'The relationship has been removed',
  });

  router.get('/bodies/:body/terms/new', requirePermission('partnership.edit'), async (req, res) => {
    const found = await bodyOr404(req);
    const latest = found.terms.at(-1);
    res.render(`${views}/terms-form.njk`, {
      title: `New version of ${found.body.name}’s terms of reference`,
      tenant: tenantOf(req),
      body: found.body,
      values: { title: latest?.title ?? 'Terms of reference', text: latest?.text ?? '' },
      backLink: `${base(req)}/bodies/${found.body.slug}`,
    });
  });

  router.post('/bodies/:body/terms/new', requirePermission('partnership.edit'), async (req, res) => {
    const found = await bodyOr404(req);
    let version = 0;
    const locals = {
      title: `New version of ${found.body.name}’s terms of reference`,
      tenant: tenantOf(req),
      body: found.body,
      backLink: `${base(req)}/bodies/${found.body.slug}`,
    };
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/terms-form.njk`,
        locals,
        schema: termsFormSchema,
        input: withDates(req.body as Record<string, unknown>, 'adoptedOn'),
      },
      async (value) => {
        version = await bodies.adoptTerms(callerOf(req), found.body.id, value);
      },
    );
    if (!done) return;
    flash(req, `Version ${version} has been adopted`);
    res.redirect(303, `${base(req)}/bodies/${found.body.slug}/terms/${version}`);
  });

  router.get('/bodies/:body/terms/:version', async (req, res) => {
    const found = await bodyOr404(req);
    const version = found.terms.find((terms) => String(terms.version) === req.params.version);
    if (!version) throw notFound();
    const previous = found.terms.find((terms) => terms.version === version.version - 1);
    res.render(`${views}/terms.njk`, {
      title: `${version.title}, version ${version.version}`,
      tenant: tenantOf(req),
      body: found.body,
      version,
      previous,
      changes: previous ? diffWords(previous.text, version.text) : undefined,
      backLink: `${base(req)}/bodies/${found.body.slug}`,
    });
  });

  return router;
}

/** The structure as nested lists: each body under the body it reports to (the diagram's text). */
export function structureTree(structure: Awaited<ReturnType<BodiesService['structure']>>) {
  type Node = { entry: (typeof structure.bodies)[number]; links: string[]; children: Node[] };
  const nodes = new Map<string, Node>(
    structure.bodies.map((entry) => [entry.body.id, { entry, links: [], children: [] }]),
  );
  const hasParent = new Set<string>();
  for (const relationship of structure.relationships) {
    const from = nodes.get(relationship.fromBodyId)!;
    const to = nodes.get(relationship.toBodyId)!;
    if (
      ['reports-to', 'accountable-to', 'sub-function-of'].includes(relationship.kind) &&
      !hasParent.has(from.entry.body.id)
    ) {
      to.children.push(from);
      hasParent.add(from.entry.body.id);
    } else {
      from.links.push(`${relationship.kind.replaceAll('-', ' ')} ${to.entry.name}`);
    }
  }
  return [...nodes.values()].filter((node) => !hasParent.has(node.entry.body.id));
}
