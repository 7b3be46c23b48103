// Evaluates rule sets against a partnership as it stood on a date. Pure: the caller gathers a
// snapshot (bodies, links, seats, members on the date) and gets, for each rule, met / not met
// / not applicable with the seats, members, bodies or links that are the evidence.
import type {
  BodySelector,
  Condition,
  MemberSelector,
  Rule,
  RuleSet,
  SeatSelector,
} from './ruleset.schema.ts';

export interface SnapshotBody {
  id: string;
  slug: string;
  name: string;
  kind: string;
  external: boolean;
}
export interface SnapshotSeat {
  id: string;
  bodyId: string;
  position: number;
  label: string;
  role: string;
  voting: boolean;
  category: string | null;
  independent: boolean;
  /** Kinds and slugs of the bodies whose chairs hold this seat, from the seat's rule. */
  chairOf: { kinds: string[]; slugs: string[] } | null;
  holders: { name: string; youngPerson: boolean; category: string | null }[];
}
export interface SnapshotLink {
  kind: string;
  fromBodyId: string;
  toBodyId: string;
}
export interface Snapshot {
  date: string;
  authorityType: string;
  bodies: SnapshotBody[];
  seats: SnapshotSeat[];
  links: SnapshotLink[];
}

export type Evidence =
  | { type: 'seat'; body: string; position: number; label: string; holders: string[] }
  | { type: 'member'; body: string; seat: string; name: string }
  | { type: 'body'; body: string; kind: string }
  | { type: 'link'; from: string; kind: string; to: string };

export type Outcome = 'met' | 'not-met' | 'not-applicable';

export interface RuleResult {
  ruleSet: { id: string; title: string };
  rule: Rule;
  status: Outcome;
  reason?: string;
  evidence: Evidence[];
}

function bodyMatches(
  body: SnapshotBody,
  selector: BodySelector | undefined,
  defaultInternal: boolean,
): boolean {
  if (!selector) return defaultInternal ? !body.external : true;
  if (selector.internal !== undefined && selector.internal === body.external) return false;
  if (selector.kind && !selector.kind.includes(body.kind)) return false;
  return true;
}

function seatEvidence(snapshot: Snapshot, seat: SnapshotSeat): Evidence {
  const body = snapshot.bodies.find((b) => b.id === seat.bodyId)!;
  return {
    type: 'seat',
    body: body.name,
    position: seat.position,
    label: seat.label,
    holders: seat.holders.filter((h) => !h.youngPerson).map((h) => h.name),
  };
}

function chairOfMatches(snapshot: Snapshot, seat: SnapshotSeat, selector: BodySelector): boolean {
  if (!seat.chairOf) return false;
  const kinds = new Set(seat.chairOf.kinds);
  for (const slug of seat.chairOf.slugs) {
    const body = snapshot.bodies.find((b) => b.slug === slug);
    if (body) kinds.add(body.kind);
  }
  return !selector.kind || selector.kind.some((kind) => kinds.has(kind));
}

function seatsMatching(snapshot: Snapshot, selector: SeatSelector): SnapshotSeat[] {
  return snapshot.seats.filter((seat) => {
    const body = snapshot.bodies.find((b) => b.id === seat.bodyId);
    if (!body || !bodyMatches(body, selector.on, true)) return false;
    if (
      selector.category &&
      !(seat.category && selector.category.includes(seat.category)) &&
      !seat.holders.some((h) => h.category && selector.category!.includes(h.category))
    )
      return false;
    if (selector.voting !== undefined && seat.voting !== selector.voting) return false;
    if (selector.role && !selector.role.includes(seat.role)) return false;
    if (selector.independent !== undefined && seat.independent !== selector.independent) return false;
    if (selector.chairOf && !chairOfMatches(snapshot, seat, selector.chairOf)) return false;
    return true;
  });
}

function membersMatching(snapshot: Snapshot, selector: MemberSelector): Evidence[] {
  const found: Evidence[] = [];
  for (const seat of snapshot.seats) {
    const body = snapshot.bodies.find((b) => b.id === seat.bodyId);
    if (!body || !bodyMatches(body, selector.on, true)) continue;
    for (const holder of seat.holders) {
      if (selector.youngPerson !== undefined && holder.youngPerson !== selector.youngPerson) continue;
      if (selector.category && !(holder.category && selector.category.includes(holder.category))) continue;
      // Young people are never named in evidence: it may be published.
      found.push({
        type: 'member',
        body: body.name,
        seat: seat.label,
        name: holder.youngPerson ? 'a young person' : holder.name,
      });
    }
  }
  return found;
}

/** Whether the condition holds, with the evidence that it does. */
export function check(snapshot: Snapshot, condition: Condition): { met: boolean; evidence: Evidence[] } {
  if ('seat' in condition) {
    const seats = seatsMatching(snapshot, condition.seat);
    return { met: seats.length > 0, evidence: seats.map((seat) => seatEvidence(snapshot, seat)) };
  }
  if ('member' in condition) {
    const evidence = membersMatching(snapshot, condition.member);
    return { met: evidence.length > 0, evidence };
  }
  if ('body' in condition) {
    const bodies = snapshot.bodies.filter((body) => bodyMatches(body, condition.body, false));
    return {
      met: bodies.length > 0,
      evidence: bodies.map((body) => ({ type: 'body', body: body.name, kind: body.kind })),
    };
  }
  if ('link' in condition) {
    const byId = new Map(snapshot.bodies.map((body) => [body.id, body]));
    const links = snapshot.links.filter((link) => {
      const from = byId.get(link.fromBodyId);
      const to = byId.get(link.toBodyId);
      return (
        from &&
        to &&
        condition.link.kind.includes(link.kind) &&
        bodyMatches(from, condition.link.from, false) &&
        bodyMatches(to, condition.link.to, false)
      );
    });
    return {
      met: links.length > 0,
      evidence: links.map((link) => ({
        type: 'link',
        from: byId.get(link.fromBodyId)!.name,
        kind: link.kind,
        to: byId.get(link.toBodyId)!.name,
      })),
    };
  }
  const parts = ('any' in condition ? condition.any : condition.all).map((part) => check(snapshot, part));
  const met = 'any' in condition ? parts.some((part) => part.met) : parts.every((part) => part.met);
  return { met, evidence: parts.filter((part) => part.met).flatMap((part) => part.evidence) };
}

export const inForce = (item: { from?: string | undefined; until?: string | undefined }, date: string) =>
  (!item.from || item.from <= date) && (!item.until || item.until >= date);

/** Every rule of the rule sets in force on the snapshot's date. */
export function evaluate(ruleSets: RuleSet[], snapshot: Snapshot): RuleResult[] {
  const results: RuleResult[] = [];
  for (const set of ruleSets) {
    if (!inForce(set, snapshot.date)) continue;
    for (const rule of set.rules) {
      const base = { ruleSet: { id: set.id, title: set.title }, rule };
      if (!inForce(rule, snapshot.date)) {
        results.push({
          ...base,
          status: 'not-applicable',
          reason: 'Not in force on this date',
          evidence: [],
        });
      } else if (rule.appliesTo && !rule.appliesTo.authorityTypes.includes(snapshot.authorityType)) {
        results.push({
          ...base,
          status: 'not-applicable',
          reason: `Applies only to ${rule.appliesTo.authorityTypes.join(' or ')} areas`,
          evidence: [],
        });
      } else {
        const outcome = check(snapshot, rule.condition);
        results.push({ ...base, status: outcome.met ? 'met' : 'not-met', evidence: outcome.evidence });
      }
    }
  }
  return results;
}
