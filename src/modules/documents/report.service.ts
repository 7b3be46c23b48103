// Committee reports: one authored in the product for an agenda item. A report is part of its
// item: a report on an exempt item reaches only those who may see exempt items (ADR 0010), in
// every output, because every output reads it through `report` here.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { agendaItemById, entryFor, type ItemDependants } from '../agenda/index.ts';
import { meetingById } from '../meetings/index.ts';
import { countOf } from '../../platform/http/confirm-deletion.ts';
import { reportRepository as reports } from './report.repository.ts';
import type { CommitteeReportValues } from './report.schemas.ts';
import type { BoardPackService } from './boardpack.service.ts';

async function itemOf(trx: Trx, caller: Caller, meetingId: string, itemId: string) {
  const meeting = await meetingById(trx, meetingId);
  const item = meeting && (await agendaItemById(trx, itemId));
  if (!meeting || !item || item.meetingId !== meetingId || entryFor(caller, item).withheld) throw notFound();
  return { meeting, item };
}

export function reportService(db: Database<DB>, packs?: BoardPackService) {
  /** Writes (or rewrites) an item's report inside a transaction already open (also the seeds'). */
  async function saveWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    meetingId: string,
    itemId: string,
    values: CommitteeReportValues,
  ): Promise<string> {
    const { meeting, item } = await itemOf(trx, caller, meetingId, itemId);
    const before = await reports.forItem(trx, itemId);
    const id = await reports.save(trx, partnershipId, itemId, values);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: before ? 'update' : 'create',
      entityType: 'committee-report',
      entityId: id,
      summary: `${before ? 'Changed' : 'Wrote'} the report “${values.title}” for item ${item.number} of ${meeting.title}`,
      ...(before ? { before } : {}),
      after: values,
    });
    return id;
  }

  return {
    /** The item, its meeting and its report (undefined when none is written yet). */
    report: (caller: Caller, meetingId: string, itemId: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const found = await itemOf(trx, caller, meetingId, itemId);
        return { ...found, report: await reports.forItem(trx, itemId) };
      }),

    /** Writes the report; the meeting's board pack, if made, is made again. */
    save: (caller: Caller, meetingId: string, itemId: string, values: CommitteeReportValues) => {
      const work = (trx: Trx, partnershipId: string) =>
        saveWithin(trx, partnershipId, caller, meetingId, itemId, values);
      return packs ? packs.editing(caller, meetingId, work) : inTenant(db, caller, 'partnership.edit', work);
    },

    /** Of a meeting's items, those with a report (for the agenda's links). */
    itemsWithReports: (caller: Caller, itemIds: string[]) =>
      inTenant(db, caller, 'partnership.read', (trx) => reports.itemsWithReports(trx, itemIds)),
  };
}

export type ReportService = ReturnType<typeof reportService>;

/** An agenda item's committee report, which goes with the item (for the page that asks first). */
export const reportOnAgendaItem: ItemDependants = async (trx, itemId) => {
  const count = await reports.onItem(trx, itemId);
  return [{ count, named: countOf(count, 'committee report'), line: 'Its committee report', goes: true }];
};
