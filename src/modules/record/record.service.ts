// Minutes, decisions and the action log. The rules: nothing is minuted or decided on a meeting
// that has not happened (or was cancelled); minutes are approved at a later meeting of the same
// body, and approved minutes do not change; only a delegated decision gets an outcome later; an
// action has an owner (a person or an organisation). Open actions of earlier meetings of the
// same bodies come forward as "matters arising". Anything on an exempt item is withheld from
// callers who may not see exempt items, as the item itself is.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { can } from '../../platform/http/permissions.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { today } from '../../platform/http/date-input.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import {
  agendaItemsOf,
  agendaItemById,
  exemptItemsAmong,
  seesExempt,
  type ItemDependants,
} from '../agenda/index.ts';
import { peopleOfCaller } from '../attendance/index.ts';
import {
  meetingById,
  meetingsWhere,
  minutesAmendmentOf,
  setMinutesAmendment,
  actionNumberingBody,
  type MeetingRow,
  hasHappened,
  londonParts,
} from '../meetings/index.ts';
import { countOf } from '../../platform/http/confirm-deletion.ts';
import {
  recordRepository as records,
  recordOnItem,
  type ActionReference,
  type ActionRow,
  type ActionValues,
} from './record.repository.ts';
import { formatDate } from '../../platform/dates.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { minutesApprovedMail, newActionMail } from './record-mail.ts';
import { planPrioritiesWithin } from '../plans/index.ts';

const refuse = (path: string, message: string) => new RuleViolation([{ path, message }]);
const dateOf = (meeting: MeetingRow) => londonParts(meeting.startsAt).date;

/** The plan priority an action serves, named as the plan names it now (issue 23). */
export interface ActionPriority {
  id: string;
  position: number;
  title: string;
  planTitle: string;
  planSlug: string;
}

export interface ActionEntry extends ActionRow {
  owner: string;
  overdue: boolean;
  priority: ActionPriority | null;
}

type PriorityNames = Readonly<Record<string, ActionPriority>>;

/** The plan priorities the rows name, read through the plans module's public function. */
async function prioritiesNamed(trx: Trx, rows: ActionRow[]): Promise<PriorityNames> {
  if (!rows.some((row) => row.planPriorityId)) return {};
  const { priorities } = await planPrioritiesWithin(trx);
  return Object.fromEntries(
    priorities.map((p) => [
      p.id,
      { id: p.id, position: p.position, title: p.title, planTitle: p.plan.title, planSlug: p.plan.slug },
    ]),
  );
}

export function recordService(db: Database<DB>, mail?: MailService) {
  async function happenedMeeting(trx: Trx, meetingId: string, what: string) {
    const meeting = await meetingById(trx, meetingId);
    if (!meeting) throw notFound();
    if (meeting.state === 'cancelled')
      throw refuse('text', `The meeting was cancelled: there are no ${what}`);
    if (!hasHappened(meeting))
      throw refuse('text', `The meeting has not happened yet: ${what} are recorded after it`);
    return meeting;
  }

  async function itemOf(trx: Trx, meetingId: string, itemId: string) {
    const item = await agendaItemById(trx, itemId);
    if (!item || item.meetingId !== meetingId) throw notFound();
    return item;
  }

  /** The latest earlier meeting (not cancelled) that shares a body with this one. */
  async function previousMeeting(trx: Trx, meeting: MeetingRow) {
    const earlier = await meetingsWhere(trx, {
      bodyIds: meeting.bodies.map((b) => b.id),
      to: meeting.startsAt,
    });
    return earlier.filter((m) => m.id !== meeting.id && m.state !== 'cancelled').at(-1);
  }

  const onItems = (rows: ActionRow[]) => rows.flatMap((r) => (r.agendaItemId ? [r.agendaItemId] : []));

  /** Actions as the caller may see them: those on the exempt items given withheld without the right. */
  function shownTo(
    caller: Caller,
    rows: ActionRow[],
    exemptItemIds: string[],
    on = today(),
    priorities: PriorityNames = {},
  ): ActionEntry[] {
    const exempt = new Set(seesExempt(caller) ? [] : exemptItemIds);
    return rows
      .filter((row) => !row.agendaItemId || !exempt.has(row.agendaItemId))
      .map((row) => ({
        ...row,
        owner: row.ownerToBeConfirmed
          ? 'To be confirmed'
          : [row.ownerYoungPerson ? 'A young person' : row.ownerPersonName, row.ownerOrganisationName]
              .filter(Boolean)
              .join(', ') || 'No owner',
        overdue: row.status === 'open' && !!row.dueOn && row.dueOn < on,
        priority: (row.planPriorityId && priorities[row.planPriorityId]) || null,
      }));
  }

  /** Actions as the caller may see them: those on exempt items withheld without the right. */
  async function visible(trx: Trx, caller: Caller, rows: ActionRow[], on = today()): Promise<ActionEntry[]> {
    const exempt = seesExempt(caller) ? [] : await exemptItemsAmong(trx, onItems(rows));
    return shownTo(caller, rows, exempt, on, await prioritiesNamed(trx, rows));
  }

  /** A meeting's minutes, decisions and actions, the previous meeting and the matters arising, for anyone. */
  async function recordOf(trx: Trx, meeting: MeetingRow) {
    const items = await agendaItemsOf(trx, [meeting.id]);
    const ids = items.map((item) => item.id);
    const [minutes, decisions, actions, previous, amendment] = await Promise.all([
      records.minutes(trx, ids),
      records.decisions(trx, ids),
      records.actions(trx, { meetingIds: [meeting.id] }),
      previousMeeting(trx, meeting),
      minutesAmendmentOf(trx, meeting.id),
    ]);
    const approved = minutes.find((m) => m.status === 'approved');
    const approvedAt = approved?.approvedAtMeetingId
      ? await meetingById(trx, approved.approvedAtMeetingId)
      : undefined;
    /** How this meeting's minutes were approved: as they stand or as amended, where and when. */
    const approval = approved
      ? {
          approvedOn: approved.approvedOn,
          atMeeting: approvedAt ? { id: approvedAt.id, title: approvedAt.title } : null,
          asAmended: amendment !== null,
          amendment,
        }
      : null;
    const previousDrafts = previous
      ? (
          await records.minutes(
            trx,
            (await agendaItemsOf(trx, [previous.id])).map((i) => i.id),
          )
        ).filter((m) => m.status === 'draft').length
      : 0;
    const earlier = await meetingsWhere(trx, {
      bodyIds: meeting.bodies.map((b) => b.id),
      to: meeting.startsAt,
    });
    const arising = await records.actions(trx, {
      meetingIds: earlier.filter((m) => m.id !== meeting.id).map((m) => m.id),
      status: 'open',
    });
    const previousAmendment = previous ? await minutesAmendmentOf(trx, previous.id) : null;
    return {
      items,
      minutes,
      decisions,
      actions,
      previous,
      previousDrafts,
      previousAmendment,
      approval,
      arising,
    };
  }

  async function raiseWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    meetingId: string,
    values: ActionValues,
  ) {
    const meeting = await happenedMeeting(trx, meetingId, 'actions');
    if (values.agendaItemId) await itemOf(trx, meetingId, values.agendaItemId);
    if (!values.ownerPersonId && !values.ownerOrganisationId && !values.ownerToBeConfirmed)
      throw refuse(
        'ownerPersonId',
        'Select who owns the action: a person or an organisation, or say the owner is to be confirmed',
      );
    if (values.ownerToBeConfirmed && (values.ownerPersonId || values.ownerOrganisationId))
      throw refuse(
        'ownerToBeConfirmed',
        'An owner “to be confirmed” has no person or organisation yet: choose one or the other',
      );
    const priority = values.planPriorityId
      ? (await planPrioritiesWithin(trx)).priorities.find((p) => p.id === values.planPriorityId)
      : undefined;
    if (values.planPriorityId && !priority)
      throw refuse('planPriorityId', 'Select a priority of one of the partnership’s plans');
    const owners = await records.owners(trx);
    if (values.ownerPersonId && !owners.people.some((p) => p.id === values.ownerPersonId))
      throw refuse('ownerPersonId', 'Select a person of this partnership');
    if (values.ownerOrganisationId && !owners.organisations.some((o) => o.id === values.ownerOrganisationId))
      throw refuse('ownerOrganisationId', 'Select an organisation of this partnership');
    // numbered per body and year when a body of the meeting has a code (issue 24): "CTB/2010/14"
    const numbering = await actionNumberingBody(trx, meetingId);
    let reference: ActionReference | null = null;
    if (numbering?.code) {
      const year = Number(dateOf(meeting).slice(0, 4));
      const taken = await records.numbersTaken(trx, numbering.id, year);
      const number = values.number ?? Math.max(0, ...taken) + 1;
      if (taken.includes(number))
        throw refuse('number', `${numbering.code}/${year}/${number} is already the number of another action`);
      reference = { bodyId: numbering.id, code: numbering.code, year, number };
    } else if (values.number)
      throw refuse(
        'number',
        'None of the meeting’s bodies has a code for action numbers: add one on the body’s page first',
      );
    const id = await records.addAction(trx, partnershipId, meetingId, values, reference);
    const label = reference ? `${reference.code}/${reference.year}/${reference.number}` : null;
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'action',
      entityId: id,
      summary: `Raised ${label ? `action ${label}` : 'an action'} at ${meeting.title} on ${dateOf(meeting)}${priority ? ` for priority ${priority.position} of ${priority.plan.title}` : ''}`,
      after: { ...values, reference: label },
    });
    return id;
  }

  async function decideWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    meetingId: string,
    itemId: string,
    values: { text: string; delegatedTo: string | null },
  ) {
    const meeting = await happenedMeeting(trx, meetingId, 'decisions');
    const item = await itemOf(trx, meetingId, itemId);
    const id = await records.addDecision(trx, partnershipId, itemId, values);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'decision',
      entityId: id,
      summary: `Recorded a decision on item ${item.number} of ${meeting.title} on ${dateOf(meeting)}${values.delegatedTo ? `, delegated to ${values.delegatedTo}` : ''}`,
      after: values,
    });
    return id;
  }

  async function minuteWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    meetingId: string,
    itemId: string,
    text: string,
  ) {
    const meeting = await happenedMeeting(trx, meetingId, 'minutes');
    const item = await itemOf(trx, meetingId, itemId);
    const [existing] = await records.minutes(trx, [itemId]);
    if (existing?.status === 'approved')
      throw refuse(
        'text',
        `The minutes of item ${item.number} were approved on ${formatDate(existing.approvedOn)}: they can no longer change`,
      );
    await records.saveMinutes(trx, partnershipId, itemId, text);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: existing ? 'update' : 'create',
      entityType: 'minutes',
      entityId: itemId,
      summary: `Minuted item ${item.number} of ${meeting.title} on ${dateOf(meeting)}`,
      before: existing ? { text: existing.text } : undefined,
      after: { text },
    });
  }

  return {
    raiseWithin,
    decideWithin,
    minuteWithin,

    /** Minutes and decisions of the meeting's items the caller may see, and the approval state. */
    ofMeeting: async (caller: Caller, meetingId: string) => {
      // what every caller's view is drawn from; their rights apply after
      const found = await inTenant(db, caller, 'partnership.read', async (trx) => {
        const meeting = await meetingById(trx, meetingId);
        if (!meeting) throw notFound();
        const record = await recordOf(trx, meeting);
        const onActions = onItems([...record.actions, ...record.arising]);
        return {
          meeting,
          ...record,
          exempt: await exemptItemsAmong(trx, onActions),
          priorities: await prioritiesNamed(trx, [...record.actions, ...record.arising]),
        };
      });
      // what the caller's rights and today's date decide
      const rights = seesExempt(caller);
      const seen = new Set(found.items.filter((item) => !item.exempt || rights).map((item) => item.id));
      return {
        minutes: found.minutes.filter((minute) => seen.has(minute.agendaItemId)),
        decisions: found.decisions.filter((decision) => seen.has(decision.agendaItemId)),
        actions: shownTo(caller, found.actions, found.exempt, today(), found.priorities),
        mattersArising: shownTo(caller, found.arising, found.exempt, dateOf(found.meeting), found.priorities),
        previous: found.previous
          ? { meeting: found.previous, drafts: found.previousDrafts, amendment: found.previousAmendment }
          : null,
        approval: found.approval,
        happened: hasHappened(found.meeting),
      };
    },

    writeMinutes: (caller: Caller, meetingId: string, itemId: string, text: string) =>
      inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        minuteWithin(trx, partnershipId, caller, meetingId, itemId, text),
      ),

    /** Approves, at this meeting, the draft minutes of the previous meeting of the same bodies. */
    /** As they stand, or as amended: `amendment` is kept with the approved meeting (issue 24). */
    approvePrevious: async (caller: Caller, meetingId: string, amendment: string | null = null) => {
      await mail?.ready();
      const approved = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const meeting = await happenedMeeting(trx, meetingId, 'approvals');
        const previous = await previousMeeting(trx, meeting);
        if (!previous)
          throw refuse('text', 'There is no earlier meeting of these bodies whose minutes to approve');
        const itemIds = (await agendaItemsOf(trx, [previous.id])).map((item) => item.id);
        const drafts = (await records.minutes(trx, itemIds)).filter((m) => m.status === 'draft');
        if (!drafts.length)
          throw refuse('text', `The meeting of ${dateOf(previous)} has no draft minutes to approve`);
        await records.approve(trx, itemIds, meetingId, dateOf(meeting));
        await setMinutesAmendment(trx, previous.id, amendment);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'minutes',
          entityId: previous.id,
          summary: `Approved the minutes of ${previous.title} on ${dateOf(previous)} at the meeting of ${dateOf(meeting)}${amendment ? ', as amended' : ', as they stand'}`,
          after: { approvedAs: amendment ? 'as-amended' : 'as-they-stand', amendment },
        });
        if (mail) await minutesApprovedMail(trx, mail, caller.actor, partnershipId, previous, meeting);
        return previous;
      });
      mail?.notify();
      return approved;
    },

    addDecision: (
      caller: Caller,
      meetingId: string,
      itemId: string,
      values: { text: string; delegatedTo: string | null },
    ) =>
      inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        decideWithin(trx, partnershipId, caller, meetingId, itemId, values),
      ),

    /** The outcome of a delegated decision, recorded when the delegate has acted. */
    recordOutcome: (
      caller: Caller,
      meetingId: string,
      decisionId: string,
      values: { outcome: string; outcomeOn: string },
    ) =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const items = await agendaItemsOf(trx, [meetingId]);
        const decision = (
          await records.decisions(
            trx,
            items.map((i) => i.id),
          )
        ).find((d) => d.id === decisionId);
        if (!decision) throw notFound();
        if (!decision.delegatedTo)
          throw refuse('outcome', 'Only a delegated decision has an outcome recorded later');
        await records.recordOutcome(trx, decisionId, values.outcome, values.outcomeOn);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'decision',
          entityId: decisionId,
          summary: `Recorded the outcome of a decision delegated to ${decision.delegatedTo}`,
          before: { outcome: decision.outcome },
          after: values,
        });
      }),

    raiseAction: async (caller: Caller, meetingId: string, values: ActionValues) => {
      await mail?.ready();
      const id = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const raised = await raiseWithin(trx, partnershipId, caller, meetingId, values);
        if (mail) await newActionMail(trx, mail, caller.actor, partnershipId, raised);
        return raised;
      });
      mail?.notify();
      return id;
    },

    /** An update to an action: by an editor, or by a member who owns it. */
    updateAction: (caller: Caller, actionId: string, update: { text: string; status: string }) =>
      inTenant(db, caller, 'partnership.contribute', async (trx, partnershipId) => {
        const [action] = await visible(trx, caller, await records.actions(trx, { ids: [actionId] }));
        if (!action) throw notFound();
        if (!can(caller, 'partnership.edit')) {
          const mine = await peopleOfCaller(trx, caller);
          if (!action.ownerPersonId || !mine.includes(action.ownerPersonId)) throw forbidden();
        }
        await records.updateAction(trx, partnershipId, actionId, {
          ...update,
          recordedBy: caller.actor.label,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'action',
          entityId: actionId,
          summary: `Updated an action (${update.status})`,
          before: { status: action.status },
          after: update,
        });
      }),

    /** Links an action to the plan priority it serves, or to none (issue 23): by an editor. */
    linkPriority: (caller: Caller, actionId: string, planPriorityId: string | null) =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const [action] = await visible(trx, caller, await records.actions(trx, { ids: [actionId] }));
        if (!action) throw notFound();
        const priority = planPriorityId
          ? (await planPrioritiesWithin(trx)).priorities.find((p) => p.id === planPriorityId)
          : undefined;
        if (planPriorityId && !priority)
          throw refuse('planPriorityId', 'Select a priority of one of the partnership’s plans');
        if ((action.planPriorityId ?? null) === planPriorityId) return;
        await records.linkPriority(trx, actionId, planPriorityId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'action',
          entityId: actionId,
          summary: priority
            ? `Linked an action to priority ${priority.position} of ${priority.plan.title}`
            : 'Took an action off its plan priority',
          before: { planPriorityId: action.planPriorityId },
          after: { planPriorityId },
        });
      }),

    action: (caller: Caller, actionId: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const [action] = await visible(trx, caller, await records.actions(trx, { ids: [actionId] }));
        if (!action) throw notFound();
        return action;
      }),

    /** The action log, filtered; and the overdue actions per owner. */
    actions: (caller: Caller, filter: { status?: string | undefined; ownerId?: string | undefined } = {}) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const list = await visible(
          trx,
          caller,
          await records.actions(trx, {
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
          }),
        );
        const overdue = new Map<string, ActionEntry[]>();
        for (const action of list.filter((a) => a.overdue))
          overdue.set(action.owner, [...(overdue.get(action.owner) ?? []), action]);
        return {
          actions: list,
          overdueByOwner: [...overdue.entries()]
            .map(([owner, actions]) => ({ owner, actions }))
            .sort((a, b) => a.owner.localeCompare(b.owner)),
        };
      }),

    owners: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => records.owners(trx)),

    /** The plans' priorities an action may be raised for, read through the plans module. */
    planPriorities: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', async (trx) => (await planPrioritiesWithin(trx)).priorities),

    /** The actions in the action log raised for each plan priority, by the priority's id (issue 23). */
    ofPriorities: (caller: Caller, priorityIds?: string[]) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const rows = await records.actions(
          trx,
          priorityIds ? { planPriorityIds: priorityIds } : { withPlanPriority: true },
        );
        const byPriority: Record<string, ActionEntry[]> = {};
        for (const action of await visible(trx, caller, rows))
          if (action.planPriorityId) (byPriority[action.planPriorityId] ??= []).push(action);
        return byPriority;
      }),
  };
}

export type RecordService = ReturnType<typeof recordService>;

/**
 * An agenda item's minutes and decisions, which go with it, and its actions, which stay without
 * it (for the page that asks before the item is removed).
 */
export const recordOnAgendaItem: ItemDependants = async (trx, itemId) => {
  const { minutes, decisions, actions } = await recordOnItem(trx, itemId);
  return [
    { count: minutes, named: 'its minutes', line: 'Its minutes', goes: true },
    {
      count: decisions,
      named: countOf(decisions, 'decision'),
      line: `${countOf(decisions, 'decision')}, with their links to funds and to what young people were told was done`,
      goes: true,
    },
    {
      count: actions,
      named: countOf(actions, 'action'),
      line: `${countOf(actions, 'action')} from it, no longer linked to an item`,
      goes: false,
    },
  ];
};
