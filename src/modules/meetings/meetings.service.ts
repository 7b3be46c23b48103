// Meetings: one or more bodies of the same partnership, a date and time in England, a place or
// an online link, and a state. The rules: every body must be one of this partnership's (the
// database refuses the rest too); a joint meeting has two bodies or more.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { today } from '../../platform/http/date-input.ts';
import { inTenant, keptInTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { cadenceCheck } from './cadence.ts';
import {
  meetingsRepository as meetings,
  type MeetingFilter,
  type MeetingValues,
} from './meetings.repository.ts';
import type { MeetingInput } from './meetings.schemas.ts';
import { fromLondon, londonParts } from './time.ts';

function valuesOf(input: MeetingInput): MeetingValues {
  return {
    title: input.title,
    kind: input.kind,
    startsAt: fromLondon(input.date, input.startTime),
    endsAt: input.endTime ? fromLondon(input.date, input.endTime) : null,
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
    throw new RuleViolation([{ path: 'bodyIds', message: 'A joint meeting belongs to two bodies or more' }]);
  const known = new Set((await meetings.bodies(trx)).map((body) => body.id));
  if (unique.some((id) => !known.has(id)))
    throw new RuleViolation([
      { path: 'bodyIds', message: 'A meeting can only belong to bodies of this partnership' },
    ]);
  return unique;
}

const summaryOf = (values: MeetingValues) =>
  `${values.title} on ${londonParts(values.startsAt).date} at ${londonParts(values.startsAt).time}`;

export function meetingsService(db: Database<DB>) {
  /** Adds a meeting inside a transaction already open (also used by the seed importer). */
  async function createWithin(trx: Trx, partnershipId: string, caller: Caller, input: MeetingInput) {
    const bodyIds = await checkBodies(trx, input);
    const values = valuesOf(input);
    const id = await meetings.insert(trx, partnershipId, values, bodyIds);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'meeting',
      entityId: id,
      summary: `Added the meeting ${summaryOf(values)}`,
      after: { ...values, bodyIds },
    });
    return id;
  }

  return {
    createWithin,

    list: (caller: Caller, filter: MeetingFilter = {}) =>
      inTenant(db, caller, 'partnership.read', (trx) => meetings.list(trx, filter)),

    get: (caller: Caller, id: string) =>
      keptInTenant(db, caller, 'partnership.read', `meeting found ${id}`, async (trx) => {
        const meeting = await meetings.byId(trx, id);
        if (!meeting) throw notFound();
        return meeting;
      }),

    /** The bodies a meeting may belong to. */
    bodies: (caller: Caller) =>
      keptInTenant(db, caller, 'partnership.read', 'meeting bodies', (trx) => meetings.bodies(trx)),

    create: (caller: Caller, input: MeetingInput): Promise<string> =>
      inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        createWithin(trx, partnershipId, caller, input),
      ),

    update: (caller: Caller, id: string, input: MeetingInput): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const before = await meetings.byId(trx, id);
        if (!before) throw notFound();
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
        const held = await meetings.list(trx, { bodyId });
        return cadenceCheck(
          body.cadenceRules ?? [],
          held.map((meeting) => ({
            kind: meeting.kind,
            state: meeting.state,
            startsOn: londonParts(meeting.startsAt).date,
          })),
          { ...(options.from ? { from: options.from } : {}), today: options.on ?? today() },
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
        const held = await meetings.seatsOfPeopleWithEmail(trx, email);
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
