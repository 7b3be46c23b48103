// GET /api/v1/partnerships/{slug}/meetings?from=&to=&body= and /meetings/{id}.
import { Router } from 'express';
import { callerOf, tenantOf } from '../../platform/http/auth.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { validate } from '../../platform/http/validation.ts';
import type { MeetingRow } from './meetings.repository.ts';
import { meetingsQuery, actionsQuery } from './meetings.schemas.ts';
import type { MeetingsService } from './meetings.service.ts';
import type { AgendaEntry, AgendaService } from '../agenda/index.ts';
import {
  type AttendanceService,
  type Declaration,
  type DeclarationsService,
  displayName,
  periodQuery,
} from '../attendance/index.ts';
import type { ActionEntry, RecordService, ElectionsService } from '../record/index.ts';
import type { BoardPackService } from '../documents/index.ts';
import { isId, startOfDay, startOfNextDay } from './time.ts';
import type {
  ActionJson,
  ActionLogJson,
  AgendaItemJson,
  AppendixJson,
  BoardPackStatusJson,
  MeetingDetailJson,
  MeetingJson,
} from './meetings.api.schemas.ts';
import type {
  ActionStatus,
  InterestKind,
  InterestParticipation,
  ItemPurpose,
  MeetingKind,
  MeetingState,
} from './meetings.vocabulary.ts';

// The columns' check constraints and the forms hold the words to the vocabulary; the types say
// so here, and the API's contract test checks every answer against its schema (ADR 0042).

export const meetingJson = (meeting: MeetingRow): MeetingJson => ({
  id: meeting.id,
  title: meeting.title,
  kind: meeting.kind as MeetingKind,
  bodies: meeting.bodies.map(({ slug, name }) => ({ slug, name })),
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt?.toISOString() ?? null,
  startTimeKnown: meeting.startTimeKnown !== false,
  place: meeting.place,
  onlineUrl: meeting.onlineUrl,
  state: meeting.state as MeetingState,
  notes: meeting.notes,
});

const declarationJson = (declaration: Declaration) => ({
  person: declaration.name,
  kind: declaration.kind as InterestKind,
  nature: declaration.nature,
  participation: declaration.participation as InterestParticipation,
  registerEntry: declaration.interestId
    ? { id: declaration.interestId, description: declaration.interestDescription }
    : null,
});

/**
 * An agenda item as the caller may see it: a withheld (exempt) item is its number and
 * paragraph only; its declarations never reach the caller (they are not in `declarations`).
 */
const itemJson =
  (paperUrl: (paperId: string) => string, declarations: Declaration[]) =>
  (item: AgendaEntry): AgendaItemJson =>
    item.withheld
      ? { number: item.number, exempt: true, exemptParagraph: item.exemptParagraph, withheld: true }
      : {
          number: item.number,
          title: item.title,
          purpose: item.purpose as ItemPurpose | null,
          presenter: item.presenter,
          startTime: item.startTime,
          exempt: item.exempt,
          exemptParagraph: item.exemptParagraph,
          exemptReason: item.exemptReason,
          withheld: false,
          papers: item.papers.map((paper) => ({
            fileName: paper.fileName,
            mediaType: paper.mediaType,
            sizeBytes: paper.sizeBytes,
            href: paperUrl(paper.id),
          })),
          declarations: declarations.filter((d) => d.agendaItemId === item.id).map(declarationJson),
        };

const actionJson = (action: ActionEntry): ActionJson => ({
  id: action.id,
  reference: action.reference,
  text: action.text,
  owner: {
    name: action.owner,
    personId: action.ownerPersonId,
    organisationId: action.ownerOrganisationId,
    toBeConfirmed: action.ownerToBeConfirmed,
  },
  dueOn: action.dueOn,
  status: action.status as ActionStatus,
  overdue: action.overdue,
  meeting: {
    id: action.meetingId,
    title: action.meetingTitle,
    startsAt: action.meetingStartsAt.toISOString(),
  },
  updates: action.updates.map((u) => ({
    text: u.text,
    status: u.status as ActionStatus,
    at: u.createdAt.toISOString(),
  })),
});

/** The board pack's state; its file (ready, or the last one made while it is made again) is downloaded signed in. */
export function boardPackJson(
  pack: Awaited<ReturnType<BoardPackService['status']>>,
  href: string,
): BoardPackStatusJson {
  if (!pack) return { state: 'none', href: null };
  return {
    state: pack.state,
    done: pack.done,
    total: pack.total,
    failure: pack.state === 'failed' ? pack.failure : null,
    outOfDate: pack.outOfDate,
    madeAt: pack.madeAt ? new Date(pack.madeAt).toISOString() : null,
    pageCount: pack.pageCount,
    href: pack.hasFile ? href : null,
  };
}

export function meetingsApi(
  meetings: MeetingsService,
  agenda: AgendaService,
  attendance: AttendanceService,
  record: RecordService,
  packs: BoardPackService,
  declarations: DeclarationsService,
  elections?: ElectionsService,
): Router {
  const router = Router({ mergeParams: true });

  router.get('/meetings', async (req, res) => {
    const caller = callerOf(req);
    const checked = validate(meetingsQuery, req.query);
    if (!checked.ok) throw badRequest('The query is not valid.', checked.problems);
    const { from, to, body } = checked.value;
    const bodyId = body
      ? (await meetings.bodies(caller)).find((candidate) => candidate.slug === body)?.id
      : undefined;
    if (body && !bodyId) throw notFound();
    const items = await meetings.list(caller, {
      from: from ? startOfDay(from) : undefined,
      to: to ? startOfNextDay(to) : undefined,
      bodyId,
    });
    res.json({ count: items.length, items: items.map(meetingJson) });
  });

  router.get('/meetings/:meeting', async (req, res) => {
    const id = String(req.params.meeting);
    if (!isId(id)) throw notFound();
    const meeting = await meetings.get(callerOf(req), id);
    const items = await agenda.agenda(callerOf(req), meeting.id);
    // Papers are files: they are downloaded from the meeting's page, with a session.
    const paperUrl = (paperId: string) =>
      `/partnerships/${tenantOf(req).slug}/meetings/${meeting.id}/papers/${paperId}`;
    const { register } = await attendance.register(callerOf(req), meeting.id);
    const recorded = await record.ofMeeting(callerOf(req), meeting.id);
    const visibleItems = new Map(items.filter((i) => !i.withheld).map((i) => [i.id, i.number]));
    const declared = await declarations.ofMeeting(callerOf(req), meeting.id);
    const pack = await packs.status(callerOf(req), meeting.id);
    const elected = elections ? await elections.ofMeeting(callerOf(req), meeting.id) : [];
    const answer: MeetingDetailJson = {
      ...meetingJson(meeting),
      agenda: items.map(itemJson(paperUrl, declared)),
      attendance: {
        // what the register records: all, apologies or present (null: none); a member's status
        // null is "not recorded", never absent (issue 24)
        scope: register.scope,
        members: register.rows.map((row) => ({
          name: displayName(row.member),
          seat: row.member.seatLabel,
          organisation: row.member.organisationName,
          body: meeting.bodies.find((body) => body.id === row.member.bodyId)?.slug,
          status: row.status,
          substitute: row.substitute?.name ?? null,
          substituteNamedAtMeeting: row.substitute?.namedAtMeeting ?? null,
        })),
        chair: register.chair?.name ?? null,
        inAttendance: register.inAttendance.map((person) => person.name),
        otherApologies: register.otherApologies.map((person) => person.name),
        observers: register.observers.map((person) => person.name),
        noteTakers: register.noteTakers.map((person) => person.name),
        guests: register.guests.map((guest) => ({
          name: guest.name,
          item: items.find((item) => item.id === guest.agendaItemId)?.number ?? null,
        })),
        counted: register.counts,
      },
      minutes: recorded.minutes.map((m) => ({
        item: visibleItems.get(m.agendaItemId),
        text: m.text,
        status: m.status as 'draft' | 'approved',
        approvedOn: m.approvedOn,
      })),
      minutesApproval: recorded.approval
        ? {
            approvedOn: recorded.approval.approvedOn,
            atMeeting: recorded.approval.atMeeting?.id ?? null,
            asAmended: recorded.approval.asAmended,
            amendment: recorded.approval.amendment,
          }
        : null,
      decisions: recorded.decisions.map((d) => ({
        item: visibleItems.get(d.agendaItemId),
        text: d.text,
        delegatedTo: d.delegatedTo,
        outcome: d.outcome,
        outcomeOn: d.outcomeOn,
      })),
      actions: recorded.actions.map(actionJson),
      quorum: register.quorum.map((entry) => ({
        body: meeting.bodies.find((body) => body.id === entry.bodyId)?.slug,
        ...entry.result,
      })),
      boardPack: boardPackJson(
        pack,
        `/partnerships/${tenantOf(req).slug}/meetings/${meeting.id}/board-pack.pdf`,
      ),
      elections: elected.map((election) => ({
        id: election.id,
        seat: election.seatId,
        seatLabel: election.seatLabel,
        body: election.bodyName,
        office: election.office,
        byAcclamation: election.byAcclamation,
        nominees: election.nominees.map((nominee) => ({
          name: nominee.youngPerson ? 'A young person' : nominee.name,
          proposedBy: nominee.proposedBy,
          secondedBy: nominee.secondedBy,
          votes: nominee.votes,
          elected: nominee.personId === election.electedPersonId,
        })),
        elected: election.electedName,
        result: election.result,
        membership: election.membershipId,
      })),
    };
    res.json(answer);
  });

  router.get('/actions', async (req, res) => {
    const checked = validate(actionsQuery, req.query);
    if (!checked.ok) throw badRequest('The query is not valid.', checked.problems);
    const log = await record.actions(callerOf(req), {
      status: checked.value.status,
      ownerId: checked.value.owner,
    });
    const answer: ActionLogJson = {
      count: log.actions.length,
      items: log.actions.map(actionJson),
      overdueByOwner: log.overdueByOwner.map((group) => ({
        owner: group.owner,
        count: group.actions.length,
      })),
    };
    res.json(answer);
  });

  router.get('/attendance', async (req, res) => {
    const caller = callerOf(req);
    const checked = validate(periodQuery, req.query);
    if (!checked.ok) throw badRequest('The query is not valid.', checked.problems);
    if (typeof req.query.body !== 'string' || !req.query.body)
      throw badRequest('The query is not valid.', [
        { path: 'body', message: 'Name a body, like body=executive-board' },
      ]);
    const body = (await meetings.bodies(caller)).find((candidate) => candidate.slug === req.query.body);
    if (!body) throw notFound();
    const year = new Date().toISOString().slice(0, 4);
    const from = checked.value.from ?? `${year}-01-01`;
    const to = checked.value.to ?? `${year}-12-31`;
    const answer: AppendixJson = {
      body: body.slug,
      from,
      to,
      ...(await attendance.appendix(caller, body.id, from, to)),
    };
    res.json(answer);
  });

  return router;
}
