// A meeting's agenda and papers. The rules: an item's number is used once per meeting; a
// paper is of an accepted type and size; an exempt item (Schedule 12A) and its papers are
// shown only to those with the right (members, editors and administrators of the partnership,
// ADR 0010): to anyone else the item is its number and paragraph, nothing more.
import type { Database } from '../../platform/db/database.ts';
import { lockRow } from '../../platform/db/row-version.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { can } from '../../platform/http/permissions.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import {
  agendaRepository as agenda,
  type AgendaItemRow,
  type AgendaItemValues,
  type PaperRow,
} from './agenda.repository.ts';
import { meetingById } from '../meetings/index.ts';
import { checkPaper } from './papers.ts';
import { countOf } from '../../platform/http/confirm-deletion.ts';
import type { AgendaChange, AgendaListener, ItemDependant, ItemDependants } from './agenda.events.ts';

export interface UploadedPaper {
  fileName: string;
  content: Buffer;
}

/** An agenda item as one caller may see it: withheld items keep only number and paragraph. */
export interface AgendaEntry {
  id: string;
  number: number;
  exempt: boolean;
  exemptParagraph: number | null;
  withheld: boolean;
  title: string | null;
  purpose: string | null;
  presenter: string | null;
  /** Its start time ('14:30'), if the agenda gives one. */
  startTime: string | null;
  exemptReason: string | null;
  hasReport: boolean;
  papers: PaperRow[];
}

/** Who may see exempt items and their papers. */
export const seesExempt = (caller: Caller) => can(caller, 'partnership.contribute');

export function entryFor(caller: Caller, item: AgendaItemRow): AgendaEntry {
  const withheld = item.exempt && !seesExempt(caller);
  return withheld
    ? {
        id: item.id,
        number: item.number,
        exempt: true,
        exemptParagraph: item.exemptParagraph,
        withheld,
        title: null,
        purpose: null,
        presenter: null,
        startTime: item.startTime,
        exemptReason: null,
        hasReport: false,
        papers: [],
      }
    : { ...item, withheld };
}

function paperOf(upload: UploadedPaper) {
  const checked = checkPaper(upload.fileName, upload.content);
  if (!checked.ok) throw new RuleViolation([{ path: 'paper', message: checked.message }]);
  return { fileName: upload.fileName.replace(/^.*[\\/]/, '').slice(0, 200), mediaType: checked.mediaType };
}

async function assertNumberFree(trx: Trx, meetingId: string, number: number, itemId?: string) {
  // the meeting's row locked: items of one meeting are numbered in turn, so the check below
  // sees every item committed before (ADR 0044); the unique key stays the last word
  await lockRow(trx, 'meetings', meetingId);
  const taken = (await agenda.list(trx, [meetingId])).find(
    (item) => item.number === number && item.id !== itemId,
  );
  if (taken)
    throw new RuleViolation([
      { path: 'number', message: `Item ${number} is already on this agenda: choose another number` },
    ]);
}

/** The item's write, its number's unique key answered as the form error it is, never a 500. */
async function numberedOnce<T>(number: number, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    throw new RuleViolation([
      { path: 'number', message: `Item ${number} is already on this agenda: choose another number` },
    ]);
  }
}

/**
 * What the agenda hears from the modules that come after it (given by the composition root):
 * who listens to its changes, and who keeps rows that point at an item.
 */
export interface AgendaParts {
  listeners?: readonly AgendaListener[];
  dependants?: readonly ItemDependants[];
}

export function agendaService(db: Database<DB>, { listeners = [], dependants = [] }: AgendaParts = {}) {
  /**
   * An edit to the agenda or its papers, in one transaction in which the change is announced to
   * the listeners (the board pack is made again: ADR 0057).
   */
  async function editing<T>(
    caller: Caller,
    meetingId: string,
    work: (trx: Trx, partnershipId: string) => Promise<T>,
  ): Promise<T> {
    for (const listener of listeners) await listener.ready(caller, meetingId);
    let change: AgendaChange | undefined;
    const result = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
      const done = await work(trx, partnershipId);
      change = { partnershipId, meetingId, userId: caller.userId };
      for (const listener of listeners) await listener.changed(trx, change);
      return done;
    });
    for (const listener of listeners) listener.committed(change!);
    return result;
  }

  async function meetingOf(trx: Trx, meetingId: string) {
    const meeting = await meetingById(trx, meetingId);
    if (!meeting) throw notFound();
    return meeting;
  }

  async function itemOf(trx: Trx, meetingId: string, itemId: string) {
    const item = await agenda.byId(trx, itemId);
    if (!item || item.meetingId !== meetingId) throw notFound();
    return item;
  }

  /** Adds an item (and its paper) inside a transaction already open (also used by the seeds). */
  async function addWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    meetingId: string,
    values: AgendaItemValues,
    upload?: UploadedPaper,
  ): Promise<string> {
    const meeting = await meetingOf(trx, meetingId);
    await assertNumberFree(trx, meetingId, values.number);
    const paper = upload ? paperOf(upload) : undefined;
    const id = await numberedOnce(values.number, agenda.insert(trx, partnershipId, meetingId, values));
    if (upload && paper) await agenda.addPaper(trx, partnershipId, id, { ...paper, content: upload.content });
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'agenda-item',
      entityId: id,
      summary: `Added item ${values.number} to the agenda of ${meeting.title}${paper ? ` with the paper ${paper.fileName}` : ''}`,
      after: { ...values, paper: paper?.fileName },
    });
    return id;
  }

  return {
    addWithin,

    /** Another module's edit that adds to the agenda (with addWithin), announced like the agenda's own. */
    editing,

    /** The meeting's agenda in number order, as the caller may see it. */
    agenda: async (caller: Caller, meetingId: string) => {
      const items = await inTenant(db, caller, 'partnership.read', async (trx) => {
        await meetingOf(trx, meetingId);
        return agenda.list(trx, [meetingId]);
      });
      // the caller's rights decide what of each item is shown
      return items.map((item) => entryFor(caller, item));
    },

    addItem: (caller: Caller, meetingId: string, values: AgendaItemValues, upload?: UploadedPaper) =>
      editing(caller, meetingId, (trx, partnershipId) =>
        addWithin(trx, partnershipId, caller, meetingId, values, upload),
      ),

    updateItem: (
      caller: Caller,
      meetingId: string,
      itemId: string,
      values: AgendaItemValues,
      upload?: UploadedPaper,
    ) =>
      editing(caller, meetingId, async (trx, partnershipId) => {
        const before = await itemOf(trx, meetingId, itemId);
        await assertNumberFree(trx, meetingId, values.number, itemId);
        const paper = upload ? paperOf(upload) : undefined;
        await numberedOnce(values.number, agenda.update(trx, itemId, values));
        if (upload && paper)
          await agenda.addPaper(trx, partnershipId, itemId, { ...paper, content: upload.content });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'agenda-item',
          entityId: itemId,
          summary: `Changed item ${values.number} of an agenda${paper ? `, adding the paper ${paper.fileName}` : ''}`,
          before: { ...before, papers: before.papers.map((p) => p.fileName) },
          after: { ...values, paper: paper?.fileName },
        });
      }),

    removeItem: (caller: Caller, meetingId: string, itemId: string) =>
      editing(caller, meetingId, async (trx, partnershipId) => {
        const before = await itemOf(trx, meetingId, itemId);
        await agenda.delete(trx, itemId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'agenda-item',
          entityId: itemId,
          summary: `Removed item ${before.number} from an agenda`,
          before: { ...before, papers: before.papers.map((p) => p.fileName) },
        });
      }),

    /** What goes with an item and what stays without it, for the page that asks first (ADR 0048). */
    removal: (caller: Caller, meetingId: string, itemId: string) =>
      inTenant(db, caller, 'partnership.edit', async (trx) => {
        const item = await itemOf(trx, meetingId, itemId);
        const papers = item.papers.length;
        const its: ItemDependant[] = [
          {
            count: papers,
            named: countOf(papers, 'paper'),
            line: `${countOf(papers, 'paper')} (${item.papers.map((paper) => paper.fileName).join(', ')})`,
            goes: true,
          },
        ];
        for (const of of dependants) its.push(...(await of(trx, item.id)));
        return { item, dependants: its.filter((dependant) => dependant.count > 0) };
      }),

    /** A paper's file, for someone who may see its item; otherwise as if it did not exist. */
    paper: (caller: Caller, meetingId: string, paperId: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const paper = await agenda.paper(trx, paperId);
        if (!paper) throw notFound();
        const item = await itemOf(trx, meetingId, paper.agendaItemId);
        if (entryFor(caller, item).withheld) throw notFound();
        return paper;
      }),

    removePaper: (caller: Caller, meetingId: string, paperId: string) =>
      editing(caller, meetingId, async (trx, partnershipId) => {
        const paper = await agenda.paper(trx, paperId);
        if (!paper) throw notFound();
        const item = await itemOf(trx, meetingId, paper.agendaItemId);
        await agenda.deletePaper(trx, paperId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'paper',
          entityId: paperId,
          summary: `Removed the paper ${paper.fileName} from item ${item.number}`,
        });
      }),
  };
}

export type AgendaService = ReturnType<typeof agendaService>;
