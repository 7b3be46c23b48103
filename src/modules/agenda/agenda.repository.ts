import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';

export interface PaperRow {
  id: string;
  agendaItemId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export interface AgendaItemRow {
  id: string;
  meetingId: string;
  number: number;
  title: string;
  purpose: string;
  presenter: string | null;
  /** Its start time in England ('14:30'), if the agenda gives one. */
  startTime: string | null;
  exempt: boolean;
  exemptParagraph: number | null;
  exemptReason: string | null;
  /** Whether a committee report has been written for the item. */
  hasReport: boolean;
  papers: PaperRow[];
}

export interface AgendaItemValues {
  number: number;
  title: string;
  purpose: string;
  presenter: string | null;
  /** Left out: unchanged (on a change) or none. */
  startTime?: string | null | undefined;
  exempt: boolean;
  exemptParagraph: number | null;
  exemptReason: string | null;
}

const paperColumns = [
  'p.id',
  'p.agenda_item_id as agendaItemId',
  'p.file_name as fileName',
  'p.media_type as mediaType',
  'p.size_bytes as sizeBytes',
] as const;

export const agendaRepository = {
  /** Items of some meetings in number order, each with its papers (without their bytes). */
  list(trx: Trx, meetingIds: string[]): Promise<AgendaItemRow[]> {
    if (!meetingIds.length) return Promise.resolve([]);
    return listItems(trx, meetingIds);
  },

  async byId(trx: Trx, id: string): Promise<AgendaItemRow | undefined> {
    const meeting = await trx
      .selectFrom('agenda_items')
      .select('meeting_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!meeting) return undefined;
    return (await agendaRepository.list(trx, [meeting.meeting_id])).find((item) => item.id === id);
  },

  async insert(
    trx: Trx,
    partnershipId: string,
    meetingId: string,
    values: AgendaItemValues,
  ): Promise<string> {
    const row = await trx
      .insertInto('agenda_items')
      .values({
        partnership_id: partnershipId,
        meeting_id: meetingId,
        number: values.number,
        title: values.title,
        purpose: values.purpose,
        presenter: values.presenter,
        starts_at_time: values.startTime ?? null,
        exempt: values.exempt,
        exempt_paragraph: values.exemptParagraph,
        exempt_reason: values.exemptReason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(trx: Trx, id: string, values: AgendaItemValues): Promise<void> {
    await trx
      .updateTable('agenda_items')
      .set({
        number: values.number,
        title: values.title,
        purpose: values.purpose,
        presenter: values.presenter,
        ...(values.startTime !== undefined ? { starts_at_time: values.startTime } : {}),
        exempt: values.exempt,
        exempt_paragraph: values.exemptParagraph,
        exempt_reason: values.exemptReason,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  async delete(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('agenda_items').where('id', '=', id).execute();
  },

  async addPaper(
    trx: Trx,
    partnershipId: string,
    itemId: string,
    paper: { fileName: string; mediaType: string; content: Buffer },
  ): Promise<string> {
    const row = await trx
      .insertInto('papers')
      .values({
        partnership_id: partnershipId,
        agenda_item_id: itemId,
        file_name: paper.fileName,
        media_type: paper.mediaType,
        size_bytes: paper.content.length,
        content: paper.content,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  paper: (trx: Trx, id: string) =>
    trx
      .selectFrom('papers as p')
      .select([...paperColumns, 'p.content'])
      .where('p.id', '=', id)
      .executeTakeFirst(),

  async deletePaper(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('papers').where('id', '=', id).execute();
  },
};

async function listItems(trx: Trx, meetingIds: string[]): Promise<AgendaItemRow[]> {
  const items = await trx
    .selectFrom('agenda_items')
    .select([
      'id',
      'meeting_id as meetingId',
      'number',
      'title',
      'purpose',
      'presenter',
      'starts_at_time as startTime',
      'exempt',
      'exempt_paragraph as exemptParagraph',
      'exempt_reason as exemptReason',
      // whether the item has a committee report (documents' table, read in this statement)
      sql<boolean>`exists (select 1 from committee_reports r where r.agenda_item_id = agenda_items.id)`.as(
        'hasReport',
      ),
    ])
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id')
    .orderBy('number')
    .execute();
  if (!items.length) return [];
  const papers = await trx
    .selectFrom('papers as p')
    .select(paperColumns)
    .where(
      'p.agenda_item_id',
      'in',
      items.map((item) => item.id),
    )
    .orderBy('p.created_at')
    .execute();
  return items.map((item) => ({
    ...item,
    hasReport: Boolean(item.hasReport),
    papers: papers.filter((paper) => paper.agendaItemId === item.id),
  }));
}

// The reads and the one write other modules make of the agenda (issue 16 item 3): named, so
// the repository itself stays private to this module.

/** Items of some meetings in number order, each with its papers (without their bytes). */
export const agendaItemsOf = (trx: Trx, meetingIds: string[]): Promise<AgendaItemRow[]> =>
  agendaRepository.list(trx, meetingIds);

/** One item with its papers, or undefined. */
export const agendaItemById = (trx: Trx, id: string): Promise<AgendaItemRow | undefined> =>
  agendaRepository.byId(trx, id);

/** One paper with its bytes, or undefined. */
export const agendaPaper = (trx: Trx, id: string) => agendaRepository.paper(trx, id);

/** Adds an item to a meeting (a new meeting's standing items); its id. */
export const addAgendaItem = (trx: Trx, partnershipId: string, meetingId: string, values: AgendaItemValues) =>
  agendaRepository.insert(trx, partnershipId, meetingId, values);

/**
 * The meeting of the agenda item in `itemIdColumn`: a column for another module's query over
 * its own rows that point at items (a consultation's), so it stays one statement.
 */
export const meetingOfItem = (itemIdColumn: string) =>
  sql<string>`(select ai.meeting_id from agenda_items ai where ai.id = ${sql.ref(itemIdColumn)})`;

/** A meeting's items in number order, without their papers (for guests who came for one). */
export const itemHeadingsOf = (trx: Trx, meetingId: string) =>
  trx
    .selectFrom('agenda_items')
    .select(['id', 'number', 'title', 'exempt'])
    .where('meeting_id', '=', meetingId)
    .orderBy('number')
    .execute();

/** Those of these items that are exempt (Schedule 12A). */
export const exemptItemsAmong = async (trx: Trx, itemIds: string[]): Promise<string[]> =>
  itemIds.length
    ? (
        await trx
          .selectFrom('agenda_items')
          .select('id')
          .where('id', 'in', itemIds)
          .where('exempt', '=', true)
          .execute()
      ).map((row) => row.id)
    : [];

/** The ids of a meeting's items: a subquery for another module's query over rows on items. */
export const itemIdsOfMeeting = (meetingId: string) =>
  sql<string>`(select ai.id from agenda_items ai where ai.meeting_id = ${meetingId})`;

/** The number of the agenda item in `itemIdColumn`: a column (or an order) for another module's query. */
export const itemNumberOf = (itemIdColumn: string) =>
  sql<number>`(select ai.number from agenda_items ai where ai.id = ${sql.ref(itemIdColumn)})`;
