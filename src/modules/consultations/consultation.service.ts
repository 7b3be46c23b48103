// Inbound consultations: placed on an agenda item, answered question by question by the board,
// and printed as the partnership's response. A consultation is part of its item: on an exempt
// item it reaches only those who may see exempt items (ADR 0010), in every output.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { today } from '../../platform/http/date-input.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { agendaItemsOf, agendaItemById, entryFor, type ItemDependants } from '../agenda/index.ts';
import { countOf } from '../../platform/http/confirm-deletion.ts';
import { consultationRepository as consultations, type ConsultationRow } from './consultation.repository.ts';
import type { ConsultationValues } from './consultation.schemas.ts';
import { meetingById, type MeetingRow } from '../meetings/index.ts';

export interface ConsultationEntry extends ConsultationRow {
  meeting: MeetingRow;
  itemNumber: number;
  itemTitle: string;
  answered: number;
}

/** Every consultation (or one) with its meeting and item, before anyone's rights are applied. */
async function withItems(trx: Trx, id?: string) {
  const rows = await consultations.list(trx, id);
  const meetingIds = [...new Set(rows.map((row) => row.meetingId))];
  const [items, meetingRows] = await Promise.all([
    agendaItemsOf(trx, meetingIds),
    Promise.all(meetingIds.map((meetingId) => meetingById(trx, meetingId))),
  ]);
  return rows.flatMap((row) => {
    const item = items.find((candidate) => candidate.id === row.agendaItemId);
    const meeting = meetingRows.find((candidate) => candidate?.id === row.meetingId);
    return item && meeting ? [{ row, item, meeting }] : [];
  });
}

/** Those of the consultations the caller may see (never those of an exempt item they may not). */
function visibleTo(caller: Caller, found: Awaited<ReturnType<typeof withItems>>): ConsultationEntry[] {
  return found
    .filter(({ item }) => !entryFor(caller, item).withheld)
    .map(({ row, item, meeting }) => ({
      ...row,
      meeting,
      itemNumber: item.number,
      itemTitle: item.title,
      answered: row.questions.filter((q) => q.answer !== null).length,
    }));
}

/** The consultations the caller may see, with their meeting and item. */
async function visible(trx: Trx, caller: Caller, id?: string): Promise<ConsultationEntry[]> {
  return visibleTo(caller, await withItems(trx, id));
}

export function consultationService(db: Database<DB>) {
  async function placeWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    meetingId: string,
    itemId: string,
    values: ConsultationValues,
  ): Promise<string> {
    const item = await agendaItemById(trx, itemId);
    const meeting = item && (await meetingById(trx, meetingId));
    if (!item || !meeting || item.meetingId !== meetingId) throw notFound();
    const id = await consultations.insert(trx, partnershipId, itemId, values);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'consultation',
      entityId: id,
      summary: `Placed the consultation “${values.title}” (${values.questions.length} questions, due ${values.deadline}) on item ${item.number} of ${meeting.title}`,
      after: values,
    });
    return id;
  }

  return {
    list: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => visible(trx, caller)),

    get: (caller: Caller, id: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const [found] = await visible(trx, caller, id);
        if (!found) throw notFound();
        return found;
      }),

    /** Consultations still to answer, and those whose deadline is today or later (for the overview). */
    // every consultation is kept between requests (ADR 0021); the caller's rights apply after
    due: async (caller: Caller, on = today()) =>
      visibleTo(caller, await inTenant(db, caller, 'partnership.read', (trx) => withItems(trx)))
        .filter((c) => c.deadline >= on || c.answered < c.questions.length)
        .map((c) => ({ ...c, passed: c.deadline < on })),

    place: (caller: Caller, meetingId: string, itemId: string, values: ConsultationValues) =>
      inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        placeWithin(trx, partnershipId, caller, meetingId, itemId, values),
      ),

    /** Records the board's agreed answers by question number; a blank answer clears one. */
    answer: (caller: Caller, id: string, answers: Map<number, string>) =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const [found] = await visible(trx, caller, id);
        if (!found) throw notFound();
        const unknown = [...answers.keys()].filter((n) => !found.questions.some((q) => q.number === n));
        if (unknown.length)
          throw new RuleViolation([
            { path: `answer-${unknown[0]}`, message: `The consultation has no question ${unknown[0]}` },
          ]);
        const changed = found.questions.filter(
          (q) => answers.has(q.number) && (answers.get(q.number)!.trim() || null) !== q.answer,
        );
        for (const question of changed)
          await consultations.answer(trx, question.id, answers.get(question.number)!.trim() || null);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'consultation',
          entityId: id,
          summary: `Recorded the board’s answers to ${changed.length} ${changed.length === 1 ? 'question' : 'questions'} of “${found.title}”`,
          before: changed.map((q) => ({ number: q.number, answer: q.answer })),
          after: changed.map((q) => ({ number: q.number, answer: answers.get(q.number)!.trim() || null })),
        });
      }),
  };
}

export type ConsultationService = ReturnType<typeof consultationService>;

/** The consultations answered at an agenda item, which go with it (for the page that asks first). */
export const consultationsOnAgendaItem: ItemDependants = async (trx, itemId) => {
  const count = await consultations.onItem(trx, itemId);
  const named = countOf(count, 'consultation');
  return [{ count, named, line: `${named} and the answers drafted to it`, goes: true }];
};
