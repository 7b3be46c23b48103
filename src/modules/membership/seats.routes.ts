// A body's seats and members: the list in order with who holds each seat on a date, adding
// and changing seats, appointing people, ending memberships, and the list as CSV.
import { Router, type Request } from 'express';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { sendXlsx, toXlsx } from '../../platform/documents/xlsx.ts';
import { tableDocx } from '../../platform/documents/table-docx.ts';
import { sendDocument } from '../../platform/documents/render.ts';
import { formatDate } from '../../platform/dates.ts';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { versionIn } from '../../platform/db/row-version.ts';
import { notFound } from '../../platform/http/errors.ts';
import {
  dateParts,
  dateValues,
  partsOf,
  queryDates,
  today,
  withDates,
} from '../../platform/http/date-input.ts';
import { formErrors } from '../../platform/http/validation.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';
import type { BodiesService } from '../bodies/index.ts';
import type { MembershipService } from './membership.service.ts';
import { appointmentSchema, endMembershipSchema, seatSchema } from './membership.schemas.ts';
import { categories, howFilled, offices, seatRoles } from './membership.vocabulary.ts';
import type { SeatRow } from './membership.repository.ts';
import { confirmSchema } from './appointments.schemas.ts';
import { listColumns } from './membership.import.ts';

const views = 'modules/membership/views';
const options = (record: Record<string, string>) =>
  Object.entries(record).map(([value, text]) => ({ value, text }));
const uuid = /^[0-9a-f-]{36}$/;

export function seatsRoutes(membership: MembershipService, bodies: BodiesService): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;

  /** The body and its seats on the date asked about; with `all`, every seat it has had (to edit). */
  async function context(req: Request, options: { all?: boolean } = {}) {
    const caller = callerOf(req);
    const body = await bodies.find(caller, String(req.params.body));
    if (!body) throw notFound();
    // the date as a GOV.UK date input, or at=YYYY-MM-DD as links give it (issue 23)
    const dated = queryDates(req.query, { at: { label: 'The date' } });
    const given = dated.query.at;
    const valid =
      typeof given === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given) && !Number.isNaN(Date.parse(given));
    const at = valid ? given : today();
    const problems = [
      ...dated.problems,
      ...(given && !valid && !dated.problems.length
        ? [{ path: 'at.day', message: 'The date must be a real date' }]
        : []),
    ];
    const seats = await membership.seats(caller, body.id, at, options);
    return {
      caller,
      body,
      seats,
      at,
      bodyUrl: `${base(req)}/bodies/${body.slug}`,
      atValues: problems.length ? dated.query : dateValues('at', at),
      dateErrors: problems.length ? formErrors(problems) : undefined,
    };
  }

  function seatOf(seats: SeatRow[], id: unknown) {
    const seat = seats.find((candidate) => candidate.id === id);
    if (!seat) throw notFound();
    return seat;
  }

  const seatFormLocals = async (req: Request, body: { name: string; slug: string }, title: string) => ({
    title,
    tenant: tenantOf(req),
    body,
    organisations: await membership.organisations(callerOf(req)),
    roleItems: options(seatRoles),
    howFilledItems: options(howFilled),
    categoryItems: options(categories),
    officeItems: options(offices),
    bodyItems: (await bodies.list(callerOf(req)))
      .filter((other) => other.slug !== body.slug)
      .map((other) => ({ value: other.id, text: other.name })),
    backLink: `${base(req)}/bodies/${body.slug}/seats`,
  });
  const seatInput = (req: Request) =>
    withDates(req.body as Record<string, unknown>, 'startsOn', 'endsOn', 'placesFrom', 'nominationDue');

  // kept by the address (the body, the date asked about), the role and today (ADR 0056)
  router.get('/bodies/:body/seats', keptPage('seats', { by: ['date'] }), async (req, res) => {
    const { body, seats, at, bodyUrl, atValues, dateErrors } = await pageRead(res, async () => {
      const { caller: _caller, ...page } = await context(req);
      return page;
    });
    // the list as CSV, Excel or Word, in one column set (issue 23 item 4)
    if (req.query.format === 'csv' || req.query.format === 'xlsx' || req.query.format === 'docx') {
      const rows = seats.flatMap((seat) =>
        (seat.holders.length ? seat.holders : [null]).map((holder) => ({
          position: seat.position,
          seat: seat.label,
          role: seatRoles[seat.role as keyof typeof seatRoles] ?? seat.role,
          voting: seat.voting ? 'yes' : 'no',
          howFilled: howFilled[seat.howFilled as keyof typeof howFilled] ?? seat.howFilled,
          organisation: holder?.organisationName ?? seat.organisationName ?? '',
          category: seat.category ?? '',
          // young people are not named in exports
          holder: holder ? (holder.youngPerson ? 'A young person' : holder.personName) : '',
          from: holder?.startsOn ?? '',
          until: holder?.endsOn ?? '',
          seatFrom: seat.startsOn ?? '',
          seatUntil: seat.endsOn ?? '',
        })),
      );
      const name = `${tenantOf(req).slug}-${body.slug}-members-${at}`;
      // CSV and Excel in the columns the import takes, so the list imports back unchanged (issue 15)
      const list = req.query.format === 'docx' ? [] : await membership.listOn(callerOf(req), body.id, at);
      if (req.query.format === 'csv') sendCsv(res, name, toCsv(listColumns, list));
      else if (req.query.format === 'xlsx') sendXlsx(res, name, await toXlsx('Members', listColumns, list));
      else
        sendDocument(res, {
          name,
          type: 'docx',
          content: await tableDocx(
            {
              partnership: tenantOf(req).name,
              title: `Seats and members of ${body.name} on ${formatDate(at)}`,
              landscape: true,
            },
            [
              { key: 'seat', header: 'Seat' },
              { key: 'role', header: 'Role' },
              { key: 'voting', header: 'Voting' },
              { key: 'organisation', header: 'Organisation' },
              { key: 'holder', header: 'Member' },
              { key: 'from', header: 'From' },
              { key: 'until', header: 'Until' },
            ],
            rows.map((row) => ({ ...row, from: formatDate(row.from), until: formatDate(row.until) })),
          ),
        });
      return;
    }
    res.status(dateErrors ? 400 : 200).render(`${views}/seats.njk`, {
      title: `Seats and members of ${body.name}`,
      values: atValues,
      errors: dateErrors,
      tenant: tenantOf(req),
      body,
      seats,
      at,
      // a seat whose organisation has ended is offered the successor
      seatRoles,
      howFilled,
      categories,
      offices,
      canEdit: allowed(req, 'partnership.edit'),
      bodyUrl,
      backLink: bodyUrl,
    });
  });

  router.get('/bodies/:body/seats/new', requirePermission('partnership.edit'), async (req, res) => {
    const { body } = await context(req);
    res.render(`${views}/seat-form.njk`, {
      ...(await seatFormLocals(req, body, 'Add a seat')),
      isNew: true,
      values: { role: 'member', voting: 'yes', howFilled: 'appointed', capacity: 1 },
    });
  });

  router.post('/bodies/:body/seats/new', requirePermission('partnership.edit'), async (req, res) => {
    const { body, caller } = await context(req);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/seat-form.njk`,
        locals: { ...(await seatFormLocals(req, body, 'Add a seat')), isNew: true },
        schema: seatSchema,
        input: seatInput(req),
      },
      async (value) => {
        await membership.addSeat(caller, body.id, value);
      },
    );
    if (!done) return;
    flash(req, 'The seat has been added');
    res.redirect(303, `${base(req)}/bodies/${body.slug}/seats`);
  });

  /** A seat's answers as its form shows them, with the version they are of (ADR 0044). */
  const seatFormValues = (seat: SeatRow) => ({
    ...seat,
    ...Object.fromEntries(
      (['startsOn', 'endsOn', 'nominationDue'] as const).flatMap((name) =>
        Object.entries(partsOf(seat[name])).map(([part, value]) => [`${name}-${part}`, value]),
      ),
    ),
    voting: seat.voting ? 'yes' : 'no',
    independent: seat.independent === null ? 'unknown' : seat.independent ? 'yes' : 'no',
    recommended: seat.recommended ? 'yes' : 'no',
  });

  router.get('/bodies/:body/seats/:seat/edit', requirePermission('partnership.edit'), async (req, res) => {
    const { body, seats } = await context(req, { all: true });
    const seat = seatOf(seats, req.params.seat);
    res.render(`${views}/seat-form.njk`, {
      ...(await seatFormLocals(req, body, `Change the seat “${seat.label}”`)),
      values: {
        ...seatFormValues(seat),
        // ?organisationId=… (the seats page's offer of an ended organisation's successor)
        ...(typeof req.query.organisationId === 'string' && uuid.test(req.query.organisationId)
          ? { organisationId: req.query.organisationId }
          : {}),
      },
      seat,
    });
  });

  router.post('/bodies/:body/seats/:seat/edit', requirePermission('partnership.edit'), async (req, res) => {
    const { body, seats, caller } = await context(req, { all: true });
    const seat = seatOf(seats, req.params.seat);
    const locals = { ...(await seatFormLocals(req, body, `Change the seat “${seat.label}”`)), seat };
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/seat-form.njk`,
        locals,
        schema: seatSchema,
        input: seatInput(req),
        // a stale save shows their version beside the answers (ADR 0044)
        versioned: {
          current: async () => {
            const fresh = seatOf((await context(req, { all: true })).seats, req.params.seat);
            return seatFormValues(fresh);
          },
          fields: [
            { name: 'label', label: 'Name of the seat' },
            { name: 'role', label: 'Role' },
            { name: 'voting', label: 'Does the seat have a vote?' },
            { name: 'howFilled', label: 'How is it filled?' },
            { name: 'filledBy', label: 'Elected or nominated by' },
            { name: 'organisationId', label: 'On behalf of' },
            { name: 'category', label: 'Statutory partner category' },
            { name: 'capacity', label: 'Places' },
            { name: 'independent', label: 'Is the holder independent of the partners?' },
            { name: 'startsOn', label: 'From', date: true },
            { name: 'endsOn', label: 'Until', date: true },
            { name: 'position', label: 'Place in the list' },
            { name: 'notes', label: 'Notes' },
            { name: 'recommended', label: 'Recommended rather than constituted' },
            { name: 'nominationBy', label: 'Nomination awaited from' },
            { name: 'nominationDue', label: 'Nomination due by', date: true },
            { name: 'candidates', label: 'Candidates named' },
          ],
        },
      },
      async (value) => {
        await membership.updateSeat(caller, seat.id, { ...value, rule: seat.rule }, versionIn(req.body));
      },
    );
    if (!done) return;
    flash(req, 'The seat has been changed');
    res.redirect(303, `${base(req)}/bodies/${body.slug}/seats`);
  });

  /** Removing a seat made in error: confirmed first; refused where a register counts it (issue 15). */
  const removeLocals = (req: Request, body: { name: string; slug: string }, seat: SeatRow) => ({
    title: `Remove the seat “${seat.label}”`,
    caption: body.name,
    description: `Remove “${seat.label}” as made in error: the seat and every appointment to it go. A seat that has ended should be given an end date instead.`,
    button: 'Remove the seat',
    anchor: 'seat',
    tenant: tenantOf(req),
    backLink: `${base(req)}/bodies/${body.slug}/seats/${seat.id}/edit`,
  });

  router.get('/bodies/:body/seats/:seat/remove', requirePermission('partnership.edit'), async (req, res) => {
    const { body, seats } = await context(req, { all: true });
    res.render(`${views}/remove.njk`, {
      ...removeLocals(req, body, seatOf(seats, req.params.seat)),
      values: {},
    });
  });

  router.post('/bodies/:body/seats/:seat/remove', requirePermission('partnership.edit'), async (req, res) => {
    const { body, seats, caller } = await context(req, { all: true });
    const seat = seatOf(seats, req.params.seat);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/remove.njk`,
        locals: removeLocals(req, body, seat),
        schema: confirmSchema,
        input: {},
      },
      () => membership.removeSeat(caller, seat.id),
    );
    if (!done) return;
    flash(req, 'The seat has been removed');
    res.redirect(303, `${base(req)}/bodies/${body.slug}/seats`);
  });

  const appointLocals = async (req: Request, body: { name: string; slug: string }, seat: SeatRow) => ({
    title: `Appoint someone to “${seat.label}”`,
    tenant: tenantOf(req),
    body,
    seat,
    people: await membership.people(callerOf(req)),
    organisations: await membership.organisations(callerOf(req)),
    base: base(req),
    backLink: `${base(req)}/bodies/${body.slug}/seats`,
  });

  router.get('/bodies/:body/seats/:seat/appoint', requirePermission('partnership.edit'), async (req, res) => {
    const { body, seats } = await context(req, { all: true });
    const seat = seatOf(seats, req.params.seat);
    res.render(`${views}/appoint.njk`, {
      ...(await appointLocals(req, body, seat)),
      values: { organisationId: seat.organisationId },
    });
  });

  router.post(
    '/bodies/:body/seats/:seat/appoint',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const { body, seats, caller } = await context(req, { all: true });
      const seat = seatOf(seats, req.params.seat);
      const posted = req.body as Record<string, unknown>;
      const input = {
        ...posted,
        startsOn: dateParts(posted, 'startsOn'),
        endsOn: dateParts(posted, 'endsOn'),
      };
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/appoint.njk`,
          locals: await appointLocals(req, body, seat),
          schema: appointmentSchema,
          input,
        },
        async (value) => {
          await membership.appoint(caller, { ...value, seatId: seat.id });
        },
      );
      if (!done) return;
      flash(req, 'The appointment has been recorded');
      res.redirect(303, `${base(req)}/bodies/${body.slug}/seats`);
    },
  );

  async function holding(req: Request) {
    const found = await context(req);
    const id = String(req.params.membership);
    const seat = found.seats.find((candidate) => candidate.holders.some((holder) => holder.id === id));
    if (!uuid.test(id) || !seat) throw notFound();
    const holder = seat.holders.find((candidate) => candidate.id === id)!;
    const locals = {
      title: `End ${holder.personName}’s membership`,
      tenant: tenantOf(req),
      body: found.body,
      seat,
      holder,
      backLink: `${base(req)}/bodies/${found.body.slug}/seats`,
    };
    return { ...found, id, locals };
  }

  router.get(
    '/bodies/:body/memberships/:membership/end',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const { locals } = await holding(req);
      res.render(`${views}/end.njk`, { ...locals, values: {} });
    },
  );

  router.post(
    '/bodies/:body/memberships/:membership/end',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const { body, caller, id, locals } = await holding(req);
      const input = { endsOn: dateParts(req.body as Record<string, unknown>, 'endsOn') };
      const done = await submitForm(
        req,
        res,
        { view: `${views}/end.njk`, locals, schema: endMembershipSchema, input },
        async (value) => {
          await membership.endMembership(caller, id, value.endsOn);
        },
      );
      if (!done) return;
      flash(req, 'The membership has been ended');
      res.redirect(303, `${base(req)}/bodies/${body.slug}/seats`);
    },
  );

  return router;
}
