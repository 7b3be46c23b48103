// Meetings pages under /partnerships/:slug: the forward plan, a meeting's page, adding and
// changing meetings, a body's meetings with its cadence check, and the calendar feeds.
import { Router, type Request, type Response } from 'express';
import { allowed, callerOf, requirePermission, tenantOf, type Caller } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { dateParts, dateValues, partsOf, queryDates, today } from '../../platform/http/date-input.ts';
import { formErrors, validate } from '../../platform/http/validation.ts';
import { versionIn } from '../../platform/db/row-version.ts';
import { formatTime } from '../../platform/dates.ts';
import { meetingKinds as cadenceLabels } from '../bodies/index.ts';
import { categories } from '../membership/index.ts';
import { meetingsCalendar } from './calendar.ts';
import type { MeetingRow } from './meetings.repository.ts';
import { meetingFormSchema, meetingsQuery } from './meetings.schemas.ts';
import type { MeetingsService } from './meetings.service.ts';
import type { BoardPackService } from '../documents/index.ts';
import { type DeclarationsService, type AttendanceService, displayName } from '../attendance/index.ts';
import type { AgendaService } from '../agenda/index.ts';
import type { RecordService, ElectionsService } from '../record/index.ts';
import {
  actionStatuses,
  attendanceStatuses,
  exemptParagraphs,
  itemPurposes,
  meetingKinds,
  meetingStates,
} from './meetings.vocabulary.ts';
import { hasHappened, isId, londonParts, startOfDay, startOfNextDay } from './time.ts';
import { keptPage, pageInput, pageRead } from '../../platform/http/kept-pages.ts';
import { fileName } from '../../platform/documents/file-names.ts';

const views = 'modules/meetings/views';

/**
 * What other modules record against a meeting's agenda items, as links per item id, passed in by
 * the composition root (the voice module: the young people's board's recommendations the board
 * considered at the item).
 */
export type ItemLinksOf = (
  caller: Caller,
  tenantSlug: string,
  meetingId: string,
) => Promise<Readonly<Record<string, readonly { text: string; href: string }[]>>>;
const options = (record: Record<string, string>) =>
  Object.entries(record).map(([value, text]) => ({ value, text }));

export function meetingsRoutes(
  meetings: MeetingsService,
  agenda: AgendaService,
  attendance: AttendanceService,
  record: RecordService,
  publicUrl: string | undefined,
  packs?: BoardPackService,
  declarations?: DeclarationsService,
  itemLinks?: ItemLinksOf,
  elections?: ElectionsService,
): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;
  const origin = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host')}`;
  const pageOf = (req: Request) => (meeting: MeetingRow) =>
    `${origin(req)}${base(req)}/meetings/${meeting.id}`;

  function sendCalendar(res: Response, file: string, text: string) {
    res.type('text/calendar; charset=utf-8').attachment(file).send(text);
  }

  const formLocals = async (req: Request, title: string) => ({
    title,
    tenant: tenantOf(req),
    bodies: await meetings.bodies(callerOf(req)),
    kindItems: options(meetingKinds),
    stateItems: options(meetingStates),
    backLink: `${base(req)}/meetings`,
  });

  const formInput = (posted: Record<string, unknown>) => ({ ...posted, date: dateParts(posted, 'date') });

  /**
   * The period of the five latest held meetings and the next five scheduled (of a body, or all):
   * from the first day of the one to the last day of the other; undefined with no meetings.
   */
  async function recentAndNext(caller: ReturnType<typeof callerOf>, bodyId: string | undefined) {
    const all = await meetings.list(caller, { bodyId });
    const now = Date.now();
    const held = all.filter((m) => m.state === 'held' && m.startsAt.getTime() <= now).slice(-5);
    const next = all.filter((m) => m.state === 'scheduled' && m.startsAt.getTime() > now).slice(0, 5);
    if (!held.length && !next.length) return undefined;
    const day = (instant: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(instant);
    return {
      from: day((held[0] ?? next[0])!.startsAt),
      to: next.length ? day(next.at(-1)!.startsAt) : undefined,
    };
  }

  router.get('/meetings', async (req, res) => {
    const caller = callerOf(req);
    // the dates as GOV.UK date inputs, or from=YYYY-MM-DD as links give them (issue 23)
    const dated = queryDates(req.query, { from: { label: 'From' }, to: { label: 'To' } });
    const checked = validate(meetingsQuery, dated.query);
    const problems = [...dated.problems, ...(checked.ok ? [] : checked.problems)];
    const query = checked.ok && !problems.length ? checked.value : {};
    const bodies = await meetings.bodies(caller);
    const body = query.body ? bodies.find((candidate) => candidate.slug === query.body) : undefined;
    if (query.body && !body) throw notFound();
    // no period asked for: the latest held meetings and the next scheduled ones, their period
    // shown in the dates to change (issue 15)
    const recent = query.from || query.to ? undefined : await recentAndNext(caller, body?.id);
    const from = query.from ?? recent?.from ?? (query.to ? undefined : today());
    const to = query.to ?? recent?.to;
    const list = await meetings.list(caller, {
      from: from ? startOfDay(from) : undefined,
      to: to ? startOfNextDay(to) : undefined,
      bodyId: body?.id,
    });
    res.render(`${views}/list.njk`, {
      title: 'Meetings',
      tenant: tenantOf(req),
      meetings: list,
      bodies,
      values: problems.length
        ? dated.query
        : { ...dateValues('from', from), ...dateValues('to', to), body: query.body ?? '' },
      errors: problems.length ? formErrors(problems) : undefined,
      forward: !to && from === today(),
      recent,
      meetingKinds,
      meetingStates,
      canEdit: allowed(req, 'partnership.edit'),
      base: base(req),
    });
  });

  router.get('/meetings/mine.ics', async (req, res) => {
    const mine = await meetings.mine(callerOf(req));
    sendCalendar(
      res,
      `${fileName(tenantOf(req).slug, 'my-meetings')}.ics`,
      meetingsCalendar(`My meetings: ${tenantOf(req).name}`, mine, pageOf(req)),
    );
  });

  router.get('/meetings/new', requirePermission('partnership.edit'), async (req, res) => {
    const body = typeof req.query.body === 'string' ? req.query.body : undefined;
    const locals = await formLocals(req, 'Add a meeting');
    const chosen = locals.bodies.find((candidate) => candidate.slug === body);
    res.render(`${views}/form.njk`, {
      ...locals,
      isNew: true,
      values: { kind: 'board-meeting', state: 'scheduled', bodyIds: chosen ? [chosen.id] : [] },
    });
  });

  router.post('/meetings/new', requirePermission('partnership.edit'), async (req, res) => {
    let id = '';
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/form.njk`,
        locals: { ...(await formLocals(req, 'Add a meeting')), isNew: true },
        schema: meetingFormSchema,
        input: formInput(req.body as Record<string, unknown>),
        values: withBodyIds(req.body),
      },
      async (value) => {
        id = await meetings.create(callerOf(req), value);
      },
    );
    if (!done) return;
    flash(req, 'The meeting has been added');
    res.redirect(303, `${base(req)}/meetings/${id}`);
  });

  async function meetingOf(req: Request) {
    const id = String(req.params.meeting);
    if (!isId(id)) throw notFound();
    return meetings.get(callerOf(req), id);
  }

  // the meeting's page: kept by the role, the user (their own seat and apologies) and today;
  // whether it has happened is worked out on every request and is part of the HTML's key (ADR 0056)
  router.get('/meetings/:meeting', keptPage('meeting', { by: ['date', 'user'] }), async (req, res) => {
    const page = await pageRead(res, async () => {
      const meeting = await meetingOf(req);
      const caller = callerOf(req);
      return {
        meeting,
        items: await agenda.agenda(caller, meeting.id),
        attendance: await attendance.register(caller, meeting.id),
        record: await record.ofMeeting(caller, meeting.id),
        boardPack: packs ? await packs.status(caller, meeting.id) : null,
        declarations: declarations ? await declarations.ofMeeting(caller, meeting.id) : [],
        itemLinks: itemLinks ? await itemLinks(caller, tenantOf(req).slug, meeting.id) : {},
        elections: elections ? await elections.ofMeeting(caller, meeting.id) : [],
      };
    });
    const { meeting } = page;
    const happened = hasHappened(meeting);
    pageInput(res, 'happened', happened);
    res.render(`${views}/show.njk`, {
      title: meeting.title,
      tenant: tenantOf(req),
      ...page,
      attendance: { ...page.attendance, happened },
      record: { ...page.record, happened },
      actionStatuses,
      displayName,
      categories,
      attendanceStatuses,
      canContribute: allowed(req, 'partnership.contribute'),
      itemPurposes,
      exemptParagraphs,
      local: londonParts(meeting.startsAt),
      endsLocal: meeting.endsAt ? londonParts(meeting.endsAt) : undefined,
      meetingKinds,
      meetingStates,
      canEdit: allowed(req, 'partnership.edit'),
      base: base(req),
      backLink: `${base(req)}/meetings`,
    });
  });

  /** A meeting's answers as its edit form shows them, with the version they are of (ADR 0044). */
  const editValues = (meeting: MeetingRow) => {
    const start = londonParts(meeting.startsAt);
    const date = partsOf(start.date);
    return {
      ...meeting,
      'date-day': date.day,
      'date-month': date.month,
      'date-year': date.year,
      startTime: meeting.startTimeKnown === false ? '' : formatTime(start.time),
      endTime: meeting.endsAt ? formatTime(londonParts(meeting.endsAt).time) : '',
      bodyIds: meeting.bodies.map((body) => body.id),
    };
  };

  router.get('/meetings/:meeting/edit', requirePermission('partnership.edit'), async (req, res) => {
    const meeting = await meetingOf(req);
    res.render(`${views}/form.njk`, {
      ...(await formLocals(req, `Change ${meeting.title}`)),
      meeting,
      values: editValues(meeting),
    });
  });

  router.post('/meetings/:meeting/edit', requirePermission('partnership.edit'), async (req, res) => {
    const meeting = await meetingOf(req);
    const locals = { ...(await formLocals(req, `Change ${meeting.title}`)), meeting };
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/form.njk`,
        locals,
        schema: meetingFormSchema,
        input: formInput(req.body as Record<string, unknown>),
        values: withBodyIds(req.body),
        versioned: {
          current: async () => editValues(await meetingOf(req)),
          fields: [
            { name: 'title', label: 'Title' },
            { name: 'kind', label: 'Kind of meeting', items: locals.kindItems },
            {
              name: 'bodyIds',
              label: 'Bodies meeting',
              items: locals.bodies.map((body) => ({ value: body.id, text: body.name })),
            },
            { name: 'date', label: 'Date', date: true },
            { name: 'startTime', label: 'Start time' },
            { name: 'endTime', label: 'End time' },
            { name: 'place', label: 'Place' },
            { name: 'onlineUrl', label: 'Online link' },
            { name: 'state', label: 'State', items: locals.stateItems },
            { name: 'notes', label: 'Notes' },
          ],
        },
      },
      async (value) => {
        await meetings.update(callerOf(req), meeting.id, value, versionIn(req.body));
      },
    );
    if (!done) return;
    flash(req, 'The meeting has been changed');
    res.redirect(303, `${base(req)}/meetings/${meeting.id}`);
  });

  async function bodyOf(req: Request) {
    const body = (await meetings.bodies(callerOf(req))).find(
      (candidate) => candidate.slug === req.params.body,
    );
    if (!body) throw notFound();
    return body;
  }

  router.get('/bodies/:body/meetings.ics', async (req, res) => {
    const body = await bodyOf(req);
    const list = await meetings.list(callerOf(req), { bodyId: body.id });
    sendCalendar(
      res,
      `${fileName(tenantOf(req).slug, body.slug, 'meetings')}.ics`,
      meetingsCalendar(`${body.name} meetings`, list, pageOf(req)),
    );
  });

  router.get('/bodies/:body/meetings', async (req, res) => {
    const caller = callerOf(req);
    const body = await bodyOf(req);
    const [list, cadence] = await Promise.all([
      meetings.list(caller, { bodyId: body.id }),
      meetings.cadence(caller, body.id),
    ]);
    res.render(`${views}/body.njk`, {
      title: `Meetings of ${body.name}`,
      tenant: tenantOf(req),
      body,
      meetings: list,
      cadence,
      shortYears: cadence.filter((year) => year.fallsShort),
      cadenceLabels,
      meetingKinds,
      meetingStates,
      canEdit: allowed(req, 'partnership.edit'),
      base: base(req),
      backLink: `${base(req)}/bodies/${body.slug}`,
    });
  });

  return router;
}

/** Checkboxes send one value as a string and several as a list; the form shows a list. */
function withBodyIds(body: unknown): Record<string, unknown> {
  const posted = (body ?? {}) as Record<string, unknown>;
  const ids = posted.bodyIds;
  return { ...posted, bodyIds: ids === undefined ? [] : Array.isArray(ids) ? ids : [ids] };
}
