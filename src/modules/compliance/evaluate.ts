// Evaluates rule sets against a partnership as it stood on a date. Pure: the caller gathers a
// snapshot (the bodies, links and seats that exist on the date, each seat with its holders on
// the date and its attendance over the year before) and gets, for each rule, one of six
// outcomes with the seats, members, bodies or links that are the evidence:
//  - met: a seat the rule asks for exists and is held on the date (or a member, body or link);
//  - met on paper: the body's seats are recorded but nobody is recorded in any of them then
//    (a constitution without names), and a seat the rule asks for is among them;
//  - seat vacant: the body's members are recorded for the date, but the seats the rule asks
//    for are empty then;
//  - not met: the body's seats are recorded and none is of the kind the rule asks for;
//  - not recorded: the product holds nothing to judge by (no seats for the body on the date,
//    no such body, or a fact left unknown), with what would settle it;
//  - not applicable: the rule is not in force, or not for this kind of council.
import type {
  BodySelector,
  Condition,
  MemberSelector,
  Rule,
  RuleSet,
  SeatSelector,
} from './ruleset.schema.ts';
import { isExternal } from '../bodies/index.ts';

export interface SnapshotBody {
  id: string;
  slug: string;
  name: string;
  kind: string;
  external: boolean;
  /** Per cent of held meetings below which a held seat is flagged as rarely attended. */
  attendanceThreshold: number;
}
export interface SnapshotHolder {
  name: string;
  youngPerson: boolean;
  category: string | null;
  /** A joint post's other categories, one per other organisation it is held for (issue 15). */
  jointCategories?: string[] | undefined;
  startsOn: string | null;
  endsOn: string | null;
}
export interface SeatAttendance {
  /** Held meetings of the seat's body with a register, in the twelve months up to the date. */
  held: number;
  /** Of those, how many the seat's holder (or their substitute) attended. */
  attended: number;
  /** Of those, how many the holder attended in person (for rules that allow no substitute). */
  inPerson?: number | undefined;
}
export interface SnapshotSeat {
  id: string;
  bodyId: string;
  position: number;
  label: string;
  role: string;
  voting: boolean;
  /** The statutory category the seat counts for on the date (none once its organisation ended). */
  category: string | null;
  /**
   * The category the seat counted for before its organisation ended or the category ceased to
   * exist, with why (the seat then counts for no category).
   */
  lapsed?: { category: string; reason: string } | null | undefined;
  /** Null: not recorded. */
  independent: boolean | null;
  /** Kinds and slugs of the bodies whose chairs hold this seat, from the seat's rule or office. */
  chairOf: { kinds: string[]; slugs: string[] } | null;
  /** The named office that holds the seat ex officio (membership vocabulary), if any. */
  office?: string | null | undefined;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  holders: SnapshotHolder[];
  attendance?: SeatAttendance | null | undefined;
  /** Recommended rather than constituted: counted apart, never meeting a rule (ADR 0037). */
  recommended?: boolean | undefined;
}
export interface SnapshotLink {
  kind: string;
  fromBodyId: string;
  toBodyId: string;
}
export interface Snapshot {
  date: string;
  authorityType: string;
  /** The bodies that exist on the date. */
  bodies: SnapshotBody[];
  /** The seats of those bodies that exist on the date. */
  seats: SnapshotSeat[];
  links: SnapshotLink[];
}

export interface SeatEvidence {
  type: 'seat';
  seatId: string;
  bodyId: string;
  bodySlug: string;
  body: string;
  position: number;
  label: string;
  /** Who holds it on the date (young people are not named). */
  holders: string[];
  /** The dated facts behind it: the seat's dates and each holder's. */
  from: string | null;
  until: string | null;
  /** Since when each named holder has held it, in the order of `holders`. */
  heldSince: (string | null)[];
  /** `substitutes: false` when the rule counted the holder's attendance in person only. */
  attendance: { held: number; attended: number; threshold: number; substitutes?: false } | null;
}
export type Evidence =
  | SeatEvidence
  | { type: 'member'; body: string; seat: string; name: string; from: string | null; until: string | null }
  | { type: 'body'; body: string; kind: string }
  | { type: 'link'; from: string; kind: string; to: string };

export const outcomes = [
  'met',
  'met-on-paper',
  'seat-vacant',
  'not-met',
  'not-recorded',
  'not-applicable',
] as const;
export type Outcome = (typeof outcomes)[number];
type Judged = Exclude<Outcome, 'not-applicable'>;

export interface RuleResult {
  ruleSet: { id: string; title: string };
  rule: Rule;
  status: Outcome;
  reason?: string;
  evidence: Evidence[];
  /** Met by held seats whose holders attended fewer of the year's meetings than the threshold. */
  rarelyAttended?: boolean;
}

interface Check {
  status: Judged;
  evidence: Evidence[];
  reason?: string | undefined;
}

/** In an "any", the most favourable outcome wins; in an "all", the least. */
const rank: Record<Judged, number> = {
  met: 5,
  'met-on-paper': 4,
  'not-recorded': 3,
  'seat-vacant': 2,
  'not-met': 1,
};

const words = (values: string[]) => values.map((value) => value.replaceAll('-', ' ')).join(' or ');
const kindsText = (selector: BodySelector | undefined) =>
  selector?.kind ? words(selector.kind) : 'body of the partnership';

function bodyMatches(body: SnapshotBody, selector: BodySelector | undefined, defaultInternal: boolean) {
  if (!selector) return defaultInternal ? !body.external : true;
  if (selector.internal !== undefined && selector.internal === body.external) return false;
  if (selector.kind && !selector.kind.includes(body.kind)) return false;
  return true;
}

/** Reads a snapshot once: bodies, seats by body, and who holds a chair. */
function reader(snapshot: Snapshot) {
  const bodyById = new Map(snapshot.bodies.map((body) => [body.id, body]));
  // a recommended seat is not (yet) part of the body: no rule sees it (ADR 0037)
  const seatsByBody = Map.groupBy(
    snapshot.seats.filter((seat) => !seat.recommended),
    (seat) => seat.bodyId,
  );
  const seatsOf = (bodyId: string) => seatsByBody.get(bodyId) ?? [];
  /** Who holds a seat on the date: its members, or for a chair's seat, whoever chairs that body. */
  function holdersOf(seat: SnapshotSeat): SnapshotHolder[] {
    if (seat.holders.length || !seat.chairOf) return seat.holders;
    return snapshot.bodies
      .filter((body) => seat.chairOf!.slugs.includes(body.slug) || seat.chairOf!.kinds.includes(body.kind))
      .flatMap((body) => seatsOf(body.id).filter((chair) => chair.role === 'chair'))
      .flatMap((chair) => chair.holders);
  }
  const hasHolders = (bodyId: string) => seatsOf(bodyId).some((seat) => holdersOf(seat).length > 0);
  return { bodyById, seatsOf, holdersOf, hasHolders };
}
type Reader = ReturnType<typeof reader>;

/**
 * A held seat's attendance as the rule counts it: with its holders' named substitutes, unless the
 * rule asks for the holder in person.
 */
function attendanceFor(seat: SnapshotSeat, selector: SeatSelector | undefined) {
  if (!seat.attendance) return null;
  const { held, attended, inPerson } = seat.attendance;
  return selector?.substitutes === false
    ? { held, attended: inPerson ?? attended, substitutes: false as const }
    : { held, attended };
}

function seatEvidence(read: Reader, seat: SnapshotSeat, selector?: SeatSelector): SeatEvidence {
  const body = read.bodyById.get(seat.bodyId)!;
  const holders = read.holdersOf(seat);
  const named = holders.filter((h) => !h.youngPerson);
  const attendance = attendanceFor(seat, selector);
  return {
    type: 'seat',
    seatId: seat.id,
    bodyId: body.id,
    bodySlug: body.slug,
    body: body.name,
    position: seat.position,
    label: seat.label,
    holders: named.map((h) => h.name),
    from: seat.startsOn ?? null,
    until: seat.endsOn ?? null,
    heldSince: named.map((h) => h.startsOn),
    attendance: holders.length && attendance ? { ...attendance, threshold: body.attendanceThreshold } : null,
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

/** Every category a holder sits for: a joint post counts for each of its organisations. */
const holderCategories = (holder: SnapshotHolder): string[] => [
  ...(holder.category ? [holder.category] : []),
  ...(holder.jointCategories ?? []),
];

function seatMatches(
  snapshot: Snapshot,
  read: Reader,
  seat: SnapshotSeat,
  selector: SeatSelector,
  ignore: { independent?: boolean; lapsed?: boolean } = {},
): boolean {
  if (selector.category) {
    const category = ignore.lapsed ? (seat.category ?? seat.lapsed?.category) : seat.category;
    const ofSeat = category !== null && category !== undefined && selector.category.includes(category);
    const ofHolder = read
      .holdersOf(seat)
      .some((h) => holderCategories(h).some((c) => selector.category!.includes(c)));
    if (!ofSeat && !ofHolder) return false;
  }
  if (selector.voting !== undefined && seat.voting !== selector.voting) return false;
  if (selector.role && !selector.role.includes(seat.role)) return false;
  if (!ignore.independent && selector.independent !== undefined && seat.independent !== selector.independent)
    return false;
  if (selector.chairOf && !chairOfMatches(snapshot, seat, selector.chairOf)) return false;
  if (selector.office && !(seat.office && selector.office.includes(seat.office))) return false;
  return true;
}

function checkSeat(snapshot: Snapshot, read: Reader, selector: SeatSelector): Check {
  const bodies = snapshot.bodies.filter((body) => bodyMatches(body, selector.on, true));
  if (!bodies.length)
    return {
      status: 'not-recorded',
      evidence: [],
      reason: `No ${kindsText(selector.on)} is recorded on this date: add it to the structure to check this rule`,
    };
  const seats = bodies.flatMap((body) => read.seatsOf(body.id));
  const candidates = seats.filter((seat) => seatMatches(snapshot, read, seat, selector));
  const held = candidates.filter((seat) => read.holdersOf(seat).length > 0);
  if (held.length) return { status: 'met', evidence: held.map((seat) => seatEvidence(read, seat, selector)) };
  const names = bodies.map((body) => body.name).join(', ');
  if (selector.unspecified && selector.category) {
    const unsure = { ...selector, category: selector.unspecified };
    const maybe = seats.filter(
      (seat) => read.holdersOf(seat).length > 0 && seatMatches(snapshot, read, seat, unsure),
    );
    if (maybe.length)
      return {
        status: 'not-recorded',
        evidence: maybe.map((seat) => seatEvidence(read, seat, selector)),
        reason: `${maybe.map((seat) => seat.label).join(', ')}: recorded as ${words(selector.unspecified)}, which does not say whether it is the ${words(selector.category)}: record the seat's or its organisation's category`,
      };
  }
  if (candidates.length) {
    const vacant = candidates.filter((seat) => read.hasHolders(seat.bodyId));
    if (vacant.length)
      return {
        status: 'seat-vacant',
        evidence: vacant.map((seat) => seatEvidence(read, seat)),
        reason: `Members of ${names} are recorded on this date, but nobody holds the ${vacant.length === 1 ? 'seat' : 'seats'} named`,
      };
    return {
      status: 'met-on-paper',
      evidence: candidates.map((seat) => seatEvidence(read, seat)),
      reason: `The seat exists, but nobody is recorded in any seat of ${names} on this date`,
    };
  }
  if (!seats.length)
    return {
      status: 'not-recorded',
      evidence: [],
      reason: `No seats of ${names} are recorded on this date: record its membership to check this rule`,
    };
  if (selector.independent !== undefined) {
    const unknown = seats.filter(
      (seat) =>
        seat.independent === null && seatMatches(snapshot, read, seat, selector, { independent: true }),
    );
    if (unknown.length)
      return {
        status: 'not-recorded',
        evidence: unknown.map((seat) => seatEvidence(read, seat)),
        reason: 'Whether the holder is independent of the partners is not recorded: record it on the seat',
      };
  }
  const lapsed = seats.filter(
    (seat) => seat.lapsed && seatMatches(snapshot, read, seat, selector, { lapsed: true }),
  );
  if (lapsed.length)
    return {
      status: 'not-met',
      evidence: lapsed.map((seat) => seatEvidence(read, seat)),
      reason: lapsed.map((seat) => `${seat.label}: ${seat.lapsed!.reason}`).join('; '),
    };
  return {
    status: 'not-met',
    evidence: [],
    reason: `No seat of ${names} on this date is of the kind asked for`,
  };
}

function checkMember(snapshot: Snapshot, read: Reader, selector: MemberSelector): Check {
  const bodies = snapshot.bodies.filter((body) => bodyMatches(body, selector.on, true));
  const evidence: Evidence[] = [];
  for (const body of bodies)
    for (const seat of read.seatsOf(body.id))
      for (const holder of read.holdersOf(seat)) {
        if (selector.youngPerson !== undefined && holder.youngPerson !== selector.youngPerson) continue;
        if (selector.category && !holderCategories(holder).some((c) => selector.category!.includes(c)))
          continue;
        // Young people are never named in evidence: it may be published.
        evidence.push({
          type: 'member',
          body: body.name,
          seat: seat.label,
          name: holder.youngPerson ? 'a young person' : holder.name,
          from: holder.startsOn,
          until: holder.endsOn,
        });
      }
  if (evidence.length) return { status: 'met', evidence };
  if (bodies.some((body) => read.hasHolders(body.id)))
    return {
      status: 'not-met',
      evidence: [],
      reason: 'No member of the kind asked for is recorded on this date',
    };
  return {
    status: 'not-recorded',
    evidence: [],
    reason: bodies.length
      ? `No members of ${bodies.map((body) => body.name).join(', ')} are recorded on this date`
      : `No ${kindsText(selector.on)} is recorded on this date`,
  };
}

/** A body the partnership keeps its own records of: its absence is a fact, not a gap. */
const ownBodies = (selector: BodySelector | undefined) =>
  selector?.internal === true || !selector?.kind || selector.kind.some((kind) => !isExternal(kind));

/** Whether the condition holds, with the evidence and the reason. */
export function check(snapshot: Snapshot, condition: Condition, read = reader(snapshot)): Check {
  if ('seat' in condition) return checkSeat(snapshot, read, condition.seat);
  if ('member' in condition) return checkMember(snapshot, read, condition.member);
  if ('body' in condition) {
    const bodies = snapshot.bodies.filter((body) => bodyMatches(body, condition.body, false));
    if (bodies.length)
      return {
        status: 'met',
        evidence: bodies.map((body) => ({ type: 'body', body: body.name, kind: body.kind })),
      };
    return ownBodies(condition.body)
      ? { status: 'not-met', evidence: [], reason: `No ${kindsText(condition.body)} exists on this date` }
      : {
          status: 'not-recorded',
          evidence: [],
          reason: `No ${kindsText(condition.body)} is recorded on this date`,
        };
  }
  if ('link' in condition) {
    const { bodyById } = read;
    const links = snapshot.links.filter((link) => {
      const from = bodyById.get(link.fromBodyId);
      const to = bodyById.get(link.toBodyId);
      return (
        from &&
        to &&
        condition.link.kind.includes(link.kind) &&
        bodyMatches(from, condition.link.from, false) &&
        bodyMatches(to, condition.link.to, false)
      );
    });
    if (links.length)
      return {
        status: 'met',
        evidence: links.map((link) => ({
          type: 'link',
          from: bodyById.get(link.fromBodyId)!.name,
          kind: link.kind,
          to: bodyById.get(link.toBodyId)!.name,
        })),
      };
    const missing = [condition.link.from, condition.link.to].find(
      (end) => end?.kind && !snapshot.bodies.some((body) => bodyMatches(body, end, false)),
    );
    return missing
      ? { status: 'not-recorded', evidence: [], reason: `No ${kindsText(missing)} is recorded on this date` }
      : { status: 'not-met', evidence: [], reason: 'No such relationship between the bodies is recorded' };
  }
  const any = 'any' in condition;
  const parts = (any ? condition.any : condition.all).map((part) => check(snapshot, part, read));
  const chosen = parts.reduce((best, part) =>
    any
      ? rank[part.status] > rank[best.status]
        ? part
        : best
      : rank[part.status] < rank[best.status]
        ? part
        : best,
  );
  const same = parts.filter((part) => part.status === chosen.status);
  return {
    status: chosen.status,
    evidence: same.flatMap((part) => part.evidence),
    reason: same.map((part) => part.reason).find(Boolean),
  };
}

export const inForce = (item: { from?: string | undefined; until?: string | undefined }, date: string) =>
  (!item.from || item.from <= date) && (!item.until || item.until >= date);

/** Met by held seats, none of whose holders came to at least the threshold of the year's meetings. */
function rarelyAttended(evidence: Evidence[]): boolean {
  const attended = evidence.flatMap((item) =>
    item.type === 'seat' && item.attendance ? [item.attendance] : [],
  );
  const counted = attended.filter((item) => item.held > 0);
  return (
    counted.length > 0 &&
    counted.length === evidence.filter((item) => item.type === 'seat').length &&
    counted.every((item) => (100 * item.attended) / item.held < item.threshold)
  );
}

/** Every rule of the rule sets in force on the snapshot's date. */
/** The recommended seats of a snapshot, which no rule counts: for the page to mention. */
export function recommendedSeats(snapshot: Snapshot): { body: string; label: string }[] {
  const names = new Map(snapshot.bodies.map((body) => [body.id, body.name]));
  return snapshot.seats
    .filter((seat) => seat.recommended)
    .map((seat) => ({ body: names.get(seat.bodyId) ?? '', label: seat.label }));
}

export function evaluate(ruleSets: RuleSet[], snapshot: Snapshot): RuleResult[] {
  const results: RuleResult[] = [];
  const read = reader(snapshot);
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
        const outcome = check(snapshot, rule.condition, read);
        results.push({
          ...base,
          status: outcome.status,
          ...(outcome.reason && outcome.status !== 'met' ? { reason: outcome.reason } : {}),
          evidence: outcome.evidence,
          ...(outcome.status === 'met' ? { rarelyAttended: rarelyAttended(outcome.evidence) } : {}),
        });
      }
    }
  }
  return results;
}

/** How many rules came out each way. */
export function countOutcomes(results: RuleResult[]): Record<Outcome, number> {
  const counts = Object.fromEntries(outcomes.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const result of results) counts[result.status] += 1;
  return counts;
}
