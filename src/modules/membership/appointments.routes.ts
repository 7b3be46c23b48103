// One appointment and its corrections (issue 15, ADR 0045): its page (titles and roles over
// time, organisations, standing substitutes), the versioned form that corrects its dates and
// organisations, a change of title or role from a date, a standing substitute added or ended,
// and removing it when it was made in error (confirmed first; refused where a register counts it).
import { Router, type Request } from 'express';
import { callerOf, requirePermission, tenantOf, allowed } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { versionIn } from '../../platform/db/row-version.ts';
import { notFound } from '../../platform/http/errors.ts';
import { partialOf, partsOf, withDates } from '../../platform/http/date-input.ts';
import type { BodiesService } from '../bodies/index.ts';
import type { AppointmentsService } from './appointments.service.ts';
import type { MembershipService } from './membership.service.ts';
import type { MembershipRow } from './membership.repository.ts';
import { confirmSchema, correctionSchema, substituteSchema, termSchema } from './appointments.schemas.ts';
import { seatRoles } from './membership.vocabulary.ts';

const views = 'modules/membership/views';

/** The form's answers of an appointment, with the version they are of (ADR 0044). */
const correctionValues = (held: MembershipRow) => ({
  version: held.version,
  organisationId: held.organisationId,
  jointOrganisationIds: held.jointOrganisations.map((o) => o.id),
  notes: held.notes,
  ...Object.fromEntries(
    (['startsOn', 'endsOn'] as const).flatMap((name) => {
      const precision = name === 'startsOn' ? held.startsPrecision : held.endsPrecision;
      const date = held[name];
      const parts = partsOf(date ? partialOf(date, precision) : null);
      return Object.entries(parts).map(([part, value]) => [`${name}-${part}`, value]);
    }),
  ),
});

export function appointmentsRoutes(
  appointments: AppointmentsService,
  membership: MembershipService,
  bodies: BodiesService,
): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;

  /** The body, the appointment (of that body) and the addresses its pages link. */
  async function context(req: Request) {
    const caller = callerOf(req);
    const body = await bodies.find(caller, String(req.params.body));
    if (!body) throw notFound();
    const held = await appointments.appointment(caller, String(req.params.membership));
    if (!held || held.bodyId !== body.id) throw notFound();
    const bodyUrl = `${base(req)}/bodies/${body.slug}`;
    const url = `${bodyUrl}/memberships/${held.id}`;
    const who = held.youngPerson && !allowed(req, 'partnership.edit') ? 'A young person' : held.personName;
    return { caller, body, held, bodyUrl, url, who };
  }

  router.get('/bodies/:body/memberships/:membership', async (req, res) => {
    const { caller, body, held, bodyUrl, url, who } = await context(req);
    res.render(`${views}/appointment.njk`, {
      title: `${who}: ${held.seatLabel}`,
      tenant: tenantOf(req),
      body,
      held,
      who,
      url,
      seatRoles,
      counted: await appointments.countedAt(caller, held.id),
      canEdit: allowed(req, 'partnership.edit'),
      bodyUrl,
      backLink: `${bodyUrl}/seats`,
    });
  });

  const correctionLocals = async (req: Request, found: Awaited<ReturnType<typeof context>>) => ({
    title: `Correct the appointment of ${found.who}`,
    tenant: tenantOf(req),
    body: found.body,
    held: found.held,
    organisations: await membership.organisations(callerOf(req)),
    backLink: found.url,
  });

  router.get(
    '/bodies/:body/memberships/:membership/edit',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const found = await context(req);
      res.render(`${views}/appointment-form.njk`, {
        ...(await correctionLocals(req, found)),
        values: correctionValues(found.held),
      });
    },
  );

  router.post(
    '/bodies/:body/memberships/:membership/edit',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const found = await context(req);
      const locals = await correctionLocals(req, found);
      const organisationItems = (locals.organisations as { id: string; name: string }[]).map((o) => ({
        value: o.id,
        text: o.name,
      }));
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/appointment-form.njk`,
          locals,
          schema: correctionSchema,
          input: withDates(req.body as Record<string, unknown>, 'startsOn', 'endsOn'),
          versioned: {
            current: async () => {
              const fresh = await appointments.appointment(found.caller, found.held.id);
              if (!fresh) throw notFound();
              return correctionValues(fresh);
            },
            fields: [
              { name: 'startsOn', label: 'Start date', date: true },
              { name: 'endsOn', label: 'End date', date: true },
              { name: 'organisationId', label: 'On behalf of', items: organisationItems },
              { name: 'jointOrganisationIds', label: 'Also on behalf of', items: organisationItems },
              { name: 'notes', label: 'Notes' },
            ],
          },
        },
        async (value) => {
          await appointments.correct(found.caller, found.held.id, value, versionIn(req.body));
        },
      );
      if (!done) return;
      flash(req, 'The appointment has been corrected');
      res.redirect(303, found.url);
    },
  );

  const termLocals = (req: Request, found: Awaited<ReturnType<typeof context>>) => ({
    title: `Record a change of title or role for ${found.who}`,
    tenant: tenantOf(req),
    body: found.body,
    held: found.held,
    roleItems: Object.entries(seatRoles).map(([value, text]) => ({ value, text })),
    backLink: found.url,
  });

  router.get(
    '/bodies/:body/memberships/:membership/terms/new',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const found = await context(req);
      res.render(`${views}/term-form.njk`, { ...termLocals(req, found), values: {} });
    },
  );

  router.post(
    '/bodies/:body/memberships/:membership/terms/new',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const found = await context(req);
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/term-form.njk`,
          locals: termLocals(req, found),
          schema: termSchema,
          input: withDates(req.body as Record<string, unknown>, 'holdsFrom'),
        },
        async (value) => {
          await appointments.changeTerm(found.caller, found.held.id, value);
        },
      );
      if (!done) return;
      flash(req, 'The change of title or role has been recorded');
      res.redirect(303, found.url);
    },
  );

  const substituteLocals = async (req: Request, found: Awaited<ReturnType<typeof context>>) => ({
    title: `Add a standing substitute for ${found.who}`,
    tenant: tenantOf(req),
    body: found.body,
    held: found.held,
    people: (await membership.people(callerOf(req))).filter(
      (person) =>
        person.id !== found.held.personId && !found.held.substitutes.some((s) => s.id === person.id),
    ),
    base: base(req),
    backLink: found.url,
  });

  router.get(
    '/bodies/:body/memberships/:membership/substitutes/new',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const found = await context(req);
      res.render(`${views}/substitute-form.njk`, { ...(await substituteLocals(req, found)), values: {} });
    },
  );

  router.post(
    '/bodies/:body/memberships/:membership/substitutes/new',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const found = await context(req);
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/substitute-form.njk`,
          locals: await substituteLocals(req, found),
          schema: substituteSchema,
          input: req.body,
        },
        async (value) => {
          await appointments.addSubstitute(found.caller, found.held.id, value.personId);
        },
      );
      if (!done) return;
      flash(req, 'The standing substitute has been added');
      res.redirect(303, found.url);
    },
  );

  /**
   * A confirmation page before something is removed (GET), and the removal (POST): a refusal
   * re-renders the page with status 400 and the reason in the error summary.
   */
  function confirmed(
    path: string,
    page: (
      req: Request,
      found: Awaited<ReturnType<typeof context>>,
    ) => { title: string; description: string; button: string; anchor: string; done: string; to?: string },
    action: (req: Request, found: Awaited<ReturnType<typeof context>>) => Promise<void>,
  ) {
    const locals = (req: Request, found: Awaited<ReturnType<typeof context>>) => ({
      ...page(req, found),
      tenant: tenantOf(req),
      caption: `${found.body.name}: ${found.held.seatLabel}`,
      backLink: found.url,
    });
    router.get(path, requirePermission('partnership.edit'), async (req, res) => {
      const found = await context(req);
      res.render(`${views}/remove.njk`, { ...locals(req, found), values: {} });
    });
    router.post(path, requirePermission('partnership.edit'), async (req, res) => {
      const found = await context(req);
      const shown = locals(req, found);
      const done = await submitForm(
        req,
        res,
        { view: `${views}/remove.njk`, locals: shown, schema: confirmSchema, input: {} },
        () => action(req, found),
      );
      if (!done) return;
      flash(req, shown.done);
      res.redirect(303, shown.to ?? found.url);
    });
  }

  confirmed(
    '/bodies/:body/memberships/:membership/substitutes/:person/end',
    (req, found) => {
      const substitute = found.held.substitutes.find((s) => s.id === req.params.person);
      if (!substitute) throw notFound();
      return {
        title: `End ${substitute.name} as a standing substitute`,
        description: `${substitute.name} will no longer be named in advance as a substitute for ${found.who}. A register that records them substituting keeps it, and they can still be named at a meeting.`,
        button: 'End the standing substitute',
        anchor: 'personId',
        done: 'The standing substitute has been ended',
      };
    },
    (req, found) => appointments.endSubstitute(found.caller, found.held.id, String(req.params.person)),
  );

  confirmed(
    '/bodies/:body/memberships/:membership/terms/:term/remove',
    (req, found) => {
      const term = found.held.terms.find((t) => t.id === req.params.term);
      if (!term) throw notFound();
      return {
        title: 'Remove a change of title or role',
        description: `The change recorded for ${found.who} from ${term.holdsFrom}${term.title ? `, title “${term.title}”` : ''}${term.role ? `, role ${seatRoles[term.role as keyof typeof seatRoles] ?? term.role}` : ''}, will be removed as recorded in error.`,
        button: 'Remove the change',
        anchor: 'term',
        done: 'The change of title or role has been removed',
      };
    },
    (req, found) => appointments.removeTerm(found.caller, found.held.id, String(req.params.term)),
  );

  confirmed(
    '/bodies/:body/memberships/:membership/remove',
    (_req, found) => ({
      title: `Remove the appointment of ${found.who}`,
      description: `Remove the appointment of ${found.who} to “${found.held.seatLabel}” as made in error: the membership, its changes of title and its standing substitutes go. To record that the membership ended, end it instead.`,
      button: 'Remove the appointment',
      anchor: 'membership',
      done: 'The appointment has been removed',
      to: `${found.bodyUrl}/seats`,
    }),
    (_req, found) => appointments.remove(found.caller, found.held.id),
  );

  return router;
}
