// The partnership's organisations and people. Contact details are shown only here, to
// signed-in users of the partnership, never on public pages.
import { Router, type Request } from 'express';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { versionIn } from '../../platform/db/row-version.ts';
import { notFound } from '../../platform/http/errors.ts';
import { dateParts, partsOf } from '../../platform/http/date-input.ts';
import type { MembershipService } from './membership.service.ts';
import { interestSchema, organisationSchema, personSchema } from './membership.schemas.ts';
import { categories, seatRoles, sectors } from './membership.vocabulary.ts';

const views = 'modules/membership/views';
const options = (record: Record<string, string>) =>
  Object.entries(record).map(([value, text]) => ({ value, text }));

export function directoryRoutes(membership: MembershipService): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;
  const orgLocals = async (req: Request, title: string, id?: string) => ({
    title,
    tenant: tenantOf(req),
    sectorItems: options(sectors),
    categoryItems: options(categories),
    // the organisations that may succeed it: the partnership's others
    successorItems: (await membership.organisations(callerOf(req)))
      .filter((o) => o.id !== id)
      .map((o) => ({ value: o.id, text: o.name })),
    backLink: `${base(req)}/organisations`,
  });
  const orgInput = (body: Record<string, unknown>) => ({ ...body, endsOn: dateParts(body, 'endsOn') });

  router.get('/organisations', async (req, res) => {
    const list = await membership.organisations(callerOf(req));
    if (req.query.format === 'csv') {
      sendCsv(
        res,
        'organisations',
        toCsv(
          ['name', 'sector', 'category', 'endsOn', 'successor', 'notes'],
          list.map((o) => ({
            name: o.name,
            sector: sectors[o.sector as keyof typeof sectors] ?? o.sector,
            category: o.category ?? '',
            endsOn: o.endsOn ?? '',
            successor: list.find((other) => other.id === o.successorId)?.name ?? '',
            notes: o.notes ?? '',
          })),
        ),
      );
      return;
    }
    res.render(`${views}/organisations.njk`, {
      title: 'Organisations',
      tenant: tenantOf(req),
      organisations: list,
      successorNames: Object.fromEntries(list.map((o) => [o.id, o.name])),
      sectors,
      categories,
      canEdit: allowed(req, 'partnership.edit'),
      base: base(req),
    });
  });

  router.get('/organisations/new', requirePermission('partnership.edit'), async (req, res) => {
    res.render(`${views}/organisation-form.njk`, {
      ...(await orgLocals(req, 'Add an organisation')),
      values: {},
    });
  });

  router.post('/organisations/new', requirePermission('partnership.edit'), async (req, res) => {
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/organisation-form.njk`,
        locals: await orgLocals(req, 'Add an organisation'),
        schema: organisationSchema,
        input: orgInput(req.body as Record<string, unknown>),
      },
      async (value) => {
        await membership.addOrganisation(callerOf(req), value);
      },
    );
    if (!done) return;
    flash(req, 'The organisation has been added');
    res.redirect(303, `${base(req)}/organisations`);
  });

  router.get('/organisations/:id/edit', requirePermission('partnership.edit'), async (req, res) => {
    const organisation = (await membership.organisations(callerOf(req))).find((o) => o.id === req.params.id);
    if (!organisation) throw notFound();
    const { day, month, year } = partsOf(organisation.endsOn);
    res.render(`${views}/organisation-form.njk`, {
      ...(await orgLocals(req, `Change ${organisation.name}`, organisation.id)),
      values: { ...organisation, 'endsOn-day': day, 'endsOn-month': month, 'endsOn-year': year },
    });
  });

  router.post('/organisations/:id/edit', requirePermission('partnership.edit'), async (req, res) => {
    const organisation = (await membership.organisations(callerOf(req))).find((o) => o.id === req.params.id);
    if (!organisation) throw notFound();
    const locals = await orgLocals(req, `Change ${organisation.name}`, organisation.id);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/organisation-form.njk`,
        locals,
        schema: organisationSchema,
        input: orgInput(req.body as Record<string, unknown>),
        // a stale save shows their version beside the answers (ADR 0044)
        versioned: {
          current: async () => {
            const found = (await membership.organisations(callerOf(req))).find(
              (o) => o.id === organisation.id,
            );
            if (!found) throw notFound();
            const { day, month, year } = partsOf(found.endsOn);
            return { ...found, 'endsOn-day': day, 'endsOn-month': month, 'endsOn-year': year };
          },
          fields: [
            { name: 'name', label: 'Name' },
            { name: 'sector', label: 'Sector', items: locals.sectorItems },
            { name: 'category', label: 'Statutory partner category', items: locals.categoryItems },
            { name: 'endsOn', label: 'Ended on', date: true },
            { name: 'successorId', label: 'Succeeded by', items: locals.successorItems },
            { name: 'notes', label: 'Notes' },
            { name: 'otherNames', label: 'Other names' },
          ],
        },
      },
      async (value) => {
        await membership.updateOrganisation(callerOf(req), organisation.id, value, versionIn(req.body));
      },
    );
    if (!done) return;
    flash(req, 'The organisation has been changed');
    res.redirect(303, `${base(req)}/organisations`);
  });

  router.get('/people', async (req, res) => {
    res.render(`${views}/people.njk`, {
      title: 'People',
      tenant: tenantOf(req),
      people: await membership.people(callerOf(req)),
      canEdit: allowed(req, 'partnership.edit'),
      base: base(req),
    });
  });

  router.get('/people/new', requirePermission('partnership.edit'), (req, res) => {
    res.render(`${views}/person-form.njk`, {
      title: 'Add a person',
      tenant: tenantOf(req),
      values: {},
      backLink: `${base(req)}/people`,
    });
  });

  router.post('/people/new', requirePermission('partnership.edit'), async (req, res) => {
    let id = '';
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/person-form.njk`,
        locals: { title: 'Add a person', tenant: tenantOf(req), backLink: `${base(req)}/people` },
        schema: personSchema,
        input: req.body,
      },
      async (value) => {
        id = await membership.addPerson(callerOf(req), value);
      },
    );
    if (!done) return;
    flash(req, 'The person has been added');
    res.redirect(303, `${base(req)}/people/${id}`);
  });

  async function personOr404(req: Request) {
    const person = (await membership.people(callerOf(req))).find((p) => p.id === req.params.id);
    if (!person) throw notFound();
    return person;
  }

  const personLocals = async (req: Request, person: Awaited<ReturnType<typeof personOr404>>) => ({
    title: person.name,
    tenant: tenantOf(req),
    person,
    memberships: await membership.memberships(callerOf(req), { personId: person.id }),
    interests: await membership.interests(callerOf(req), person.id),
    canEdit: allowed(req, 'partnership.edit'),
    canDeclare: allowed(req, 'partnership.contribute'),
    seatRoles,
    base: base(req),
    backLink: `${base(req)}/people`,
  });

  router.get('/people/:id', async (req, res) => {
    const person = await personOr404(req);
    res.render(`${views}/person.njk`, { ...(await personLocals(req, person)), values: {} });
  });

  router.get('/people/:id/edit', requirePermission('partnership.edit'), async (req, res) => {
    const person = await personOr404(req);
    res.render(`${views}/person-form.njk`, {
      title: `Change ${person.name}`,
      tenant: tenantOf(req),
      values: {
        ...person,
        youngPerson: person.youngPerson ? 'yes' : 'no',
        otherNames: (person.otherNames ?? []).join('\n'),
      },
      backLink: `${base(req)}/people/${person.id}`,
    });
  });

  router.post('/people/:id/edit', requirePermission('partnership.edit'), async (req, res) => {
    const person = await personOr404(req);
    const locals = {
      title: `Change ${person.name}`,
      tenant: tenantOf(req),
      backLink: `${base(req)}/people/${person.id}`,
    };
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/person-form.njk`,
        locals,
        schema: personSchema,
        input: req.body,
        // a stale save shows their version beside the answers (ADR 0044)
        versioned: {
          current: async () => {
            const found = await personOr404(req);
            return {
              ...found,
              youngPerson: found.youngPerson ? 'yes' : 'no',
              otherNames: (found.otherNames ?? []).join('\n'),
            };
          },
          fields: [
            { name: 'name', label: 'Name' },
            { name: 'jobTitle', label: 'Job title' },
            { name: 'email', label: 'Email address' },
            { name: 'phone', label: 'Phone' },
            {
              name: 'youngPerson',
              label: 'Child or young person',
              items: [
                { value: 'yes', text: 'Yes' },
                { value: 'no', text: 'No' },
              ],
            },
            { name: 'notes', label: 'Notes' },
          ],
        },
      },
      async (value) => {
        await membership.updatePerson(callerOf(req), person.id, value, versionIn(req.body));
      },
    );
    if (!done) return;
    flash(req, 'The person’s details have been changed');
    res.redirect(303, `${base(req)}/people/${person.id}`);
  });

  router.post('/people/:id/interests', requirePermission('partnership.contribute'), async (req, res) => {
    const person = await personOr404(req);
    const input = {
      ...(req.body as object),
      declaredOn: dateParts(req.body as Record<string, unknown>, 'declaredOn'),
    };
    const done = await submitForm(
      req,
      res,
      { view: `${views}/person.njk`, locals: await personLocals(req, person), schema: interestSchema, input },
      async (value) => {
        await membership.declareInterest(callerOf(req), { ...value, personId: person.id });
      },
    );
    if (!done) return;
    flash(req, 'The interest has been declared');
    res.redirect(303, `${base(req)}/people/${person.id}`);
  });

  return router;
}
