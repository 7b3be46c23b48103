// The rules for a declaration of interest at a meeting, pure so that each is unit-tested: who
// may declare (the people on the meeting's register: its members on the date, substitutes and
// those in attendance), on which item, and what a member may declare for themselves.
import { activeOn, displayName, type AttendanceRecord, type ExpectedMember } from './attendance.ts';

export interface Declarant {
  id: string;
  name: string;
}

/** Everyone on the meeting's register: the members on its date, then substitutes and others in attendance. */
export function declarants(
  date: string,
  members: ExpectedMember[],
  records: AttendanceRecord[],
  youngPeople: Set<string>,
): Declarant[] {
  const found = new Map<string, Declarant>();
  for (const member of members.filter((m) => activeOn(m, date)))
    if (!found.has(member.personId))
      found.set(member.personId, { id: member.personId, name: displayName(member) });
  for (const record of records)
    if (['substitute', 'in-attendance', 'guest'].includes(record.status) && !found.has(record.personId))
      found.set(record.personId, {
        id: record.personId,
        name: displayName({ personName: record.personName, youngPerson: youngPeople.has(record.personId) }),
      });
  return [...found.values()];
}

export interface DeclarationInput {
  agendaItemId: string;
  personId: string;
  kind: string;
  nature: string;
  participation: string;
  interestId: string | null;
}

export interface DeclarationContext {
  cancelled: boolean;
  happened: boolean;
  /** The meeting's items the caller may see. */
  itemIds: string[];
  people: Declarant[];
  /** The caller's own people, when they may declare only for themselves; null for a clerk or editor. */
  own: string[] | null;
  /** Entries of the register of interests of the people on the register. */
  interests: { id: string; personId: string }[];
}

export interface Problem {
  path: string;
  message: string;
}

/** Every reason the declaration cannot be recorded; none means it can. */
export function declarationProblems(input: DeclarationInput, context: DeclarationContext): Problem[] {
  if (context.cancelled)
    return [{ path: 'agendaItemId', message: 'The meeting was cancelled: there is nothing to declare at' }];
  const problems: Problem[] = [];
  if (!context.itemIds.includes(input.agendaItemId))
    problems.push({ path: 'agendaItemId', message: 'Select an item on this meeting’s agenda' });
  const person = context.people.find((candidate) => candidate.id === input.personId);
  if (!person)
    problems.push({
      path: 'personId',
      message: 'Select someone on this meeting’s attendance register or in attendance',
    });
  else if (context.own && !context.own.includes(person.id))
    problems.push({
      path: 'personId',
      message: 'You can declare only your own interests: ask the clerk to record anyone else’s',
    });
  else if (context.own && context.happened)
    problems.push({
      path: 'personId',
      message: 'The meeting has already started: ask the clerk to record your declaration',
    });
  if (!input.nature.trim()) problems.push({ path: 'nature', message: 'Describe the nature of the interest' });
  if (
    input.interestId &&
    !context.interests.some((entry) => entry.id === input.interestId && entry.personId === input.personId)
  )
    problems.push({
      path: 'interestId',
      message: `Select an entry of ${person ? `${person.name}’s` : 'the person’s'} register of interests, or none`,
    });
  return problems;
}
