// The structure as it stood on a date, and what changed between two dates, worked out from
// the bodies' dated status events and relationships. Pure functions over plain records.
import {
  endingStatuses,
  hierarchicalKinds,
  statuses,
  relationshipKinds,
  type BodyStatus,
  type RelationshipKind,
} from './bodies.vocabulary.ts';

export interface BodyRecord {
  id: string;
  slug: string;
  name: string;
  kind: string;
}

export interface StatusEvent {
  bodyId: string;
  status: BodyStatus;
  effectiveOn: string;
  precision: 'day' | 'month' | 'year';
  previousName: string | null;
  newName: string | null;
  relatedBodyId: string | null;
  detail: string | null;
}

export interface Relationship {
  id: string;
  fromBodyId: string;
  toBodyId: string;
  kind: RelationshipKind;
  startsOn: string | null;
  endsOn: string | null;
}

export interface BodyAt<B extends BodyRecord> {
  body: B;
  /** The body's name on the date (it may have been renamed since). */
  name: string;
  status: BodyStatus;
  since: StatusEvent | null;
}

export interface StructureAt<B extends BodyRecord> {
  date: string;
  bodies: BodyAt<B>[];
  relationships: Relationship[];
}

const byDate = (a: StatusEvent, b: StatusEvent) => a.effectiveOn.localeCompare(b.effectiveOn);

function eventsOf(events: StatusEvent[], bodyId: string): StatusEvent[] {
  return events.filter((event) => event.bodyId === bodyId).sort(byDate);
}

/** The status in force on `date`; a body with no history at all counts as established. */
export function statusAt(
  history: StatusEvent[],
  date: string,
): { status: BodyStatus; since: StatusEvent | null } | null {
  if (!history.length) return { status: 'established', since: null };
  const past = history.filter((event) => event.effectiveOn <= date);
  const latest = past.at(-1);
  if (!latest) return null; // not yet proposed or established on that date
  // "renamed" is an event, not a state: the body keeps the status it had before.
  if (latest.status === 'renamed') {
    const before = past.filter((event) => event.status !== 'renamed').at(-1);
    return { status: before?.status ?? 'established', since: latest };
  }
  return { status: latest.status, since: latest };
}

/** The name a body had on `date`: the name before the first renaming after that date. */
export function nameAt(body: BodyRecord, history: StatusEvent[], date: string): string {
  const nextRenaming = history.find((event) => event.status === 'renamed' && event.effectiveOn > date);
  return nextRenaming?.previousName ?? body.name;
}

const inForce = (relationship: Relationship, date: string) =>
  (!relationship.startsOn || relationship.startsOn <= date) &&
  (!relationship.endsOn || relationship.endsOn >= date);

export function structureAt<B extends BodyRecord>(
  bodies: B[],
  events: StatusEvent[],
  relationships: Relationship[],
  date: string,
): StructureAt<B> {
  const present: BodyAt<B>[] = [];
  for (const body of bodies) {
    const history = eventsOf(events, body.id);
    const state = statusAt(history, date);
    if (!state || endingStatuses.includes(state.status)) continue;
    present.push({ body, name: nameAt(body, history, date), status: state.status, since: state.since });
  }
  const ids = new Set(present.map((entry) => entry.body.id));
  return {
    date,
    bodies: present,
    relationships: relationships.filter(
      (r) => inForce(r, date) && ids.has(r.fromBodyId) && ids.has(r.toBodyId),
    ),
  };
}

export interface StructureChange {
  date: string;
  precision: 'day' | 'month' | 'year';
  bodyId: string;
  text: string;
}

/** What changed after `from` up to and including `to`, oldest first. */
export function changesBetween(
  bodies: BodyRecord[],
  events: StatusEvent[],
  relationships: Relationship[],
  from: string,
  to: string,
): StructureChange[] {
  const name = (id: string | null) => bodies.find((body) => body.id === id)?.name ?? 'another body';
  const changes: StructureChange[] = [];
  for (const event of [...events].sort(byDate)) {
    if (event.effectiveOn <= from || event.effectiveOn > to) continue;
    const subject = event.previousName ?? name(event.bodyId);
    const text =
      event.status === 'renamed'
        ? `${event.previousName} renamed ${event.newName}`
        : event.status === 'merged-into' || event.status === 'replaced'
          ? `${subject} ${event.status === 'replaced' ? 'replaced by' : 'merged into'} ${name(event.relatedBodyId)}`
          : `${subject}: ${statuses[event.status].toLowerCase()}`;
    changes.push({
      date: event.effectiveOn,
      precision: event.precision,
      bodyId: event.bodyId,
      text: event.detail ? `${text} (${event.detail})` : text,
    });
  }
  for (const relationship of relationships) {
    const label = `${name(relationship.fromBodyId)} ${relationshipKinds[relationship.kind].toLowerCase()} ${name(relationship.toBodyId)}`;
    if (relationship.startsOn && relationship.startsOn > from && relationship.startsOn <= to) {
      changes.push({
        date: relationship.startsOn,
        precision: 'day',
        bodyId: relationship.fromBodyId,
        text: `Began: ${label}`,
      });
    }
    if (relationship.endsOn && relationship.endsOn > from && relationship.endsOn <= to) {
      changes.push({
        date: relationship.endsOn,
        precision: 'day',
        bodyId: relationship.fromBodyId,
        text: `Ended: ${label}`,
      });
    }
  }
  return changes.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Would a new relationship make a body answer to itself? For the hierarchical kinds (reports
 * to, accountable to, sub-function of) a loop is refused, however long: A → B → C → A.
 * Returns the loop's body ids when there would be one.
 */
export function loopThrough(
  relationships: Pick<Relationship, 'fromBodyId' | 'toBodyId' | 'kind'>[],
  fromBodyId: string,
  toBodyId: string,
  kind: RelationshipKind,
): string[] | null {
  if (fromBodyId === toBodyId) return [fromBodyId, fromBodyId];
  if (!hierarchicalKinds.includes(kind)) return null;
  const next = new Map<string, string[]>();
  for (const r of relationships) {
    if (!hierarchicalKinds.includes(r.kind)) continue;
    next.set(r.fromBodyId, [...(next.get(r.fromBodyId) ?? []), r.toBodyId]);
  }
  // Search from the new relationship's target for a path back to its source.
  const queue: string[][] = [[fromBodyId, toBodyId]];
  const seen = new Set<string>([toBodyId]);
  while (queue.length) {
    const path = queue.shift()!;
    const last = path.at(-1)!;
    for (const onward of next.get(last) ?? []) {
      if (onward === fromBodyId) return [...path, onward];
      if (seen.has(onward)) continue;
      seen.add(onward);
      queue.push([...path, onward]);
    }
  }
  return null;
}
