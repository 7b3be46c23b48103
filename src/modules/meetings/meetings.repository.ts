import { sql, type RawBuilder } from 'kysely';
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

  userEmail: async (trx: Trx, userId: string) =>
    (await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email,
};

// The reads other modules make of meetings (issue 16 item 3): named, so the repository itself
// stays private to this module.

/** A meeting with its bodies, or undefined. */
export const meetingById = (trx: Trx, id: string): Promise<MeetingRow | undefined> =>
  meetingsRepository.byId(trx, id);

/** Meetings (with their bodies) in date order, narrowed by dates, ids or bodies. */
export const meetingsWhere = (trx: Trx, filter: MeetingFilter = {}): Promise<MeetingRow[]> =>
  meetingsRepository.list(trx, filter);

/** What a meeting's register records (a column of the meeting; the attendance module's words). */
export const registerScopeOf = async (trx: Trx, meetingId: string): Promise<string | null> =>
  (await trx.selectFrom('meetings').select('register_scope').where('id', '=', meetingId).executeTakeFirst())
    ?.register_scope ?? null;

export async function setRegisterScope(trx: Trx, meetingId: string, scope: string | null): Promise<void> {
  await trx.updateTable('meetings').set({ register_scope: scope }).where('id', '=', meetingId).execute();
}

/**
 * Held meetings of these bodies between two instants whose register records everyone and
 * which `hasRegister` (a condition on the meeting's id column, given by the attendance module)
 * holds for, one row a meeting and body, in date order: one statement.
 */
export async function heldMeetingsWithWholeRegister(
  trx: Trx,
  bodyIds: string[],
  from: Date,
  before: Date,
  hasRegister: (meetingIdColumn: string) => RawBuilder<boolean>,
): Promise<{ meetingId: string; startsAt: Date; bodyId: string }[]> {
  if (!bodyIds.length) return [];
  return trx
    .selectFrom('meetings as m')
    .innerJoin('meeting_bodies as mb', 'mb.meeting_id', 'm.id')
    .select(['m.id as meetingId', 'm.starts_at as startsAt', 'mb.body_id as bodyId'])
    .where('mb.body_id', 'in', bodyIds)
    .where('m.state', '=', 'held')
    .where('m.starts_at', '>=', from)
    .where('m.starts_at', '<', before)
    .where('m.register_scope', '=', 'all')
    .where(hasRegister('m.id'))
    .orderBy('m.starts_at')
    .execute();
}

/** The first of the meeting's bodies (in the structure's order) with a code for action numbers. */
export const actionNumberingBody = (trx: Trx, meetingId: string) =>
  trx
    .selectFrom('meeting_bodies as mb')
    .innerJoin('bodies as b', 'b.id', 'mb.body_id')
    .select(['b.id', 'b.action_code as code'])
    .where('mb.meeting_id', '=', meetingId)
    .where('b.action_code', 'is not', null)
    .orderBy('b.position')
    .orderBy('b.name')
    .executeTakeFirst();

/** The amendment the minutes of a meeting were approved with, if approved as amended. */
export const minutesAmendmentOf = async (trx: Trx, meetingId: string): Promise<string | null> =>
  (
    await trx
      .selectFrom('meetings')
      .select('minutes_amendment')
      .where('id', '=', meetingId)
      .executeTakeFirst()
  )?.minutes_amendment ?? null;

export async function setMinutesAmendment(
  trx: Trx,
  meetingId: string,
  amendment: string | null,
): Promise<void> {
  await trx
    .updateTable('meetings')
    .set({ minutes_amendment: amendment })
    .where('id', '=', meetingId)
    .execute();
}

/** A meeting with the kinds and names of its bodies. */
export interface MeetingWithBodyKinds {
  id: string;
  title: string;
  startsAt: Date;
  state: string;
  bodyKinds: string[];
  bodyNames: string[];
}

/** Meetings (all, or these) with the kinds and names of their bodies, latest first; for links from other modules. */
export function meetingsWithBodyKinds(trx: Trx, ids?: string[]): Promise<MeetingWithBodyKinds[]> {
  if (ids && !ids.length) return Promise.resolve([]);
  let query = trx
    .selectFrom('meetings as m')
    .select([
      'm.id',
      'm.title',
      'm.starts_at as startsAt',
      'm.state',
      sql<
        string[]
      >`coalesce((select array_agg(b.kind order by b.name) from meeting_bodies mb join bodies b on b.id = mb.body_id where mb.meeting_id = m.id), '{}')`.as(
        'bodyKinds',
      ),
      sql<
        string[]
      >`coalesce((select array_agg(b.name order by b.name) from meeting_bodies mb join bodies b on b.id = mb.body_id where mb.meeting_id = m.id), '{}')`.as(
        'bodyNames',
      ),
    ])
    .orderBy('m.starts_at', 'desc');
  if (ids) query = query.where('m.id', 'in', ids);
  return query.execute();
}
