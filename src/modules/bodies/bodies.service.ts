// Bodies and how they hang together: create and change them, record their history, relate
// them (never round a loop), keep their terms of reference, and show the structure as it
// was on any date.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { lockVersion } from '../../platform/db/row-version.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { datedAt, today } from '../../platform/http/date-input.ts';
import { firstDayOf, lastDayOf, precisionOf } from '../../platform/dates.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { bodiesRepository as repository, type BodyRow, type BodyValues } from './bodies.repository.ts';
import { changesBetween, loopThrough, statusAt, structureAt } from './structure.ts';
import {
  bodyRuleKinds,
  changedRules,
  describeRule,
  latestRow,
  latestRules,
  normalRule,
  type BodyRuleKind,
  type BodyRules,
  type ChairingRule,
  type DatedRule,
} from './rules.ts';
import {
  endingStatuses,
  relationshipKinds,
  type BodyStatus,
  type RelationshipKind,
} from './bodies.vocabulary.ts';

/** The rules' dates and the body's settings the form gives beside its record (ADR 0040). */
export interface RulesChange {
  /** From when changed rules hold ('2010', '2010-04' or '2010-04-01')… */
  rulesFrom?: string | undefined;
  /** …or the change corrects the latest rule of each kind (its date kept). */
  rulesCorrection?: boolean | undefined;
  chairingRule?: ChairingRule | null | undefined;
  /** Items carried to every new meeting of the body, in order. */
  standingItems?: string[] | undefined;
}

/** The dated rules of these bodies, inside a transaction the caller holds (for other modules). */
export const bodyRulesWithin = (trx: Trx, bodyIds: string[]): Promise<DatedRule[]> =>
  repository.rules(trx, bodyIds);

/** The standing items of these bodies, in order (carried to every new meeting). */
export const standingItemsWithin = (trx: Trx, bodyIds: string[]) => repository.standingItems(trx, bodyIds);

const proposedRules = (input: BodyValues & RulesChange): BodyRules => ({
  quorum: input.quorumRule ?? null,
  cadence: input.cadenceRules ?? null,
  'membership-cap': input.membershipCap ?? null,
  chairing: input.chairingRule ?? null,
});

/**
 * Writes the rules the form changed: from the date given (a row of that rule and date is
 * replaced), or as a correction of each rule's latest row; then keeps the latest on the body.
 */
async function writeRules(
  trx: Trx,
  partnershipId: string,
  body: { id: string; name: string },
  input: BodyValues & RulesChange,
  isNew: boolean,
): Promise<{ rule: BodyRuleKind; holdsFrom: string | null; value: unknown }[]> {
  const history = isNew ? [] : await repository.rules(trx, [body.id]);
  const proposed = proposedRules(input);
  const changed = changedRules(latestRules(history, body.id), proposed);
  // a rule recorded for the first time holds from the start unless a date is given; a change
  // of a rule already recorded asks from when (or is a correction)
  const replacing = changed.filter((rule) => latestRow(history, body.id, rule));
  if (!isNew && replacing.length && !input.rulesFrom && !input.rulesCorrection)
    throw new RuleViolation([
      {
        path: 'rulesFrom',
        message: `Enter the date from which the changed ${replacing.length === 1 ? 'rule holds' : 'rules hold'} (${replacing.map((rule) => bodyRuleKinds[rule].toLowerCase()).join(', ')}), or choose to correct the record`,
      },
    ]);
  if (input.rulesFrom && input.rulesCorrection)
    throw new RuleViolation([
      { path: 'rulesFrom', message: 'Enter a date, or select to correct the record: not both' },
    ]);
  const written: { rule: BodyRuleKind; holdsFrom: string | null; value: unknown }[] = [];
  for (const rule of changed) {
    const value = normalRule(rule, proposed[rule]);
    const latest = latestRow(history, body.id, rule) as (DatedRule & { id: string }) | undefined;
    if (isNew || (!latest && !input.rulesFrom)) {
      if (value === null) continue;
      await repository.putRule(trx, partnershipId, body.id, {
        rule,
        holdsFrom: null,
        precision: 'day',
        value,
      });
      written.push({ rule, holdsFrom: null, value });
    } else if (input.rulesCorrection) {
      await repository.correctRule(trx, latest!.id, value);
      written.push({ rule, holdsFrom: latest!.holdsFrom, value });
    } else {
      const { date, precision } = datedAt(input.rulesFrom!);
      await repository.putRule(trx, partnershipId, body.id, { rule, holdsFrom: date, precision, value });
      written.push({ rule, holdsFrom: date, value });
    }
  }
  const latest = latestRules(await repository.rules(trx, [body.id]), body.id);
  await repository.keepLatest(trx, body.id, {
    quorum: latest.quorum,
    cadence: latest.cadence,
    membershipCap: latest['membership-cap'] as number | null,
  });
  if (input.standingItems)
    await repository.replaceStandingItems(trx, partnershipId, body.id, input.standingItems);
  return written;
}

export interface NewBody extends BodyValues, RulesChange {
  status: 'proposed' | 'established';
  /** When it was proposed or established, at the precision known ('2008-11'). */
  statusOn: string;
  statusDetail?: string | undefined;
}

export interface StatusChange {
  status: BodyStatus;
  effectiveOn: string;
  newName?: string | undefined;
  relatedBodyId?: string | undefined;
  detail?: string | undefined;
}

export interface NewRelationship {
  fromBodyId: string;
  toBodyId: string;
  kind: RelationshipKind;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  notes?: string | undefined;
}

/**
 * A body's own dates as written ('2008', '2008-04' or a day) → the days kept (the first day the
 * start can mean, the last day the end can mean) and their precision; a date not given is left
 * as it is.
 */
function bodyDates(values: Pick<BodyValues, 'startsOn' | 'endsOn'>): Partial<BodyValues> {
  return {
    ...('startsOn' in values && {
      startsOn: values.startsOn ? firstDayOf(values.startsOn) : null,
      startsPrecision: values.startsOn ? precisionOf(values.startsOn) : 'day',
    }),
    ...('endsOn' in values && {
      endsOn: values.endsOn ? lastDayOf(values.endsOn) : null,
      endsPrecision: values.endsOn ? precisionOf(values.endsOn) : 'day',
    }),
  };
}

/**
 * Whether a person is one of the partnership's own people. People are the membership module's,
 * which depends on this one: the composition root passes its read in.
 */
export type IsPerson = (trx: Trx, personId: string) => Promise<boolean>;

/** A lead officer must be one of the partnership's own people. */
async function checkLeadOfficer(
  isPerson: IsPerson,
  trx: Trx,
  personId: string | null | undefined,
): Promise<void> {
  if (!personId) return;
  if (!(await isPerson(trx, personId)))
    throw new RuleViolation([{ path: 'leadOfficerId', message: 'Select the lead officer from the list' }]);
}

async function mustFind(trx: Trx, id: string): Promise<BodyRow> {
  const body = await repository.byId(trx, id);
  if (!body) throw notFound();
  return body;
}

/** The structure on a date, inside a transaction the caller already holds (for other modules). */
function structureWithin(trx: Trx, date: string) {
  return readStructure(trx, date);
}

const readStructure = async (trx: Trx, date: string) => (await structureReader(trx))(date);

/** Reads the structure's records once; then the structure on any date is worked out from them. */
async function structureReader(trx: Trx) {
  const [bodies, events, relationships] = await Promise.all([
    repository.list(trx),
    repository.events(trx),
    repository.relationships(trx),
  ]);
  return (date: string) => structureAt(bodies, events, relationships, date);
}

export function bodiesService(db: Database<DB>, isPerson: IsPerson) {
  return {
    structureWithin,
    structureReader,
    /** One body's record inside a transaction the caller holds (for other modules). */
    byIdWithin: (trx: Trx, id: string) => repository.byId(trx, id),
    /**
     * The days a body's life runs between, from its record and its history: from its first
     * status (or its start date) until the day before it was dissolved, merged or replaced.
     */
    async lifeWithin(trx: Trx, id: string): Promise<{ startsOn: string | null; endsOn: string | null }> {
      const [body, history] = await Promise.all([repository.byId(trx, id), repository.events(trx, id)]);
      if (!body) throw notFound();
      const sorted = [...history].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
      const ending = sorted.find((event) => endingStatuses.includes(event.status as BodyStatus));
      const dayBefore = (date: string) =>
        new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      return {
        startsOn: body.startsOn ?? sorted[0]?.effectiveOn ?? null,
        endsOn: body.endsOn ?? (ending ? dayBefore(ending.effectiveOn) : null),
      };
    },

    list: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => repository.list(trx)),
    relationships: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', (trx) => repository.relationships(trx)),

    /** The structure on a date (today by default): the bodies then, their status and links. */
    structure(caller: Caller, date = today()) {
      return inTenant(db, caller, 'partnership.read', (trx) => readStructure(trx, date));
    },

    changes(caller: Caller, from: string, to: string) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const [bodies, events, relationships] = await Promise.all([
          repository.list(trx),
          repository.events(trx),
          repository.relationships(trx),
        ]);
        return changesBetween(bodies, events, relationships, from, to);
      });
    },

    /** One body's own record, and nothing else (a page about its seats needs no more). */
    find(caller: Caller, slug: string): Promise<BodyRow | null> {
      return inTenant(
        db,
        caller,
        'partnership.read',
        async (trx) => (await repository.bySlug(trx, slug)) ?? null,
      );
    },

    /** One body with its history, its relationships both ways and its terms of reference. */
    bySlug(caller: Caller, slug: string, date = today()) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const body = await repository.bySlug(trx, slug);
        if (!body) return null;
        const [bodies, history, relationships, terms, rules, standingItems] = await Promise.all([
          repository.list(trx),
          repository.events(trx, body.id),
          repository.relationships(trx),
          repository.terms(trx, body.id),
          repository.rules(trx, [body.id]),
          repository.standingItems(trx, [body.id]),
        ]);
        const names = new Map(bodies.map((other) => [other.id, other]));
        const linked = (id: string) => names.get(id)!;
        return {
          body,
          state: statusAt(history, date),
          history: history.map((event) => ({
            ...event,
            related: event.relatedBodyId ? linked(event.relatedBodyId) : null,
          })),
          outgoing: relationships
            .filter((r) => r.fromBodyId === body.id)
            .map((r) => ({ ...r, other: linked(r.toBodyId), label: relationshipKinds[r.kind] })),
          incoming: relationships
            .filter((r) => r.toBodyId === body.id)
            .map((r) => ({ ...r, other: linked(r.fromBodyId), label: relationshipKinds[r.kind] })),
          terms,
          /** Each rule's rows, oldest first (ADR 0040), and the rules as the latest rows give them. */
          rules,
          latestRules: latestRules(rules, body.id),
          standingItems: standingItems.map((item) => item.title),
          others: bodies.filter((other) => other.id !== body.id),
        };
      });
    },

    async create(caller: Caller, input: NewBody): Promise<BodyRow> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        if (await repository.slugTaken(trx, input.slug)) {
          throw new RuleViolation([
            {
              path: 'slug',
              message: 'A body with this short name already exists in the partnership: choose another',
            },
          ]);
        }
        await checkLeadOfficer(isPerson, trx, input.leadOfficerId);
        const id = await repository.insert(trx, partnershipId, { ...input, ...bodyDates(input) });
        await writeRules(trx, partnershipId, { id, name: input.name }, input, true);
        const { date, precision } = datedAt(input.statusOn);
        await repository.insertEvent(trx, partnershipId, {
          bodyId: id,
          status: input.status,
          effectiveOn: date,
          precision,
          previousName: null,
          newName: null,
          relatedBodyId: null,
          detail: input.statusDetail ?? null,
        });
        const body = (await repository.byId(trx, id))!;
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'body',
          entityId: id,
          summary: `Added ${body.name} (${input.status} ${input.statusOn})`,
          after: body,
        });
        return body;
      });
    },

    /** Changes a body; `version`, the one the change was based on, must still be its own (ADR 0044). */
    async update(
      caller: Caller,
      id: string,
      input: BodyValues & RulesChange,
      version?: string,
    ): Promise<BodyRow> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        await lockVersion(trx, { table: 'bodies', id, entityType: 'body', what: 'this body' }, version);
        const { version: _read, ...before } = await mustFind(trx, id); // the row as it is, locked
        if (await repository.slugTaken(trx, input.slug, id)) {
          throw new RuleViolation([
            {
              path: 'slug',
              message: 'A body with this short name already exists in the partnership: choose another',
            },
          ]);
        }
        await checkLeadOfficer(isPerson, trx, input.leadOfficerId);
        const beforeRules = await repository.rules(trx, [id]);
        const standingBefore = (await repository.standingItems(trx, [id])).map((item) => item.title);
        await repository.update(trx, partnershipId, id, { ...before, ...input, ...bodyDates(input) });
        const rules = await writeRules(trx, partnershipId, before, input, false);
        const { version: _written, ...after } = (await repository.byId(trx, id))!;
        const dated = rules
          .map(
            (r) =>
              `${bodyRuleKinds[r.rule].toLowerCase()} ${describeRule(r.rule, r.value)} from ${r.holdsFrom ?? 'the start'}`,
          )
          .join('; ');
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'body',
          entityId: id,
          summary: `Changed ${after.name}${dated ? ` (rules: ${dated})` : ''}`,
          before: { ...before, rules: beforeRules, standingItems: standingBefore },
          after: { ...after, rules, standingItems: input.standingItems ?? standingBefore },
        });
        return after;
      });
    },

    /** Records a change of status: proposed, established, under review, renamed, merged, dissolved… */
    async recordStatus(caller: Caller, bodyId: string, change: StatusChange): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const body = await mustFind(trx, bodyId);
        const { date, precision } = datedAt(change.effectiveOn);
        const history = await repository.events(trx, bodyId);
        const state = statusAt(history, date);
        if (state && endingStatuses.includes(state.status)) {
          throw new RuleViolation([
            { path: 'status', message: `${body.name} had already ended by that date` },
          ]);
        }
        let related: BodyRow | undefined;
        if (change.relatedBodyId) {
          related = await repository.byId(trx, change.relatedBodyId);
          if (!related || related.id === bodyId)
            throw new RuleViolation([
              { path: 'relatedBodyId', message: 'Select another body of this partnership' },
            ]);
        }
        const renamed = change.status === 'renamed';
        await repository.insertEvent(trx, partnershipId, {
          bodyId,
          status: change.status,
          effectiveOn: date,
          precision,
          previousName: renamed ? body.name : null,
          newName: renamed ? change.newName! : null,
          relatedBodyId: related?.id ?? null,
          detail: change.detail ?? null,
        });
        if (renamed) await repository.rename(trx, bodyId, change.newName!);
        if (change.status === 'replaced' && related) {
          await repository.insertRelationship(trx, partnershipId, {
            fromBodyId: bodyId,
            toBodyId: related.id,
            kind: 'replaced-by',
            startsOn: date,
            endsOn: null,
            notes: null,
          });
        }
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'body',
          entityId: bodyId,
          summary: renamed
            ? `Renamed ${body.name} to ${change.newName}`
            : `${body.name}: ${change.status}${related ? ` (${related.name})` : ''} from ${change.effectiveOn}`,
          after: change,
        });
      });
    },

    async relate(caller: Caller, input: NewRelationship): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const from = await mustFind(trx, input.fromBodyId);
        const to = await repository.byId(trx, input.toBodyId);
        if (!to)
          throw new RuleViolation([{ path: 'toBodyId', message: 'Select another body of this partnership' }]);
        const existing = await repository.relationships(trx);
        const loop = loopThrough(existing, from.id, to.id, input.kind);
        if (loop) {
          const bodies = new Map((await repository.list(trx)).map((body) => [body.id, body.name]));
          const message =
            from.id === to.id
              ? 'A body cannot be related to itself'
              : `This would make ${from.name} answer to itself: ${loop.map((id) => bodies.get(id)).join(' → ')}`;
          throw new RuleViolation([{ path: 'toBodyId', message }]);
        }
        const id = await repository.insertRelationship(trx, partnershipId, {
          fromBodyId: from.id,
          toBodyId: to.id,
          kind: input.kind,
          // a start known to the month or year from its first day, an end to its last (ADR 0041)
          startsOn: input.startsOn ? firstDayOf(input.startsOn) : null,
          endsOn: input.endsOn ? lastDayOf(input.endsOn) : null,
          startsPrecision: input.startsOn ? precisionOf(input.startsOn) : 'day',
          endsPrecision: input.endsOn ? precisionOf(input.endsOn) : 'day',
          notes: input.notes ?? null,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'relationship',
          entityId: id,
          summary: `${from.name} ${relationshipKinds[input.kind].toLowerCase()} ${to.name}`,
          after: input,
        });
        return id;
      });
    },

    async unrelate(caller: Caller, relationshipId: string): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const before = (await repository.relationships(trx)).find((r) => r.id === relationshipId);
        if (!before || !(await repository.deleteRelationship(trx, relationshipId))) throw notFound();
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'relationship',
          entityId: relationshipId,
          summary: 'Removed a relationship between bodies',
          before,
        });
      });
    },

    /** Adopts a new version of a body's terms of reference (or constitution). */
    async adoptTerms(
      caller: Caller,
      bodyId: string,
      input: { title: string; adoptedOn: string; adoptedBy?: string | undefined; text: string },
    ): Promise<number> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const body = await mustFind(trx, bodyId);
        const { date, precision } = datedAt(input.adoptedOn);
        const version = await repository.insertTerms(trx, partnershipId, bodyId, {
          adoptedOn: date,
          precision,
          adoptedBy: input.adoptedBy ?? null,
          title: input.title,
          text: input.text,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'terms of reference',
          entityId: `${bodyId}#${version}`,
          summary: `Adopted version ${version} of ${body.name}’s ${input.title}`,
          after: input,
        });
        return version;
      });
    },
  };
}

export type BodiesService = ReturnType<typeof bodiesService>;
