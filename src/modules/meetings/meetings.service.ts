// Meetings: one or more bodies of the same partnership, a date and time in England, a place or
// an online link, and a state. The rules: every body must be one of this partnership's (the
// database refuses the rest too); a joint meeting has two bodies or more.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { lockVersion } from '../../platform/db/row-version.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { today } from '../../platform/http/date-input.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { bodyRulesWithin, rulesOn, standingItemsWithin } from '../bodies/index.ts';
import { addAgendaItem, seesExempt } from '../agenda/index.ts';
import { seatPeriodsOfEmail } from '../membership/index.ts';
import { cadenceCheck } from './cadence.ts';
import {
  meetingsRepository as meetings,
  type MeetingFilter,
  type MeetingValues,
} from './meetings.repository.ts';
import type { MeetingInput } from './meetings.schemas.ts';
import { searchRepository, type SearchCriteria } from './search.repository.ts';
import { fromLondon, londonParts } from './time.ts';
import { formatDate, formatDateTime } from '../../platform/dates.ts';

function valuesOf(input: MeetingInput): MeetingValues {
  return {
    title: input.title,
    kind: input.kind,
    // no start time known: midnight in England of its date, shown as the date alone (ADR 0041)
    startsAt: fromLondon(input.date, input.startTime ?? '00:00'),
    startTimeKnown: input.startTime !== undefined,
    endsAt: input.endTime && input.startTime ? fromLondon(input.date, input.endTime) : null,
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
    state: input.state,
    notes: input.notes ?? null,
  };
}

async function checkBodies(trx: Trx, input: MeetingInput): Promise<string[]> {
  const unique = [...new Set(input.bodyIds)];
  if (!unique.length)
    throw new RuleViolation([
      { path: 'bodyIds', message: 'Select the body or bodies the meeting belongs to' },
    ]);
  if (input.kind === 'joint-meeting' && unique.length < 2)
    throw new RuleViolation([{ path: 'bodyIds', message: 'Select two bodies or more for a joint meeting' }]);
  const known = new Set((await meetings.bodies(trx)).map((body) => body.id));
  if (unique.some((id) => !known.has(id)))
    throw new RuleViolation([
      { path: 'bodyIds', message: 'A meeting can only belong to bodies of this partnership' },
    ]);
  return unique;
}

const summaryOf = (values: MeetingValues) =>
  `${values.title} on ${values.startTimeKnown ? formatDateTime(values.startsAt) : formatDate(values.startsAt)}`;

export function meetingsService(db: Database<DB>) {
  /** Adds a meeting inside a transaction already open (also used by the seed importer). */
  async function createWithin(trx: Trx, partnershipId: string, caller: Caller, input: MeetingInput) {
    const bodyIds = await checkBodies(trx, input);
    const values = valuesOf(input);
    const id = await meetings.insert(trx, partnershipId, values, bodyIds);
    // the bodies' standing items open the agenda of every new meeting, once each (issue 24)
    const order = new Map(bodyIds.map((bodyId, index) => [bodyId, index]));
    const standing = [
      ...new Set(
        (await standingItemsWithin(trx, bodyIds))
          .sort((a, b) => order.get(a.bodyId)! - order.get(b.bodyId)! || a.position - b.position)
          .map((item) => item.title),
      ),
    ];
    for (const [index, title] of standing.entries())
      await addAgendaItem(trx, partnershipId, id, {
        number: index + 1,
        title,
        purpose: 'information',
        presenter: null,
        exempt: false,
        exemptParagraph: null,
        exemptReason: null,
      });
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'meeting',
      entityId: id,
      summary: `Added the meeting ${summaryOf(values)}${standing.length ? `, with ${standing.length} standing ${standing.length === 1 ? 'item' : 'items'}` : ''}`,
      after: { ...values, bodyIds, standingItems: standing },
    });
    return id;
  }

  return {
    createWithin,

    list: (caller: Caller, filter: MeetingFilter = {}) =>
      inTenant(db, caller, 'partnership.read', (trx) => meetings.list(trx, filter)),

    get: (caller: Caller, id: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const meeting = await meetings.byId(trx, id);
        if (!meeting) throw notFound();
        return meeting;
      }),

    /**
     * One page of the meetings whose title, items, papers, reports, decisions or minutes match
     * the words (all meetings in the dates and body when there are none), latest first, with
     * what matched; exempt items' parts only for a caller who may see exempt items.
     */
    search: (caller: Caller, criteria: Omit<SearchCriteria, 'withExempt'>) =>
      inTenant(db, caller, 'partnership.read', (trx) =>
        searchRepository.search(trx, { ...criteria, withExempt: seesExempt(caller) }),
      ),

    /** The bodies a meeting may belong to. */
    bodies: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => meetings.bodies(trx)),

    create: (caller: Caller, input: MeetingInput): Promise<string> =>
      inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        createWithin(trx, partnershipId, caller, input),
      ),

    /** Changes a meeting; `version`, the one the change was based on, must still be its own. */
    update: (caller: Caller, id: string, input: MeetingInput, version?: string): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        await lockVersion(
          trx,
          { table: 'meetings', id, entityType: 'meeting', what: 'this meeting' },
          version,
        );
        const found = await meetings.byId(trx, id);
        if (!found) throw notFound();
        const { version: _read, ...before } = found; // the row as it is, locked
        const bodyIds = await checkBodies(trx, input);
        const values = valuesOf(input);
        await meetings.update(trx, partnershipId, id, values, bodyIds);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'meeting',
          entityId: id,
          summary: `Changed the meeting ${summaryOf(values)}`,
          before: { ...before, bodyIds: before.bodies.map((body) => body.id) },
          after: { ...values, bodyIds },
        });
      }),

    /** Each year from the body's first meeting (or `from`) to today, against its cadence rules. */
    cadence: (caller: Caller, bodyId: string, options: { from?: number; on?: string } = {}) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const body = (await meetings.bodies(trx)).find((candidate) => candidate.id === bodyId);
        if (!body) throw notFound();
        const [held, rules] = await Promise.all([
          meetings.list(trx, { bodyId }),
          bodyRulesWithin(trx, [bodyId]),
        ]);
        const on = options.on ?? today();
        // each year is judged by the rule holding at its end (or today, for this year): ADR 0040
        return cadenceCheck(
          (year) => rulesOn(rules, bodyId, `${year}-12-31` < on ? `${year}-12-31` : on).cadence ?? [],
          held.map((meeting) => ({
            kind: meeting.kind,
            state: meeting.state,
            startsOn: londonParts(meeting.startsAt).date,
          })),
          { ...(options.from ? { from: options.from } : {}), today: on },
        );
      }),

    /**
     * The caller's own meetings: those of the bodies where the partnership's person with the
     * caller's email address holds a seat, or is a named substitute, on the meeting's date.
     */
    mine: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const email = caller.userId ? await meetings.userEmail(trx, caller.userId) : undefined;
        if (!email) return [];
        const held = await seatPeriodsOfEmail(trx, email);
        const candidates = await meetings.list(trx, { bodyIds: [...new Set(held.map((h) => h.bodyId))] });
        return candidates.filter((meeting) => {
          const on = londonParts(meeting.startsAt).date;
          return held.some(
            (h) =>
              meeting.bodies.some((body) => body.id === h.bodyId) &&
              (!h.startsOn || h.startsOn <= on) &&
              (!h.endsOn || h.endsOn >= on),
          );
        });
      }),
  };
}

export type MeetingsService = ReturnType<typeof meetingsService>;
