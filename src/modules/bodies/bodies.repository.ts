import type { Trx } from '../../schema.ts';
import { versionColumn } from '../../platform/db/row-version.ts';
import type { CadenceRule, QuorumRule } from './bodies.tables.ts';
import type { Relationship, StatusEvent } from './structure.ts';
import type { DatePrecision as Precision } from '../../platform/dates.ts';

/** What a relationship carries besides the structure's fields: notes and its dates' precision. */
export interface RelationshipDetail {
  notes: string | null;
  startsPrecision: Precision;
  endsPrecision: Precision;
}
import type { BodyStatus, RelationshipKind } from './bodies.vocabulary.ts';
import type { BodyRuleKind, DatedRule } from './rules.ts';

export interface BodyRow {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  kind: string;
  purpose: string | null;
  takesDecisions: boolean;
  focusType: string | null;
  focus: string | null;
  area: string | null;
  /** The first day its start can mean (the first of the month or year when known only so far). */
  startsOn: string | null;
  /** The last day its end can mean. */
  endsOn: string | null;
  /** How precisely the start and end are known: 'day', 'month' or 'year' (migration 0064). */
  startsPrecision: Precision;
  endsPrecision: Precision;
  membershipCap: number | null;
  /** Attendance (per cent of held meetings) below which a held seat is flagged in compliance. */
  attendanceThreshold: number;
  quorumRule: QuorumRule | null;
  cadenceRules: CadenceRule[] | null;
  notes: string | null;
  leadOfficerId: string | null;
  /** The code its actions are numbered with ("CTB"). */
  actionCode: string | null;
  position: number;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
}

export interface BodyValues {
  slug: string;
  name: string;
  shortName?: string | null | undefined;
  kind: string;
  purpose?: string | null | undefined;
  takesDecisions: boolean;
  focusType?: string | null | undefined;
  focus?: string | null | undefined;
  area?: string | null | undefined;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  startsPrecision?: Precision | undefined;
  endsPrecision?: Precision | undefined;
  membershipCap?: number | null | undefined;
  attendanceThreshold?: number | undefined;
  quorumRule?: QuorumRule | null | undefined;
  cadenceRules?: CadenceRule[] | null | undefined;
  notes?: string | null | undefined;
  leadOfficerId?: string | null | undefined;
  actionCode?: string | null | undefined;
}

const bodyColumns = [
  'id',
  'slug',
  'name',
  'short_name as shortName',
  'kind',
  'purpose',
  'takes_decisions as takesDecisions',
  'focus_type as focusType',
  'focus',
  'area',
  'starts_on as startsOn',
  'ends_on as endsOn',
  'starts_precision as startsPrecision',
  'ends_precision as endsPrecision',
  'membership_cap as membershipCap',
  'attendance_threshold as attendanceThreshold',
  'quorum_rule as quorumRule',
  'cadence_rules as cadenceRules',
  'notes',
  'lead_officer_person_id as leadOfficerId',
  'action_code as actionCode',
  'position',
  versionColumn(),
] as const;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

const columns = (partnershipId: string, values: BodyValues) => ({
  partnership_id: partnershipId,
  slug: values.slug,
  name: values.name,
  short_name: values.shortName ?? null,
  kind: values.kind,
  purpose: values.purpose ?? null,
  takes_decisions: values.takesDecisions,
  focus_type: values.focusType ?? null,
  focus: values.focus ?? null,
  area: values.area ?? null,
  starts_on: values.startsOn ?? null,
  ends_on: values.endsOn ?? null,
  starts_precision: values.startsPrecision ?? 'day',
  ends_precision: values.endsPrecision ?? 'day',
  membership_cap: values.membershipCap ?? null,
  attendance_threshold: values.attendanceThreshold ?? 50,
  quorum_rule: json(values.quorumRule),
  cadence_rules: json(values.cadenceRules),
  notes: values.notes ?? null,
  lead_officer_person_id: values.leadOfficerId ?? null,
  action_code: values.actionCode ?? null,
});

export interface TermsRow {
  id: string;
  version: number;
  adoptedOn: string;
  precision: string;
  adoptedBy: string | null;
  title: string;
  text: string;
}

export const bodiesRepository = {
  list: (trx: Trx): Promise<BodyRow[]> =>
    trx.selectFrom('bodies').select(bodyColumns).orderBy('position').orderBy('name').execute() as Promise<
      BodyRow[]
    >,

  bySlug: (trx: Trx, slug: string): Promise<BodyRow | undefined> =>
    trx.selectFrom('bodies').select(bodyColumns).where('slug', '=', slug).executeTakeFirst() as Promise<
      BodyRow | undefined
    >,

  byId: (trx: Trx, id: string): Promise<BodyRow | undefined> =>
    trx.selectFrom('bodies').select(bodyColumns).where('id', '=', id).executeTakeFirst() as Promise<
      BodyRow | undefined
    >,

  async slugTaken(trx: Trx, slug: string, exceptId?: string): Promise<boolean> {
    let query = trx.selectFrom('bodies').select('id').where('slug', '=', slug);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return Boolean(await query.executeTakeFirst());
  },

  async insert(trx: Trx, partnershipId: string, values: BodyValues): Promise<string> {
    const next = await trx
      .selectFrom('bodies')
      .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('bodies')
      .values({ ...columns(partnershipId, values), position: Number(next.last) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(trx: Trx, partnershipId: string, id: string, values: BodyValues): Promise<void> {
    await trx
      .updateTable('bodies')
      .set({ ...columns(partnershipId, values), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** The dated rules of these bodies (all bodies when none are named), oldest first. */
  async rules(trx: Trx, bodyIds?: string[]): Promise<(DatedRule & { id: string })[]> {
    if (bodyIds && !bodyIds.length) return [];
    let query = trx
      .selectFrom('body_rules')
      .select(['id', 'body_id as bodyId', 'rule', 'holds_from as holdsFrom', 'precision', 'value'])
      .orderBy('holds_from', (ob) => ob.asc().nullsFirst())
      .orderBy('rule');
    if (bodyIds) query = query.where('body_id', 'in', bodyIds);
    return (await query.execute()) as (DatedRule & { id: string })[];
  },

  /** A rule from a date (null: from the start), replacing the row of the same rule and date. */
  async putRule(
    trx: Trx,
    partnershipId: string,
    bodyId: string,
    rule: { rule: BodyRuleKind; holdsFrom: string | null; precision: string; value: unknown },
  ): Promise<void> {
    let old = trx.deleteFrom('body_rules').where('body_id', '=', bodyId).where('rule', '=', rule.rule);
    old =
      rule.holdsFrom === null
        ? old.where('holds_from', 'is', null)
        : old.where('holds_from', '=', rule.holdsFrom);
    await old.execute();
    await trx
      .insertInto('body_rules')
      .values({
        partnership_id: partnershipId,
        body_id: bodyId,
        rule: rule.rule,
        holds_from: rule.holdsFrom,
        precision: rule.precision,
        value: json(rule.value),
      })
      .execute();
  },

  /** Corrects the value of one dated rule (the row keeps its date). */
  async correctRule(trx: Trx, id: string, value: unknown): Promise<void> {
    await trx
      .updateTable('body_rules')
      .set({ value: json(value) })
      .where('id', '=', id)
      .execute();
  },

  /** The latest rules kept on the body's own row, for readers that want only those. */
  async keepLatest(
    trx: Trx,
    id: string,
    rules: { quorum: unknown; cadence: unknown; membershipCap: number | null },
  ): Promise<void> {
    await trx
      .updateTable('bodies')
      .set({
        quorum_rule: json(rules.quorum),
        cadence_rules: json(rules.cadence),
        membership_cap: rules.membershipCap,
      })
      .where('id', '=', id)
      .execute();
  },

  /** The standing items of these bodies, in order. */
  standingItems: (trx: Trx, bodyIds: string[]) =>
    bodyIds.length
      ? trx
          .selectFrom('standing_items')
          .select(['body_id as bodyId', 'position', 'title'])
          .where('body_id', 'in', bodyIds)
          .orderBy('position')
          .execute()
      : Promise.resolve([]),

  async replaceStandingItems(trx: Trx, partnershipId: string, bodyId: string, titles: string[]) {
    await trx.deleteFrom('standing_items').where('body_id', '=', bodyId).execute();
    if (!titles.length) return;
    await trx
      .insertInto('standing_items')
      .values(
        titles.map((title, index) => ({
          partnership_id: partnershipId,
          body_id: bodyId,
          position: index + 1,
          title,
        })),
      )
      .execute();
  },

  async rename(trx: Trx, id: string, name: string): Promise<void> {
    await trx.updateTable('bodies').set({ name, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async events(trx: Trx, bodyId?: string): Promise<(StatusEvent & { id: string })[]> {
    let query = trx
      .selectFrom('body_status_events')
      .select([
        'id',
        'body_id as bodyId',
        'status',
        'effective_on as effectiveOn',
        'precision',
        'previous_name as previousName',
        'new_name as newName',
        'related_body_id as relatedBodyId',
        'detail',
      ])
      .orderBy('effective_on')
      .orderBy('created_at');
    if (bodyId) query = query.where('body_id', '=', bodyId);
    return (await query.execute()) as (StatusEvent & { id: string })[];
  },

  async insertEvent(trx: Trx, partnershipId: string, event: StatusEvent): Promise<void> {
    await trx
      .insertInto('body_status_events')
      .values({
        partnership_id: partnershipId,
        body_id: event.bodyId,
        status: event.status satisfies BodyStatus,
        effective_on: event.effectiveOn,
        precision: event.precision,
        previous_name: event.previousName,
        new_name: event.newName,
        related_body_id: event.relatedBodyId,
        detail: event.detail,
      })
      .execute();
  },

  async relationships(trx: Trx): Promise<(Relationship & RelationshipDetail)[]> {
    return (await trx
      .selectFrom('body_relationships')
      .select([
        'id',
        'from_body_id as fromBodyId',
        'to_body_id as toBodyId',
        'kind',
        'starts_on as startsOn',
        'ends_on as endsOn',
        'starts_precision as startsPrecision',
        'ends_precision as endsPrecision',
        'notes',
      ])
      .orderBy('created_at')
      .execute()) as (Relationship & RelationshipDetail)[];
  },

  async insertRelationship(
    trx: Trx,
    partnershipId: string,
    values: {
      fromBodyId: string;
      toBodyId: string;
      kind: RelationshipKind;
      startsOn: string | null;
      endsOn: string | null;
      startsPrecision?: Precision;
      endsPrecision?: Precision;
      notes: string | null;
    },
  ): Promise<string> {
    const row = await trx
      .insertInto('body_relationships')
      .values({
        partnership_id: partnershipId,
        from_body_id: values.fromBodyId,
        to_body_id: values.toBodyId,
        kind: values.kind,
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        starts_precision: values.startsPrecision ?? 'day',
        ends_precision: values.endsPrecision ?? 'day',
        notes: values.notes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async deleteRelationship(trx: Trx, id: string): Promise<boolean> {
    const result = await trx.deleteFrom('body_relationships').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  terms: (trx: Trx, bodyId: string): Promise<TermsRow[]> =>
    trx
      .selectFrom('terms_of_reference')
      .select([
        'id',
        'version',
        'adopted_on as adoptedOn',
        'precision',
        'adopted_by as adoptedBy',
        'title',
        'text',
      ])
      .where('body_id', '=', bodyId)
      .orderBy('version')
      .execute(),

  async insertTerms(
    trx: Trx,
    partnershipId: string,
    bodyId: string,
    values: { adoptedOn: string; precision: string; adoptedBy: string | null; title: string; text: string },
  ): Promise<number> {
    const last = await trx
      .selectFrom('terms_of_reference')
      .select((eb) => eb.fn.coalesce(eb.fn.max('version'), eb.lit(0)).as('version'))
      .where('body_id', '=', bodyId)
      .executeTakeFirstOrThrow();
    const version = Number(last.version) + 1;
    await trx
      .insertInto('terms_of_reference')
      .values({
        partnership_id: partnershipId,
        body_id: bodyId,
        version,
        adopted_on: values.adoptedOn,
        precision: values.precision,
        adopted_by: values.adoptedBy,
        title: values.title,
        text: values.text,
      })
      .execute();
    return version;
  },
};
