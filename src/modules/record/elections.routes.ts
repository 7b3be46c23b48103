// The election form on a meeting's record (ADR 0037): recorded after the meeting, it appoints
// the person elected to the seat from the meeting's date, or refuses and keeps every answer.
import { Router, type Request } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { type MeetingsService, isId, londonParts } from '../meetings/index.ts';
import type { ElectionsService } from './elections.service.ts';
import { electionSchema, nomineeRows } from './elections.schemas.ts';

const views = 'modules/record/views';

export function electionsRoutes(meetings: MeetingsService, elections: ElectionsService): Router {
  const router = Router({ mergeParams: true });
  const meetingUrl = (req: Request, id: string) => `/partnerships/${tenantOf(req).slug}/meetings/${id}`;

  async function context(req: Request) {
    const id = String(req.params.meeting);
    if (!isId(id)) throw notFound();
    const caller = callerOf(req);
    const meeting = await meetings.get(caller, id);
    const { seats, people } = await elections.choices(caller, meeting);
    const personItems = (chosen: unknown) => [
      { value: '', text: 'Choose a person' },
      ...people.map((person) => ({ value: person.id, text: person.name, selected: person.id === chosen })),
    ];
    const seatItems = (chosen: unknown) => [
      { value: '', text: 'Choose a seat' },
      ...seats.map((seat) => ({
        value: seat.id,
        text: `${seat.bodyName}: ${seat.label}${seat.recommended ? ' (recommended)' : ''}`,
        selected: seat.id === chosen,
      })),
    ];
    return {
      meeting,
      locals: {
        title: 'Record an election',
        tenant: tenantOf(req),
        meeting,
        meetingDate: londonParts(meeting.startsAt).date,
        seatItems,
        personItems,
        nomineeRows,
        backLink: `${meetingUrl(req, meeting.id)}#elections`,
      },
    };
  }

  router.get('/meetings/:meeting/elections/new', requirePermission('partnership.edit'), async (req, res) => {
    const { locals } = await context(req);
    res.render(`${views}/election-form.njk`, { ...locals, values: {} });
  });

  router.post('/meetings/:meeting/elections/new', requirePermission('partnership.edit'), async (req, res) => {
    const { meeting, locals } = await context(req);
    let message = '';
    const done = await submitForm(
      req,
      res,
      { view: `${views}/election-form.njk`, locals, schema: electionSchema, input: req.body },
      async (value) => {
        await elections.record(callerOf(req), meeting.id, value);
        message =
          value.elected === null
            ? 'The election has been recorded: nobody was elected'
            : 'The election has been recorded and the person elected appointed to the seat from the meeting’s date';
      },
    );
    if (!done) return;
    flash(req, message);
    res.redirect(303, `${meetingUrl(req, meeting.id)}#elections`);
  });

  return router;
}
