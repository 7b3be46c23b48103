// What other modules may point at in a partnership's meetings record: decisions, actions,
// agenda items and meetings with the kinds of their bodies (the voice module links what young
// people said to them). Read in the caller's own transaction, so row-level security keeps them to its tenant.
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';
import { meetingsWithBodyKinds, type MeetingWithBodyKinds } from '../meetings/index.ts';

export type { MeetingWithBodyKinds };

export interface OutcomeDecision {
  id: string;
  text: string;
  meetingId: string;
  meetingTitle: string;
  startsAt: Date;
  itemNumber: number;
  exempt: boolean;
}
export interface OutcomeAction {
  id: string;
  text: string;
  status: string;
  dueOn: string | null;
  meetingId: string;
  meetingTitle: string;
  startsAt: Date;
  exempt: boolean;
}
/** An agenda item another module may point at (the item whose minutes record the matter). */
export interface OutcomeItem {
  id: string;
  number: number;
  title: string;
  exempt: boolean;
  meetingId: string;
  meetingTitle: string;
  startsAt: Date;
}

export const meetingOutcomes = {
  decisions: (trx: Trx, ids?: string[]): Promise<OutcomeDecision[]> => {
    if (ids && !ids.length) return Promise.resolve([]);
    let query = trx
      .selectFrom('decisions as d')
      .innerJoin('agenda_items as i', 'i.id', 'd.agenda_item_id')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select([
        'd.id',
        'd.text',
        'm.id as meetingId',
        'm.title as meetingTitle',
        'm.starts_at as startsAt',
        'i.number as itemNumber',
        'i.exempt',
      ])
      .orderBy('m.starts_at', 'desc')
      .orderBy('i.number')
      .orderBy('d.created_at');
    if (ids) query = query.where('d.id', 'in', ids);
    return query.execute();
  },
  actions: (trx: Trx, ids?: string[]): Promise<OutcomeAction[]> => {
    if (ids && !ids.length) return Promise.resolve([]);
    let query = trx
      .selectFrom('actions as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .leftJoin('agenda_items as i', 'i.id', 'a.agenda_item_id')
      .select([
        'a.id',
        'a.text',
        'a.status',
        'a.due_on as dueOn',
        'm.id as meetingId',
        'm.title as meetingTitle',
        'm.starts_at as startsAt',
        sql<boolean>`coalesce(i.exempt, false)`.as('exempt'),
      ])
      .orderBy('m.starts_at', 'desc')
      .orderBy('a.created_at');
    if (ids) query = query.where('a.id', 'in', ids);
    return query.execute();
  },
  /** Agenda items by id, or a meeting's items (the one with a number, if given). */
  items: (
    trx: Trx,
    which: { ids: string[] } | { meetingId: string; number?: number },
  ): Promise<OutcomeItem[]> => {
    if ('ids' in which && !which.ids.length) return Promise.resolve([]);
    let query = trx
      .selectFrom('agenda_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select([
        'i.id',
        'i.number',
        'i.title',
        'i.exempt',
        'm.id as meetingId',
        'm.title as meetingTitle',
        'm.starts_at as startsAt',
      ])
      .orderBy('m.starts_at', 'desc')
      .orderBy('i.number');
    if ('ids' in which) query = query.where('i.id', 'in', which.ids);
    else {
      query = query.where('i.meeting_id', '=', which.meetingId);
      if (which.number !== undefined) query = query.where('i.number', '=', which.number);
    }
    return query.execute();
  },
  /** Meetings with the kinds and names of their bodies: the meetings module's read. */
  meetings: (trx: Trx, ids?: string[]): Promise<MeetingWithBodyKinds[]> => meetingsWithBodyKinds(trx, ids),
};
