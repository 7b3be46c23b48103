// Attendance pages: the register of a meeting (recorded by editors), members' own apologies,
// and a body's attendance appendix over a period as a page and CSV.
import { Router, type Request } from 'express';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { z } from 'zod';
import { numberInput } from '../../platform/numbers.ts';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { dateValues, isoDate, queryDates, today } from '../../platform/http/date-input.ts';
import { formErrors, validate } from '../../platform/http/validation.ts';
import type { AttendanceService, RegisterInput } from './attendance.service.ts';
import { displayName, registerScopes, type AppendixCounts } from './attendance.ts';
import { appendixDocx } from './appendix.docx.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { renderPrintable, sendDocument, sendPdf } from '../../platform/documents/render.ts';
import { fileName } from '../../platform/documents/file-names.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import { type MeetingsService, isId } from '../meetings/index.ts';

import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';

const views = 'modules/attendance/views';
const optionalId = z.preprocess((value) => (value === '' ? undefined : value), z.uuid().optional());

const registerSchema = z.object({
  scope: z.enum(['all', 'apologies', 'present'], { error: 'Select what the minutes record' }),
  members: z.array(
    z.object({
      membershipId: z.uuid(),
      row: z.number().int().optional(),
      status: z.enum(['', 'present', 'apologies', 'absent'], {
        error: 'Select present, apologies or absent',
      }),
      substituteId: optionalId,
    }),
  ),
  inAttendance: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: 'Select people from the list' })),
  ),
  chairId: optionalId,
  otherApologies: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: 'Select people from the list' })),
  ),
  // not members: observers and the note-taker (ADR 0041)
  observers: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: 'Select people from the list' })),
  ),
  noteTakers: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: 'Select people from the list' })),
  ),
  guests: z.array(
    z.object({
      personId: z.uuid({ error: 'Select the guest' }),
      agendaItemId: z.uuid({ error: 'Select the item the guest came for' }),
    }),
  ),
  counts: z.array(
    z.object({
      description: z.string().trim().min(1, 'Enter who they were, for example “young people”'),
      count: numberInput({
        label: 'How many',
        whole: true,
        min: 1,
        max: 1_000_000,
        blank: 'Enter how many, as a whole number',
        invalid: 'Enter how many, as a whole number',
      }),
      approximate: z.boolean(),
    }),
  ),
});

/** Rows of a repeating part of the form (guests.0.personId …), leaving out rows left blank. */
function rowsOf(posted: Record<string, unknown>, prefix: string, fields: string[]) {
  const indexes = new Set(
    Object.keys(posted)
      .map((key) => new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(key)?.[1])
      .filter((index): index is string => index !== undefined),
  );
  return [...indexes]
    .sort((x, y) => Number(x) - Number(y))
    .map((index) =>
      Object.fromEntries(
        fields.map((field) => [field, String(posted[`${prefix}.${index}.${field}`] ?? '').trim()]),
      ),
    )
    .filter((row) => Object.values(row).some((value) => value !== '' && value !== 'false'));
}

const apologiesSchema = z.object({
  membershipId: z.uuid({ error: 'Select your seat' }),
  substituteId: optionalId,
});

export const periodQuery = z
  .object({
    from: z.preprocess((value) => (value === '' ? undefined : value), isoDate('From').optional()),
    to: z.preprocess((value) => (value === '' ? undefined : value), isoDate('To').optional()),
  })
  .refine((value) => !value.from || !value.to || value.to >= value.from, {
    path: ['to'],
    message: 'To must be the same as or after From',
  });

/** Repeating rows as the form's flat fields (guests.0.personId …). */
function rowValues(prefix: string, rows: object[]): Record<string, string> {
  return Object.fromEntries(
    rows.flatMap((row, index) =>
      Object.entries(row).map(([field, value]) => [`${prefix}.${index}.${field}`, String(value)]),
    ),
  );
}

/** The form's flat fields (members.3.status …) as the register. */
function registerInput(posted: Record<string, unknown>): RegisterInput {
  const members: RegisterInput['members'] = [];
  const indexes = Object.keys(posted)
    .map((key) => /^members\.(\d+)\.membershipId$/.exec(key)?.[1])
    .filter((index): index is string => index !== undefined)
    .sort((x, y) => Number(x) - Number(y));
  for (const index of indexes)
    members.push({
      row: Number(index),
      membershipId: String(posted[`members.${index}.membershipId`]),
      status: String(posted[`members.${index}.status`] ?? '') as RegisterInput['members'][number]['status'],
      substituteId: (posted[`members.${index}.substituteId`] as string | undefined) || undefined,
    });
  return {
    // a form without the question (an older form) records everyone, as before
    scope: (posted.scope ?? 'all') as RegisterInput['scope'],
    members,
    inAttendance: posted.inAttendance as string[],
    chairId: (posted.chairId as string | undefined) || undefined,
    otherApologies: posted.otherApologies as string[],
    observers: posted.observers as string[],
    noteTakers: posted.noteTakers as string[],
    guests: rowsOf(posted, 'guests', ['personId', 'agendaItemId']) as RegisterInput['guests'],
    counts: rowsOf(posted, 'counts', ['description', 'count', 'approximate']).map((row) => ({
      ...row,
      approximate: row.approximate === 'true',
    })) as unknown as RegisterInput['counts'],
  };
}

/** The day in England of the body's latest held meeting up to now, if any (issue 15). */
async function lastHeldMeetingDay(
  meetings: MeetingsService,
  caller: ReturnType<typeof callerOf>,
  bodyId: string,
): Promise<string | undefined> {
  const held = (await meetings.list(caller, { bodyId, to: new Date() })).filter(
    (meeting) => meeting.state === 'held',
  );
  const last = held.reduce<Date | undefined>(
    (latest, meeting) => (!latest || meeting.startsAt > latest ? meeting.startsAt : latest),
    undefined,
  );
  return last ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(last) : undefined;
}

/** The first day of the twelve months that end on a day: '2011-03-31' → '2010-04-01'. */
const yearBefore = (day: string) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

export function attendanceRoutes(
  meetings: MeetingsService,
  attendance: AttendanceService,
  printer: PdfPrinter,
): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;

  async function registerOf(req: Request) {
    const id = String(req.params.meeting);
    if (!isId(id)) throw notFound();
    // the register form is inside the partnership: editors see young people's names (ADR 0033)
    return attendance.register(callerOf(req), id, true);
  }

  const formLocals = async (req: Request, found: Awaited<ReturnType<typeof registerOf>>) => ({
    title: `Attendance at ${found.meeting.title}`,
    tenant: tenantOf(req),
    meeting: found.meeting,
    rows: found.register.rows.map((row) => ({ ...row, name: displayName(row.member, true) })),
    people: await attendance.people(callerOf(req)),
    items: await attendance.items(callerOf(req), found.meeting.id),
    registerScopes,
    backLink: `${base(req)}/meetings/${found.meeting.id}`,
  });

  router.get('/meetings/:meeting/attendance', requirePermission('partnership.edit'), async (req, res) => {
    const found = await registerOf(req);
    const { register } = found;
    const values: Record<string, unknown> = {
      scope: register.scope ?? 'all',
      inAttendance: register.inAttendance.map((person) => person.id),
      otherApologies: register.otherApologies.map((person) => person.id),
      observers: register.observers.map((person) => person.id),
      noteTakers: register.noteTakers.map((person) => person.id),
      chairId: register.chair?.id ?? '',
    };
    register.rows.forEach((row, index) => {
      values[`members.${index}.status`] = row.status ?? '';
      values[`members.${index}.substituteId`] = row.substitute?.id ?? '';
    });
    register.guests.forEach((guest, index) => {
      values[`guests.${index}.personId`] = guest.id;
      values[`guests.${index}.agendaItemId`] = guest.agendaItemId;
    });
    register.counts.forEach((count, index) => {
      values[`counts.${index}.description`] = count.description;
      values[`counts.${index}.count`] = String(count.count);
      values[`counts.${index}.approximate`] = String(count.approximate);
    });
    res.render(`${views}/attendance-form.njk`, { ...(await formLocals(req, found)), values });
  });

  router.post('/meetings/:meeting/attendance', requirePermission('partnership.edit'), async (req, res) => {
    const found = await registerOf(req);
    const posted = req.body as Record<string, unknown>;
    const input = registerInput(posted);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/attendance-form.njk`,
        locals: await formLocals(req, found),
        schema: registerSchema,
        input,
        values: {
          ...Object.fromEntries(Object.entries(posted).filter(([key]) => !/^(guests|counts)\./.test(key))),
          // the rows left blank are left out, so that messages and fields keep the same numbers
          ...rowValues('guests', input.guests ?? []),
          ...rowValues('counts', input.counts ?? []),
          inAttendance: [posted.inAttendance ?? []].flat(),
          otherApologies: [posted.otherApologies ?? []].flat(),
          observers: [posted.observers ?? []].flat(),
          noteTakers: [posted.noteTakers ?? []].flat(),
        },
      },
      async (value) => {
        await attendance.record(callerOf(req), found.meeting.id, value);
      },
    );
    if (!done) return;
    flash(req, 'The attendance has been recorded');
    res.redirect(303, `${base(req)}/meetings/${found.meeting.id}#attendance`);
  });

  const apologiesLocals = (req: Request, found: Awaited<ReturnType<typeof registerOf>>) => ({
    title: `Send apologies for ${found.meeting.title}`,
    tenant: tenantOf(req),
    meeting: found.meeting,
    mine: found.mine,
    backLink: `${base(req)}/meetings/${found.meeting.id}`,
  });

  router.get(
    '/meetings/:meeting/apologies',
    requirePermission('partnership.contribute'),
    async (req, res) => {
      const found = await registerOf(req);
      res.render(`${views}/apologies.njk`, {
        ...apologiesLocals(req, found),
        values: { membershipId: found.mine[0]?.membershipId },
      });
    },
  );

  router.post(
    '/meetings/:meeting/apologies',
    requirePermission('partnership.contribute'),
    async (req, res) => {
      const found = await registerOf(req);
      const done = await submitForm(
        req,
        res,
        {
          view: `${views}/apologies.njk`,
          locals: apologiesLocals(req, found),
          schema: apologiesSchema,
          input: req.body,
        },
        async (value) => {
          await attendance.sendApologies(callerOf(req), found.meeting.id, value);
        },
      );
      if (!done) return;
      flash(req, 'Your apologies have been sent');
      res.redirect(303, `${base(req)}/meetings/${found.meeting.id}#attendance`);
    },
  );

  // the appendix: kept by the address (body, period, format), the role and today (ADR 0056)
  router.get(
    '/bodies/:body/attendance',
    keptPage('attendance appendix', { by: ['date'] }),
    async (req, res) => {
      const caller = callerOf(req);
      // the dates as GOV.UK date inputs, or from=YYYY-MM-DD as links give them (issue 23)
      const dated = queryDates(req.query, { from: { label: 'From' }, to: { label: 'To' } });
      const checked = validate(periodQuery, dated.query);
      const problems = [...dated.problems, ...(checked.ok ? [] : checked.problems)];
      const year = today().slice(0, 4);
      const given = checked.ok && !problems.length ? checked.value : {};
      const { body, from, to, appendix } = await pageRead(res, async () => {
        const body = (await meetings.bodies(caller)).find((candidate) => candidate.slug === req.params.body);
        if (!body) throw notFound();
        // no period asked for: the twelve months up to the body's latest held meeting (issue 15)
        const lastHeld =
          given.from || given.to ? undefined : await lastHeldMeetingDay(meetings, caller, body.id);
        const from = given.from || (lastHeld ? yearBefore(lastHeld) : `${year}-01-01`);
        const to = given.to || lastHeld || `${year}-12-31`;
        // young people are named on the page for editors, never in the documents (ADR 0033)
        return {
          body,
          from,
          to,
          appendix: await attendance.appendix(caller, body.id, from, to, !req.query.format),
        };
      });
      const title = `Attendance at ${body.name}`;
      const documentName = fileName(tenantOf(req).slug, body.slug, 'attendance', from, 'to', to);
      if (req.query.format === 'docx') {
        const introduction = `${tenantOf(req).name}. From ${formatDate(from)} to ${formatDate(to)}: ${appendix.meetings} meetings held (cancelled meetings are not counted).`;
        return sendDocument(res, {
          name: documentName,
          type: 'docx',
          content: await appendixDocx(tenantOf(req).name, title, introduction, appendix),
        });
      }
      if (req.query.format === 'pdf') {
        const html = await renderPrintable(res, `${views}/appendix-print.njk`, {
          title,
          tenant: tenantOf(req),
          appendix,
          from,
          to,
        });
        return sendPdf(res, printer, { name: documentName, title, html });
      }
      if (req.query.format === 'csv') {
        const percent = (rate: number | null) => (rate === null ? '' : `${Math.round(rate * 100)}%`);
        const counts = (row: AppendixCounts) => ({
          expected: row.expected,
          attended: row.attended,
          apologies: row.apologies,
          substitutes: row.substitutes,
          absent: row.absent,
          notRecorded: row.notRecorded,
          rate: percent(row.rate),
        });
        const rows = [
          ...appendix.members.map((row) => ({
            kind: 'member',
            name: row.name,
            seat: row.seatLabel,
            organisation: row.organisation ?? '',
            ...counts(row),
          })),
          ...appendix.organisations.map((row) => ({
            kind: 'organisation',
            name: '',
            seat: '',
            organisation: row.organisation,
            ...counts(row),
          })),
        ];
        const columns = [
          'kind',
          'name',
          'seat',
          'organisation',
          'expected',
          'attended',
          'apologies',
          'substitutes',
          'absent',
          'notRecorded',
          'rate',
        ];
        sendCsv(res, documentName, toCsv(columns, rows));
        return;
      }
      res.render(`${views}/appendix.njk`, {
        title,
        tenant: tenantOf(req),
        body,
        appendix,
        from,
        to,
        values: problems.length ? dated.query : { ...dateValues('from', from), ...dateValues('to', to) },
        errors: problems.length ? formErrors(problems) : undefined,
        base: base(req),
        canEdit: allowed(req, 'partnership.edit'),
        backLink: `${base(req)}/bodies/${body.slug}/meetings`,
      });
    },
  );

  return router;
}
