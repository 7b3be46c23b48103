// Elections at meetings (issue 24, ADR 0037): an election to a seat of one of the meeting's
// bodies, with its nominees, who proposed and seconded each, the votes for each or "by
// acclamation", and the result. Recording the result appoints the person elected to the seat
// from the meeting's date, in the same transaction, through the membership module's own rules
// (`appointIn`): a seat already full (its holders named) or a person who already holds it is
// refused, and then nothing is recorded.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { formatDate } from '../../platform/dates.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB } from '../../schema.ts';
import type { MembershipService } from '../membership/index.ts';
import { electionsRepository as elections, type ElectionRow } from './elections.repository.ts';
import { meetingById, type MeetingRow, hasHappened, londonParts } from '../meetings/index.ts';

export interface NomineeInput {
  personId: string;
  proposedBy: string | null;
  secondedBy: string | null;
  votes: number | null;
}

export interface ElectionInput {
  seatId: string;
  /** The office as the minutes name it; the seat's label when not given. */
  office: string | null;
  byAcclamation: boolean;
  nominees: NomineeInput[];
  /** Which nominee was elected (0 for the first), or null: nobody was. */
  elected: number | null;
  notes: string | null;
}

export interface ElectionEntry extends ElectionRow {
  electedName: string | null;
  /** The result in words: "Elected by acclamation", "Elected by 9 votes to 4", "Nobody was elected". */
  result: string;
}

const refuse = (path: string, message: string) => new RuleViolation([{ path, message }]);
const nameOf = (person: { name: string; youngPerson: boolean }) =>
  person.youngPerson ? 'a young person' : person.name;

/** The result of an election in words. */
export function resultText(election: Pick<ElectionRow, 'byAcclamation' | 'electedPersonId' | 'nominees'>) {
  const elected = election.nominees.find((nominee) => nominee.personId === election.electedPersonId);
  if (!elected) return 'Nobody was elected';
  if (election.byAcclamation) return 'Elected by acclamation';
  const others = election.nominees.filter((nominee) => nominee !== elected).map((n) => n.votes ?? 0);
  const votes = (count: number | null) => `${count ?? 0} ${count === 1 ? 'vote' : 'votes'}`;
  return others.length
    ? `Elected with ${votes(elected.votes)} to ${others.join(' and ')}`
    : `Elected with ${votes(elected.votes)}`;
}

export function electionsService(db: Database<DB>, membership: MembershipService) {
  const entry = (row: ElectionRow): ElectionEntry => {
    const elected = row.nominees.find((nominee) => nominee.personId === row.electedPersonId);
    return { ...row, electedName: elected ? nameOf(elected) : null, result: resultText(row) };
  };

  async function meetingOf(caller: Caller, meetingId: string): Promise<MeetingRow> {
    const meeting = await inTenant(db, caller, 'partnership.read', (trx) => meetingById(trx, meetingId));
    if (!meeting) throw notFound();
    return meeting;
  }

  /** The seats of the meeting's bodies that exist on its date, with their holders then. */
  async function seatsOn(caller: Caller, meeting: MeetingRow) {
    const date = londonParts(meeting.startsAt).date;
    const lists = await Promise.all(meeting.bodies.map((body) => membership.seats(caller, body.id, date)));
    return lists.flatMap((seats, index) =>
      seats.map((seat) => ({ ...seat, bodyName: meeting.bodies[index]!.name })),
    );
  }

  /** What the form offers: the seats of the meeting's bodies on its date, and the people. */
  async function choices(caller: Caller, meeting: MeetingRow) {
    const [seats, people] = await Promise.all([seatsOn(caller, meeting), membership.people(caller)]);
    return { seats, people };
  }

  return {
    /** The elections recorded at a meeting, each with its result in words. */
    async ofMeeting(caller: Caller, meetingId: string): Promise<ElectionEntry[]> {
      const rows = await inTenant(db, caller, 'partnership.read', (trx) =>
        elections.ofMeetings(trx, [meetingId]),
      );
      return rows.map(entry);
    },

    choices,

    /** Records an election and, when someone was elected, appoints them from the meeting's date. */
    async record(caller: Caller, meetingId: string, input: ElectionInput): Promise<string> {
      const meeting = await meetingOf(caller, meetingId);
      if (meeting.state === 'cancelled')
        throw refuse('seatId', 'The meeting was cancelled: no election was held at it');
      if (!hasHappened(meeting))
        throw refuse('seatId', 'The meeting has not happened yet: record the election after it');
      const date = londonParts(meeting.startsAt).date;
      const { seats, people } = await choices(caller, meeting);
      const seat = seats.find((candidate) => candidate.id === input.seatId);
      if (!seat)
        throw refuse(
          'seatId',
          `Select a seat of ${meeting.bodies.map((body) => body.name).join(' or ')} that exists on ${formatDate(date)}`,
        );
      if (seat.recommended)
        throw refuse(
          'seatId',
          `“${seat.label}” is recommended, not constituted: nobody can be elected to it until it is. Change the seat first`,
        );
      if (!input.nominees.length) throw refuse('nominee1Person', 'Select the nominee');
      const named = input.nominees.map((nominee, index) => {
        const person = people.find((candidate) => candidate.id === nominee.personId);
        if (!person) throw refuse(`nominee${index + 1}Person`, 'Select a person of this partnership');
        return { ...nominee, person, field: `nominee${index + 1}` };
      });
      for (const [index, nominee] of named.entries())
        if (named.findIndex((other) => other.personId === nominee.personId) < index)
          throw refuse(
            `${nominee.field}Person`,
            `${nameOf(nominee.person)} is named as a nominee more than once`,
          );
      const elected = input.elected === null ? null : named[input.elected];
      if (input.elected !== null && !elected)
        throw refuse('elected', 'The person elected must be one of the nominees named');
      if (input.byAcclamation) {
        if (named.length > 1)
          throw refuse(
            'byAcclamation',
            `An election by acclamation has one nominee, and ${named.length} are named: record the votes for each instead`,
          );
        const counted = named.find((nominee) => nominee.votes !== null);
        if (counted)
          throw refuse(
            `${counted.field}Votes`,
            'No votes are counted in an election by acclamation: leave the votes blank',
          );
        if (!elected) throw refuse('elected', 'By acclamation the nominee is elected: select them');
      } else if (named.length > 1) {
        // one nominee "put to the vote and carried" may have no figures minuted (issue 24);
        // between several, the votes say who won
        const uncounted = named.find((nominee) => nominee.votes === null);
        if (uncounted)
          throw refuse(
            `${uncounted.field}Votes`,
            `Enter the votes for ${nameOf(uncounted.person)}, or record the election as by acclamation`,
          );
        const most = named.reduce((best, nominee) => (nominee.votes! > best.votes! ? nominee : best));
        if (elected && elected.votes! < most.votes!)
          throw refuse(
            'elected',
            `${nameOf(elected.person)} had ${elected.votes} votes, fewer than ${nameOf(most.person)} (${most.votes}): select the nominee with the most votes`,
          );
      }
      const office = input.office ?? seat.label;
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const id = await elections.insert(trx, partnershipId, {
          meetingId: meeting.id,
          seatId: seat.id,
          office,
          byAcclamation: input.byAcclamation,
          electedPersonId: elected?.personId ?? null,
          notes: input.notes,
          nominees: named.map((nominee, index) => ({
            position: index + 1,
            personId: nominee.personId,
            proposedBy: nominee.proposedBy,
            secondedBy: nominee.secondedBy,
            votes: nominee.votes,
          })),
        });
        let membershipId: string | null = null;
        if (elected) {
          const seconded = [
            elected.proposedBy && `proposed by ${elected.proposedBy}`,
            elected.secondedBy && `seconded by ${elected.secondedBy}`,
          ].filter(Boolean);
          try {
            membershipId = await membership.appointIn(trx, caller, {
              seatId: seat.id,
              personId: elected.personId,
              startsOn: date,
              notes: `Elected ${office} at ${meeting.title} on ${formatDate(date)}${seconded.length ? ` (${seconded.join(', ')})` : ''}`,
            });
          } catch (error) {
            if (!(error instanceof RuleViolation)) throw error;
            throw new RuleViolation(
              error.problems.map((problem) => ({
                path: 'elected',
                message: `${nameOf(elected.person)} cannot be appointed to “${seat.label}” from ${formatDate(date)}: ${problem.message}`,
              })),
            );
          }
          await elections.setMembership(trx, id, membershipId);
        }
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'election',
          entityId: id,
          summary: `Recorded the election of ${office} at ${meeting.title}: ${elected ? `${nameOf(elected.person)} elected` : 'nobody elected'}`,
          after: {
            meetingId: meeting.id,
            seatId: seat.id,
            office,
            byAcclamation: input.byAcclamation,
            nominees: named.map((nominee) => ({
              person: nominee.person.youngPerson ? undefined : nominee.person.name,
              proposedBy: nominee.proposedBy,
              secondedBy: nominee.secondedBy,
              votes: nominee.votes,
            })),
            elected: elected && !elected.person.youngPerson ? elected.person.name : undefined,
            membershipId,
          },
        });
        return id;
      });
    },
  };
}

export type ElectionsService = ReturnType<typeof electionsService>;
