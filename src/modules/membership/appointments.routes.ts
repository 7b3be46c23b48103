// One appointment and its corrections (issue 15, ADR 0045): its page (titles and roles over
// time, organisations, standing substitutes), the versioned form that corrects its dates and
// organisations, a change of title or role from a date, a standing substitute added or ended,
// and removing it when it was made in error (confirmed first; refused where a register counts it).
import { Router, type Request } from 'express';
import { callerOf, requirePermission, tenantOf, allowed } from '../../platform/http/auth.ts';
import { flash, submitForm, type FormPage } from '../../platform/http/forms.ts';
import { formatDatedAt } from '../../platform/dates.ts';
import type { z } from 'zod';
import { versionIn } from '../../platform/db/row-version.ts';
import { notFound } from '../../platform/http/errors.ts';
import { partialOf, partsOf, withDates } from '../../platform/http/date-input.ts';
import type { BodiesService } from '../bodies/index.ts';
import type { AppointmentsService } from './appointments.service.ts';
import type { MembershipService } from './membership.service.ts';
import type { MembershipRow } from './membership.repository.ts';
import {
  confirmSchema,
  correctionSchema,
  substituteEndSchema,
  substituteSchema,
  termSchema,
} from './appointments.schemas.ts';
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

  type Found = Awaited<ReturnType<typeof context>>;

  /**
   * One form of an appointment, as a GET that shows it and a POST that saves it (editors
   * only): a refusal re-renders it with status 400; a success flashes `done` and goes back to
   * the appointment's page.
   */
  function form<S extends z.ZodType>(
    path: string,
    page: {
      view: string;
      locals: (req: Request, found: Found) => Promise<Record<string, unknown>> | Record<string, unknown>;
      /** The answers the empty form starts with. */
      values?: (found: Found) => Record<string, unknown>;
      schema: S;
      /** The date inputs, gathered into their parts for the schema. */
      dates?: string[];
      versioned?: (req: Request, found: Found, locals: Record<string, unknown>) => FormPage<S>['versioned'];
      action: (req: Request, found: Found, value: z.output<S>) => Promise<unknown>;
      done: string;
    },
  ) {
    router.get(path, requirePermission('partnership.edit'), async (req, res) => {
      const found = await context(req);
      res.render(`${views}/${page.view}`, {
        ...(await page.locals(req, found)),
        values: page.values ? page.values(found) : {},
      });
    });
    router.post(path, requirePermission('partnership.edit'), async (req, res) => {
      const found = await context(req);
      const locals = await page.locals(req, found);
      const versioned = page.versioned?.(req, found, locals);
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/${page.view}`,
          locals,
          schema: page.schema,
          input: withDates(req.body as Record<string, unknown>, ...(page.dates ?? [])),
          ...(versioned ? { versioned } : {}),
        },
        async (value) => {
          await page.action(req, found, value);
        },
      );
      if (!done) return;
      flash(req, page.done);
      res.redirect(303, found.url);
    });
  }

  form('/bodies/:body/memberships/:membership/edit', {
    view: 'appointment-form.njk',
    locals: async (req, found) => ({
      title: `Correct the appointment of ${found.who}`,
      tenant: tenantOf(req),
      body: found.body,
      held: found.held,
      organisations: await membership.organisations(callerOf(req)),
      backLink: found.url,
    }),
    values: (found) => correctionValues(found.held),
    schema: correctionSchema,
    dates: ['startsOn', 'endsOn'],
    versioned: (_req, found, locals) => {
      const organisationItems = (locals.organisations as { id: string; name: string }[]).map((o) => ({
        value: o.id,
        text: o.name,
      }));
      return {
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
      };
    },
    action: (req, found, value) =>
      appointments.correct(found.caller, found.held.id, value, versionIn(req.body)),
    done: 'The appointment has been corrected',
  });

  form('/bodies/:body/memberships/:membership/terms/new', {
    view: 'term-form.njk',
    locals: (req, found) => ({
      title: `Record a change of title or role for ${found.who}`,
      tenant: tenantOf(req),
      body: found.body,
      held: found.held,
      roleItems: Object.entries(seatRoles).map(([value, text]) => ({ value, text })),
      backLink: found.url,
    }),
    schema: termSchema,
    dates: ['holdsFrom'],
    action: (_req, found, value) => appointments.changeTerm(found.caller, found.held.id, value),
    done: 'The change of title or role has been recorded',
  });

  form('/bodies/:body/memberships/:membership/substitutes/new', {
    view: 'substitute-form.njk',
    locals: async (req, found) => ({
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
    }),
    schema: substituteSchema,
    dates: ['startsOn', 'endsOn'],
    action: (_req, found, value) => appointments.addSubstitute(found.caller, found.held.id, value),
    done: 'The standing substitute has been added',
  });

  // ending a standing substitute sets the end of their period (issue 15): past registers keep them
  form('/bodies/:body/memberships/:membership/substitutes/:person/end', {
    view: 'substitute-end.njk',
    locals: (req, found) => {
      const standing = found.held.substitutePeriods.find((s) => s.id === req.params.person && !s.endsOn);
      if (!standing) throw notFound();
      const name =
        standing.youngPerson && !allowed(req, 'partnership.edit') ? 'A young person' : standing.name;
      return {
        title: `End ${name} as a standing substitute`,
        description: `${name} is a standing substitute for ${found.who}${standing.startsAs ? ` from ${formatDatedAt(standing.startsOn, standing.startsPrecision)}` : ''}. After the date you give they are no longer named in advance; registers of meetings until then still show them as the standing substitute, and they can still be named at a meeting.`,
        tenant: tenantOf(req),
        body: found.body,
        held: found.held,
        backLink: found.url,
      };
    },
    schema: substituteEndSchema,
    dates: ['endsOn'],
    action: (req, found, value) =>
      appointments.endSubstitute(found.caller, found.held.id, String(req.params.person), value.endsOn),
    done: 'The standing substitute has been ended',
  });

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
