// Declarations of interest at a meeting, per agenda item. A member declares their own before
// the meeting (like sending apologies); a clerk or editor records anyone's on the register.
// Declarations on an exempt item go wherever the item goes: through `entryFor`, so a caller
// who may not see the item sees none of them.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { can } from '../../platform/http/permissions.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { agendaItemsOf, type AgendaItemRow, entryFor } from '../agenda/index.ts';
import { attendanceRepository as attendance, peopleOfCaller } from './attendance.repository.ts';
import { displayName } from './attendance.ts';
import { declarationsRepository as declarations, type DeclarationRow } from './declarations.repository.ts';
import { declarants, declarationProblems, type DeclarationInput } from './declarations.ts';
import {
  meetingById,
  interestKinds,
  interestParticipation,
  hasHappened,
  londonParts,
} from '../meetings/index.ts';
import { formatDate } from '../../platform/dates.ts';

export interface Declaration extends DeclarationRow {
  name: string;
  kindLabel: string;
  participationLabel: string;
}

export function declarationsService(db: Database<DB>) {
  /** The meeting, its items the caller may see, who is on its register, and what the caller may do. */
  async function context(trx: Trx, caller: Caller, meetingId: string) {
    const meeting = await meetingById(trx, meetingId);
    if (!meeting) throw notFound();
    const date = londonParts(meeting.startsAt).date;
    const bodyIds = meeting.bodies.map((body) => body.id);
    const [items, members, records, youngPeople] = await Promise.all([
      agendaItemsOf(trx, [meeting.id]),
      attendance.members(trx, bodyIds),
      attendance.records(trx, [meeting.id]),
      declarations.youngPeople(trx),
    ]);
    const visible = items.map((item) => entryFor(caller, item)).filter((item) => !item.withheld);
    const people = declarants(date, members, records, youngPeople);
    const mine = await peopleOfCaller(trx, caller);
    const own = can(caller, 'partnership.edit') ? null : mine.filter((id) => people.some((p) => p.id === id));
    const interests = await declarations.interests(
      trx,
      people.map((person) => person.id),
      date,
    );
    return { meeting, items: visible, people, own, interests, happened: hasHappened(meeting) };
  }

  const shown = (row: DeclarationRow): Declaration => ({
    ...row,
    name: displayName(row),
    kindLabel: interestKinds[row.kind as keyof typeof interestKinds] ?? row.kind,
    participationLabel:
      interestParticipation[row.participation as keyof typeof interestParticipation] ?? row.participation,
  });

  /** The meeting's declarations on the items the caller may see; none on an item withheld from them. */
  const visibleTo = (caller: Caller, { items, all }: { items: AgendaItemRow[]; all: Declaration[] }) => {
    const seen = new Set(items.filter((item) => !entryFor(caller, item).withheld).map((item) => item.id));
    return all.filter((d) => seen.has(d.agendaItemId));
  };
  const meetingDeclarations = async (trx: Trx, meetingId: string) => ({
    items: await agendaItemsOf(trx, [meetingId]),
    all: (await declarations.list(trx, meetingId)).map(shown),
  });
  const visibleDeclarations = async (trx: Trx, caller: Caller, meetingId: string) =>
    visibleTo(caller, await meetingDeclarations(trx, meetingId));

  /** A declaration the caller sees, and why they may not withdraw it (a member: only their own, before the meeting). */
  async function withdrawalOf(trx: Trx, caller: Caller, meetingId: string, declarationId: string) {
    const found = await context(trx, caller, meetingId);
    const declaration = (await visibleDeclarations(trx, caller, meetingId)).find(
      (d) => d.id === declarationId,
    );
    if (!declaration) throw notFound();
    const cancelled = found.meeting.state === 'cancelled';
    const refusal =
      found.own && (!found.own.includes(declaration.personId) || found.happened || cancelled)
        ? cancelled
          ? 'The meeting was cancelled: ask the clerk to change the declarations'
          : found.happened
            ? 'The meeting has already started: ask the clerk to change the declarations'
            : 'You can withdraw only your own declarations'
        : undefined;
    return { found, declaration, refusal };
  }

  return {
    ofMeeting: async (caller: Caller, meetingId: string): Promise<Declaration[]> => {
      const found = await inTenant(db, caller, 'partnership.read', async (trx) => {
        if (!(await meetingById(trx, meetingId))) throw notFound();
        return meetingDeclarations(trx, meetingId);
      });
      return visibleTo(caller, found);
    },

    /** What the declaration form offers the caller: the items, the people they may declare for, their register entries. */
    form: (caller: Caller, meetingId: string) =>
      inTenant(db, caller, 'partnership.contribute', async (trx) => {
        const found = await context(trx, caller, meetingId);
        const people = found.own ? found.people.filter((p) => found.own!.includes(p.id)) : found.people;
        return {
          meeting: found.meeting,
          items: found.items,
          people,
          interests: found.interests
            .filter((entry) => people.some((p) => p.id === entry.personId))
            .map((entry) => ({
              ...entry,
              personName: people.find((p) => p.id === entry.personId)!.name,
            })),
          recordsOthers: found.own === null,
          happened: found.happened,
        };
      }),

    declare: (caller: Caller, meetingId: string, input: DeclarationInput) =>
      inTenant(db, caller, 'partnership.contribute', async (trx, partnershipId) => {
        const found = await context(trx, caller, meetingId);
        const problems = declarationProblems(input, {
          cancelled: found.meeting.state === 'cancelled',
          happened: found.happened,
          itemIds: found.items.map((item) => item.id),
          people: found.people,
          own: found.own,
          interests: found.interests,
        });
        if (problems.length) throw new RuleViolation(problems);
        const id = await declarations.insert(trx, partnershipId, input, caller.userId ?? null);
        const item = found.items.find((candidate) => candidate.id === input.agendaItemId)!;
        const person = found.people.find((candidate) => candidate.id === input.personId)!;
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'interest-declaration',
          entityId: id,
          summary: `${person.name} declared ${interestKinds[input.kind as keyof typeof interestKinds].toLowerCase()} in item ${item.number} of ${found.meeting.title} on ${formatDate(found.meeting.startsAt)}`,
          after: { ...input, nature: input.nature.trim() },
        });
        return id;
      }),

    /**
     * What the page that asks before withdrawing shows (ADR 0048): the declaration, its item and
     * meeting, and why the caller may not withdraw it, if they may not.
     */
    withdrawal: (caller: Caller, meetingId: string, declarationId: string) =>
      inTenant(db, caller, 'partnership.contribute', async (trx) => {
        const { found, declaration, refusal } = await withdrawalOf(trx, caller, meetingId, declarationId);
        const item = found.items.find((candidate) => candidate.id === declaration.agendaItemId);
        return {
          meeting: found.meeting,
          declaration,
          itemNumber: item?.number ?? 0,
          itemTitle: item?.title ?? '',
          refusal,
        };
      }),

    /** Removes a declaration: a clerk or editor any; a member their own, before the meeting. */
    withdraw: (caller: Caller, meetingId: string, declarationId: string) =>
      inTenant(db, caller, 'partnership.contribute', async (trx, partnershipId) => {
        const { found, declaration, refusal } = await withdrawalOf(trx, caller, meetingId, declarationId);
        if (refusal) throw new RuleViolation([{ path: 'declaration', message: refusal }]);
        await declarations.delete(trx, declarationId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'interest-declaration',
          entityId: declarationId,
          summary: `Withdrew ${declaration.name}’s declaration of interest in an item of ${found.meeting.title}`,
          before: {
            agendaItemId: declaration.agendaItemId,
            personId: declaration.personId,
            kind: declaration.kind,
            nature: declaration.nature,
            participation: declaration.participation,
            interestId: declaration.interestId,
          },
        });
      }),
  };
}

export type DeclarationsService = ReturnType<typeof declarationsService>;
