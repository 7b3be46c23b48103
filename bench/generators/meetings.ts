// Every partnership's board meetings (meetings.plan.ts says what): each meeting with its agenda,
// and for a meeting held its attendance register (built from the board's seats on its date),
// decisions and actions, made through the meetings services as the system, so the rules and
// the audit trail apply. One transaction a meeting (the services' `…Within` calls, as the seed
// importer uses them): a meeting is there whole or not at all. Actions closed at the next
// meeting are updated afterwards, each in its own transaction as an editor would.
//
// Idempotent and resumable: the whole plan is drawn first (every random draw is in the plan);
// then only the meetings missing (by date and title) are made. A finished partnership costs
// two reads.
import { systemCaller } from '../../src/platform/http/auth.ts';
import { londonParts } from '../../src/modules/meetings/index.ts';
import { inTenant } from '../../src/platform/tenant.ts';
import type { Services } from '../../src/services.ts';
import { benchBoardSlug } from '../identities.ts';
import type { GeneratorStep } from './context.ts';
import { attendanceOf, planMeetings, type PlannedMeeting } from './meetings.plan.ts';

type RegisterInput = Parameters<Services['attendance']['recordWithin']>[4];

const parts = ['meeting and agenda', 'register', 'decisions and actions', 'action updates'] as const;
type Part = (typeof parts)[number];

const activeOn = (held: { startsOn: string | null; endsOn: string | null }, date: string) =>
  (!held.startsOn || held.startsOn <= date) && (!held.endsOn || held.endsOn >= date);

const at = <T>(items: readonly T[], draw: number): T | undefined =>
  items[Math.min(items.length - 1, Math.floor(draw * items.length))];

export const meetingsStep: GeneratorStep = {
  name: 'meetings',
  async run({ services, db, caller, random, options, partnerships, say, progress }) {
    const spent = Object.fromEntries(parts.map((part) => [part, 0])) as Record<Part, number>;
    const timed = async <T>(part: Part, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        spent[part] += performance.now() - started;
      }
    };
    const made = { meetings: 0, cancelled: 0, items: 0, registered: 0, decisions: 0, actions: 0 };
    let complete = 0;

    for (const [index, partnership] of partnerships.entries()) {
      const plan = planMeetings(random, options.meetingYears);
      const inPartnership = systemCaller(caller.actor.label, partnership.id);
      const board = (await services.bodies.list(inPartnership)).find((body) => body.slug === benchBoardSlug);
      if (!board) throw new Error(`${partnership.slug} has no board: run the structure step first`);
      const existing = new Set(
        (await services.meetings.list(inPartnership, { bodyId: board.id })).map(
          (meeting) => `${londonParts(meeting.startsAt).date} ${meeting.title}`,
        ),
      );
      const missing = plan.filter((meeting) => !existing.has(`${meeting.date} ${meeting.title}`));
      if (!missing.length) {
        complete += 1;
        progress(index + 1, partnerships.length);
        continue;
      }
      const [memberships, seats, people, organisations] = await Promise.all([
        services.membership.memberships(inPartnership, { bodyId: board.id }),
        services.membership.seats(inPartnership, board.id),
        services.membership.people(inPartnership),
        services.membership.organisations(inPartnership),
      ]);
      const inAttendanceSeats = new Set(
        seats.filter((seat) => seat.role === 'in-attendance').map((seat) => seat.id),
      );

      /** The register of a meeting held: every member expected on its date, as drawn. */
      const registerOf = (meeting: PlannedMeeting) => {
        const active = memberships.filter((held) => activeOn(held, meeting.date));
        const expected = active.filter((held) => !inAttendanceSeats.has(held.seatId));
        const onBoard = new Set(expected.map((held) => held.personId));
        const byPerson = new Map<string, ReturnType<typeof attendanceOf>>();
        const taken = new Set(onBoard);
        const input: RegisterInput = { members: [], inAttendance: [] };
        expected.forEach((held, row) => {
          const substitutes = held.substitutes.filter((s) => !taken.has(s.id));
          // A person on two seats attends (or not) once.
          const drawn =
            byPerson.get(held.personId) ??
            attendanceOf(meeting.attendance[row % 40]!, substitutes.length > 0);
          byPerson.set(held.personId, drawn);
          const substitute = drawn.substitute ? substitutes[0] : undefined;
          if (substitute) taken.add(substitute.id);
          input.members.push({
            membershipId: held.id,
            status: drawn.status,
            ...(substitute ? { substituteId: substitute.id } : {}),
          });
        });
        const officers = people.filter((person) => !person.youngPerson && !taken.has(person.id));
        const attending = [
          ...active.filter((held) => inAttendanceSeats.has(held.seatId)).map((held) => held.personId),
          ...meeting.inAttendance.flatMap((draw) => at(officers, draw)?.id ?? []),
        ];
        input.inAttendance = [...new Set(attending)].filter((id) => !taken.has(id));
        // Who may own an action: a member present who is not a young person (the rule).
        const present = expected.filter(
          (held) => !held.youngPerson && byPerson.get(held.personId)?.status === 'present',
        );
        return { input, present };
      };

      for (const meeting of missing) {
        const closing = await inTenant(db, inPartnership, 'partnership.edit', async (trx, partnershipId) => {
          const created = await timed('meeting and agenda', async () => {
            const meetingId = await services.meetings.createWithin(trx, partnershipId, inPartnership, {
              title: meeting.title,
              kind: meeting.kind,
              bodyIds: [board.id],
              date: meeting.date,
              startTime: meeting.startTime,
              endTime: meeting.endTime,
              place: meeting.place,
              state: meeting.state,
              notes: meeting.notes,
            });
            const itemIds: string[] = [];
            for (const {
              number,
              title,
              purpose,
              presenter,
              exempt,
              exemptParagraph,
              exemptReason,
            } of meeting.items)
              itemIds.push(
                await services.agenda.addWithin(trx, partnershipId, inPartnership, meetingId, {
                  number,
                  title,
                  purpose,
                  presenter,
                  exempt,
                  exemptParagraph,
                  exemptReason,
                }),
              );
            return { meetingId, itemIds };
          });
          if (meeting.state === 'cancelled') return [];
          const { input, present } = registerOf(meeting);
          await timed('register', () =>
            services.attendance.recordWithin(trx, partnershipId, inPartnership, created.meetingId, input),
          );
          return timed('decisions and actions', async () => {
            for (const decision of meeting.decisions)
              await services.record.decideWithin(
                trx,
                partnershipId,
                inPartnership,
                created.meetingId,
                created.itemIds[decision.item]!,
                {
                  text: `Agreed the recommendations of item ${decision.item + 1} (illustrative).`,
                  delegatedTo: decision.delegatedTo,
                },
              );
            const closing: { id: string; fate: 'done' | 'dropped' }[] = [];
            for (const action of meeting.actions) {
              const owner = at(present, action.owner);
              const id = await services.record.raiseWithin(
                trx,
                partnershipId,
                inPartnership,
                created.meetingId,
                {
                  agendaItemId: action.item === null ? null : created.itemIds[action.item]!,
                  text: action.text,
                  ownerPersonId: owner?.personId ?? null,
                  ownerOrganisationId: owner ? null : (at(organisations, action.owner)?.id ?? null),
                  dueOn: action.dueOn,
                },
              );
              if (action.fate !== 'open') closing.push({ id, fate: action.fate });
            }
            return closing;
          });
        });
        made.meetings += 1;
        if (meeting.state === 'cancelled') made.cancelled += 1;
        else {
          made.items += meeting.items.length;
          made.registered += 1;
          made.decisions += meeting.decisions.length;
          made.actions += meeting.actions.length;
        }
        await timed('action updates', async () => {
          for (const { id, fate } of closing)
            await services.record.updateAction(inPartnership, id, {
              text: fate === 'done' ? 'Done: reported at the next meeting.' : 'Dropped: overtaken by events.',
              status: fate,
            });
        });
      }
      progress(index + 1, partnerships.length);
    }

    say(
      `made ${made.meetings} meetings (${made.cancelled} cancelled), ${made.items} agenda items, ` +
        `${made.registered} registers, ${made.decisions} decisions, ${made.actions} actions` +
        `${complete ? ` (${complete} partnerships already complete)` : ''}`,
    );
    say(
      `time: ${parts.map((part) => `${part} ${(spent[part] / 1000).toFixed(1)} s`).join(', ')}` +
        (made.meetings
          ? `; ${(Object.values(spent).reduce((sum, ms) => sum + ms, 0) / made.meetings).toFixed(1)} ms a meeting`
          : ''),
    );
  },
};
