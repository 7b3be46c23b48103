import type { Trx } from '../../schema.ts';
import { versionColumn } from '../../platform/db/row-version.ts';
import type { CadenceRule } from '../bodies/index.ts';

export interface MeetingBody {
  id: string;
  name: string;
  slug: string;
}

export interface MeetingRow {
  id: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date | null;
  /** False when the minutes give no start time (kept at midnight; migration 0057); known if absent. */
  startTimeKnown?: boolean;
  place: string | null;
  onlineUrl: string | null;
  state: string;
  notes: string | null;
  /** How many times what a calendar shows of it has changed (iCalendar SEQUENCE). */
  sequence: number;
  updatedAt: Date;
  /** The row's version, which an edit form carries (ADR 0044); read with the row. */
  version?: string;
  bodies: MeetingBody[];
}

export interface MeetingValues {
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date | null;
  startTimeKnown: boolean;
  place: string | null;
  onlineUrl: string | null;
  state: string;
  notes: string | null;
}

export interface MeetingFilter {
  /** Instants: meetings starting at or after `from` and before `to`. */
  from?: Date | undefined;
  to?: Date | undefined;
  bodyId?: string | undefined;
  bodyIds?: string[] | undefined;
  ids?: string[] | undefined;
}

const columns = [
  'm.id',
  'm.title',
  'm.kind',
  'm.starts_at as startsAt',
  'm.ends_at as endsAt',
  'm.start_time_known as startTimeKnown',
  'm.place',
  'm.online_url as onlineUrl',
  'm.state',
  'm.notes',
  'm.sequence',
  'm.updated_at as updatedAt',
  versionColumn('m'),
] as const;

async function withBodies(trx: Trx, rows: Omit<MeetingRow, 'bodies'>[]): Promise<MeetingRow[]> {
  if (!rows.length) return [];
  const links = await trx
    .selectFrom('meeting_bodies as mb')
    .innerJoin('bodies as b', 'b.id', 'mb.body_id')
    .select(['mb.meeting_id as meetingId', 'b.id', 'b.name', 'b.slug'])
    .where(
      'mb.meeting_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('b.position')
    .orderBy('b.name')
    .execute();
  return rows.map((row) => ({
    ...row,
    bodies: links
      .filter((link) => link.meetingId === row.id)
      .map(({ id, name, slug }) => ({ id, name, slug })),
  }));
}

export const meetingsRepository = {
  async list(trx: Trx, filter: MeetingFilter = {}): Promise<MeetingRow[]> {
    let query = trx.selectFrom('meetings as m').select(columns).orderBy('m.starts_at').orderBy('m.title');
    if (filter.from) query = query.where('m.starts_at', '>=', filter.from);
    if (filter.to) query = query.where('m.starts_at', '<', filter.to);
    if (filter.ids) {
      if (!filter.ids.length) return [];
      query = query.where('m.id', 'in', filter.ids);
    }
    const bodyIds = [...(filter.bodyIds ?? []), ...(filter.bodyId ? [filter.bodyId] : [])];
    if (filter.bodyIds && !bodyIds.length) return [];
    if (bodyIds.length)
      query = query.where('m.id', 'in', (eb) =>
        eb.selectFrom('meeting_bodies').select('meeting_id').where('body_id', 'in', bodyIds),
      );
    return withBodies(trx, await query.execute());
  },

  /** A meeting with its bodies. */
  async byId(trx: Trx, id: string): Promise<MeetingRow | undefined> {
    const row = await trx
      .selectFrom('meetings as m')
      .select(columns)
      .where('m.id', '=', id)
      .executeTakeFirst();
    return row ? (await withBodies(trx, [row]))[0] : undefined;
  },

  async insert(trx: Trx, partnershipId: string, values: MeetingValues, bodyIds: string[]): Promise<string> {
    const row = await trx
      .insertInto('meetings')
      .values({
        partnership_id: partnershipId,
        title: values.title,
        kind: values.kind,
        starts_at: values.startsAt,
        ends_at: values.endsAt,
        start_time_known: values.startTimeKnown,
        place: values.place,
        online_url: values.onlineUrl,
        state: values.state,
        notes: values.notes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('meeting_bodies')
      .values(
        bodyIds.map((bodyId) => ({ partnership_id: partnershipId, meeting_id: row.id, body_id: bodyId })),
      )
      .execute();
    return row.id;
  },

  async update(
    trx: Trx,
    partnershipId: string,
    id: string,
    values: MeetingValues,
    bodyIds: string[],
  ): Promise<void> {
    await trx
      .updateTable('meetings')
      .set({
        title: values.title,
        kind: values.kind,
        starts_at: values.startsAt,
        ends_at: values.endsAt,
        start_time_known: values.startTimeKnown,
        place: values.place,
        online_url: values.onlineUrl,
        state: values.state,
        notes: values.notes,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('meeting_bodies').where('meeting_id', '=', id).execute();
    await trx
      .insertInto('meeting_bodies')
      .values(bodyIds.map((bodyId) => ({ partnership_id: partnershipId, meeting_id: id, body_id: bodyId })))
      .execute();
  },

  /** The partnership's bodies a meeting can belong to, with their cadence rules. */
  bodies: (trx: Trx) =>
    trx
      .selectFrom('bodies')
      .select(['id', 'name', 'slug', 'kind', 'cadence_rules as cadenceRules'])
      .orderBy('position')
      .orderBy('name')
      .execute() as Promise<
      { id: string; name: string; slug: string; kind: string; cadenceRules: CadenceRule[] | null }[]
    >,

  /** The bodies where a person holds a seat, or is a named substitute, at some time; with the periods. */
  async seatsOfPeopleWithEmail(trx: Trx, email: string) {
    return trx
      .selectFrom('memberships as m')
      .innerJoin('seats as s', 's.id', 'm.seat_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .leftJoin('membership_substitutes as ms', 'ms.membership_id', 'm.id')
      .leftJoin('people as sp', 'sp.id', 'ms.person_id')
      .select(['s.body_id as bodyId', 'm.starts_on as startsOn', 'm.ends_on as endsOn'])
      .where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['p.email']), '=', email.toLowerCase()),
          eb(eb.fn('lower', ['sp.email']), '=', email.toLowerCase()),
        ]),
      )
      .execute();
  },

  userEmail: async (trx: Trx, userId: string) =>
    (await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email,
};
