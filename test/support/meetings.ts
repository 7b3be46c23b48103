// The meeting most meetings tests start from: a partnership's board and one meeting of it, on
// 21 January 2009 at 10:00 (Nottinghamshire's board, as the source document has it).
import type { Caller } from '../../src/platform/http/auth.ts';
import type { ExpectedMember } from '../../src/modules/attendance/index.ts';
import type { Services } from '../../src/services.ts';

type ItemPurpose = Parameters<Services['agenda']['addItem']>[2]['purpose'];

export async function makeBoardMeeting(
  services: Services,
  caller: Caller,
  options: { state?: 'scheduled' | 'held' | 'cancelled'; date?: string } = {},
): Promise<{ boardId: string; meetingId: string }> {
  const board = await services.bodies.create(caller, {
    slug: 'board',
    name: 'Partnership Board',
    kind: 'board',
    takesDecisions: true,
    status: 'established',
    statusOn: '2005',
  });
  const meetingId = await services.meetings.create(caller, {
    title: 'Partnership Board',
    kind: 'board-meeting',
    bodyIds: [board.id],
    date: options.date ?? '2009-01-21',
    startTime: '10:00',
    state: options.state ?? 'held',
  });
  return { boardId: board.id, meetingId };
}

/** People of the partnership by a test's own keys: [key, name, email or null]. */
export async function addPeople(
  services: Services,
  caller: Caller,
  entries: readonly (readonly [string, string, string | null])[],
): Promise<Record<string, string>> {
  const people: Record<string, string> = {};
  for (const [key, name, email] of entries)
    people[key] = await services.membership.addPerson(caller, {
      name,
      jobTitle: null,
      email,
      phone: null,
      youngPerson: false,
      notes: null,
    });
  return people;
}

/** Item 5, public, and item 6, exempt under paragraph 3, of a meeting: their ids. */
export async function addPublicAndExemptItems(
  services: Services,
  caller: Caller,
  meetingId: string,
  purpose: ItemPurpose,
  titles: { public: string; exempt: string } = { public: 'Item 5', exempt: 'Item 6' },
): Promise<Record<'public' | 'exempt', string>> {
  const item = (key: 'public' | 'exempt', number: number, exempt: boolean) =>
    services.agenda.addItem(caller, meetingId, {
      number,
      title: titles[key],
      purpose,
      presenter: null,
      exempt,
      exemptParagraph: exempt ? 3 : null,
      exemptReason: null,
    });
  return { public: await item('public', 5, false), exempt: await item('exempt', 6, true) };
}

/** A member expected at a meeting, for the register's rules: seat, person and membership named by `id`. */
export const expectedMember = (id: string, values: Partial<ExpectedMember> = {}): ExpectedMember => ({
  membershipId: `m-${id}`,
  bodyId: 'board',
  seatLabel: `Seat ${id}`,
  voting: true,
  category: null,
  personId: `p-${id}`,
  personName: `Person ${id}`,
  youngPerson: false,
  organisationId: null,
  organisationName: null,
  startsOn: null,
  endsOn: null,
  substitutes: [],
  ...values,
});
