// Searching a partnership's meetings and papers by words, dates and body: all its SQL. Words
// match through PostgreSQL's full text search (English stemming: "plans" finds "plan") or, for
// parts of words, codes and common words the stemmer drops, as a phrase anywhere in the text
// (ILIKE). PGlite is PostgreSQL 17, so both engines run the same SQL. What is searched: the
// meeting's title; each item's title, papers (by file name) and committee report; its
// decisions and minutes. Exempt items are left out for a caller without the right, as
// `entryFor` leaves them out of the agenda.
import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../schema.ts';

export type SearchHitKind = 'meeting' | 'item' | 'paper' | 'report' | 'decision' | 'minutes';

export interface SearchCriteria {
  /** The words asked for, as typed; nothing to match every meeting in the dates and body. */
  words?: string | undefined;
  /** Instants: meetings starting at or after `from` and before `to`. */
  from?: Date | undefined;
  to?: Date | undefined;
  bodyId?: string | undefined;
  /** The caller may see exempt items (and their papers, reports, decisions and minutes). */
  withExempt: boolean;
  /** Decisions and minutes only of meetings whose minutes (of the items searched) are all approved. */
  approvedRecordsOnly: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  meetingId: string;
  kind: SearchHitKind;
  id: string;
  itemId: string | null;
  text: string;
}

export interface SearchPage {
  /** Meetings found in all (each meeting counts once, however many of its parts match). */
  total: number;
  /** This page's meetings, latest first. */
  meetingIds: string[];
  /** What matched in this page's meetings, in agenda order. */
  hits: SearchHit[];
}

/** A phrase for ILIKE, its wildcards taken literally. */
const patternOf = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const matching = (text: RawBuilder<unknown>) =>
  sql`(to_tsvector('english', ${text}) @@ query.words or ${text} ilike query.pattern)`;

function hitsOf(criteria: SearchCriteria, within?: string[]): RawBuilder<unknown> {
  const visible = (alias: string) =>
    criteria.withExempt ? sql`true` : sql`not ${sql.ref(`${alias}.exempt`)}`;
  const meetings = within ? sql`= any(${within}::uuid[])` : sql`is not null`;
  const approved = criteria.approvedRecordsOnly
    ? sql`and exists (select 1 from minutes mn join agenda_items ai on ai.id = mn.agenda_item_id
                        where ai.meeting_id = i.meeting_id and ${visible('ai')})
          and not exists (select 1 from minutes mn join agenda_items ai on ai.id = mn.agenda_item_id
                            where ai.meeting_id = i.meeting_id and ${visible('ai')} and mn.status <> 'approved')`
    : sql``;
  const words = criteria.words ?? '';
  return sql`
    query as (select websearch_to_tsquery('english', ${words}) as words, ${patternOf(words)}::text as pattern),
    hits as (
      select m.id as meeting_id, 'meeting' as kind, m.id, null::uuid as item_id, m.title as text, 0 as number
        from meetings m cross join query
       where m.id ${meetings} and ${matching(sql`m.title`)}
      union all
      select i.meeting_id, 'item', i.id, i.id, i.title, i.number
        from agenda_items i cross join query
       where i.meeting_id ${meetings} and ${visible('i')} and ${matching(sql`i.title`)}
      union all
      select i.meeting_id, 'paper', p.id, i.id, p.file_name, i.number
        from papers p join agenda_items i on i.id = p.agenda_item_id cross join query
       where i.meeting_id ${meetings} and ${visible('i')}
         and ${matching(sql`regexp_replace(p.file_name, '[-_.]+', ' ', 'g')`)}
      union all
      select i.meeting_id, 'report', r.id, i.id, r.title, i.number
        from committee_reports r join agenda_items i on i.id = r.agenda_item_id cross join query
       where i.meeting_id ${meetings} and ${visible('i')}
         and ${matching(
           sql`concat_ws(' ', r.title, r.purpose, r.summary, r.background, array_to_string(r.recommendations, ' '), r.decision)`,
         )}
      union all
      select i.meeting_id, 'decision', d.id, i.id, d.text, i.number
        from decisions d join agenda_items i on i.id = d.agenda_item_id cross join query
       where i.meeting_id ${meetings} and ${visible('i')} and ${matching(sql`d.text`)} ${approved}
      union all
      select i.meeting_id, 'minutes', mn.id, i.id, mn.text, i.number
        from minutes mn join agenda_items i on i.id = mn.agenda_item_id cross join query
       where i.meeting_id ${meetings} and ${visible('i')} and ${matching(sql`mn.text`)} ${approved}
    )`;
}

const kindOrder = sql`case kind when 'meeting' then 0 when 'item' then 1 when 'paper' then 2
  when 'report' then 3 when 'decision' then 4 else 5 end`;

export const searchRepository = {
  /** One page of the meetings that match, latest first, with what matched in each. */
  async search(trx: Trx, criteria: SearchCriteria): Promise<SearchPage> {
    const words = criteria.words?.trim();
    const conditions = [
      ...(words ? [sql`m.id in (select meeting_id from hits)`] : []),
      ...(criteria.from ? [sql`m.starts_at >= ${criteria.from}`] : []),
      ...(criteria.to ? [sql`m.starts_at < ${criteria.to}`] : []),
      ...(criteria.bodyId
        ? [
            sql`exists (select 1 from meeting_bodies mb where mb.meeting_id = m.id and mb.body_id = ${criteria.bodyId})`,
          ]
        : []),
    ];
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const found = sql`with ${words ? sql`${hitsOf({ ...criteria, words })},` : sql``}
      found as (select m.id, m.starts_at, m.title from meetings m ${where})`;
    const { rows } = await sql<{ id: string; total: number }>`
      ${found}
      select id, (select count(*) from found)::int as total
        from found
       order by starts_at desc, title, id
       limit ${criteria.limit} offset ${criteria.offset}`.execute(trx);
    const meetingIds = rows.map((row) => row.id);
    // a page past the last has no rows to carry the count
    const total =
      rows[0]?.total ??
      (criteria.offset > 0
        ? (await sql<{ total: number }>`${found} select count(*)::int as total from found`.execute(trx))
            .rows[0]!.total
        : 0);
    if (!words || !meetingIds.length) return { total, meetingIds, hits: [] };
    const hits = await sql<SearchHit>`
      with ${hitsOf({ ...criteria, words }, meetingIds)}
      select meeting_id as "meetingId", kind, id, item_id as "itemId", text
        from hits
       order by number, ${kindOrder}, text`.execute(trx);
    return { total, meetingIds, hits: hits.rows };
  },
};
