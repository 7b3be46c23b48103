// What needs doing, for the partnership's overview (issue 23 item 2; ADR 0049): the next
// meetings, and what is owed or wrong, each with a link to where it is done; and, for a new
// partnership, the first steps (the board, its seats, its members, the first meeting) until they
// are done. Gathered here, in the composition root, from the modules' public services only
// (each through its index.ts), as the overview's other parts are: the partnerships module
// cannot depend on the modules it shows.
import type { Caller } from './platform/http/auth.ts';
import { today } from './platform/http/date-input.ts';
import { can } from './platform/http/permissions.ts';
import { formatDate, formatDateTime } from './platform/dates.ts';
import { isExternal } from './modules/bodies/index.ts';
import type { Services } from './services.ts';

/** One thing to do: what it is (a kind, for the page's headings and the tests), its words and where. */
export interface ToDo {
  kind: ToDoKind;
  text: string;
  href: string;
}

export const toDoKinds = {
  'next-meeting': 'Next meetings',
  'papers-missing': 'Papers missing for the next meeting',
  'overdue-action': 'Overdue actions',
  'plan-update': 'Plan updates missing',
  'draft-minutes': 'Draft minutes awaiting approval',
  'no-register': 'Meetings with no attendance recorded',
  inquorate: 'Meetings that were not quorate',
} as const;
export type ToDoKind = keyof typeof toDoKinds;

/** A first step for a new partnership: done or not, and where it is done. */
export interface FirstStep {
  text: string;
  href: string;
  done: boolean;
}

/** How far back the overview looks for meetings still owing something: a year. */
const lookBackDays = 365;
/** How many next meetings it names, and how many of one kind before "and n more". */
const nextMeetings = 3;
const most = 5;

const daysBefore = (on: string, days: number) => new Date(Date.parse(`${on}T00:00:00Z`) - days * 86_400_000);

/** The first `most` of a kind, then one line saying how many more, linking to the whole list. */
function capped(items: ToDo[], more: { text: (n: number) => string; href: string }): ToDo[] {
  if (items.length <= most) return items;
  const rest = items.length - most;
  return [...items.slice(0, most), { kind: items[0]!.kind, text: more.text(rest), href: more.href }];
}

type OverviewServices = Pick<
  Services,
  'bodies' | 'membership' | 'meetings' | 'agenda' | 'attendance' | 'record' | 'plans'
>;

export async function toDoList(
  services: OverviewServices,
  caller: Caller,
  slug: string,
  options: { on?: string; now?: Date } = {},
): Promise<{
  toDo: ToDo[];
  toDoGroups: { kind: ToDoKind; label: string; items: ToDo[] }[];
  firstSteps: FirstStep[] | null;
}> {
  const on = options.on ?? today();
  const now = options.now ?? new Date();
  const base = `/partnerships/${slug}`;
  const meetingHref = (id: string) => `${base}/meetings/${id}`;
  // each link goes where the caller can do it: a form, or else the page that shows it
  const updates = can(caller, 'partnership.contribute');
  const edits = can(caller, 'partnership.edit');

  const [bodies, meetings, log, plans] = await Promise.all([
    services.bodies.list(caller),
    services.meetings.list(caller, { from: daysBefore(on, lookBackDays) }),
    services.record.actions(caller, { status: 'open' }),
    services.plans.current(caller, on),
  ]);
  const live = meetings.filter((m) => m.state !== 'cancelled');
  const upcoming = live.filter((m) => m.state !== 'held' && m.startsAt.getTime() > now.getTime());
  const past = live.filter((m) => m.state === 'held' || m.startsAt.getTime() <= now.getTime());
  const name = (m: { title: string; startsAt: Date }) => `${m.title} on ${formatDateTime(m.startsAt)}`;
  const toDo: ToDo[] = [];

  for (const meeting of upcoming.slice(0, nextMeetings))
    toDo.push({ kind: 'next-meeting', text: name(meeting), href: meetingHref(meeting.id) });

  // the next meeting's items for decision, discussion or consultation with no paper or report
  const next = upcoming[0];
  if (next) {
    const items = (await services.agenda.agenda(caller, next.id)).filter((item) => !item.withheld);
    if (!items.length)
      toDo.push({
        kind: 'papers-missing',
        text: `${name(next)} has no agenda yet`,
        href: `${meetingHref(next.id)}#agenda`,
      });
    for (const item of items)
      if (item.purpose !== 'information' && !item.papers.length && !item.hasReport)
        toDo.push({
          kind: 'papers-missing',
          text: `Item ${item.number}, ${item.title ?? 'untitled'}, of ${name(next)} has no paper or report`,
          href: `${meetingHref(next.id)}#item-${item.number}`,
        });
  }

  toDo.push(
    ...capped(
      log.actions
        .filter((action) => action.overdue)
        .map((action) => ({
          kind: 'overdue-action' as const,
          text: `${action.reference ? `${action.reference}: ` : ''}${action.text} (${action.owner}), due ${formatDate(action.dueOn)}`,
          href: updates ? `${base}/actions/${action.id}/update` : `${base}/actions?status=open`,
        })),
      { text: (n) => `and ${n} more overdue actions`, href: `${base}/actions?status=open` },
    ),
  );

  toDo.push(
    ...capped(
      plans.flatMap((detail) =>
        detail.priorities.flatMap((priority) =>
          priority.actions
            .filter((action) => action.overdue)
            .map((action) => ({
              kind: 'plan-update' as const,
              text: `${action.text} (${detail.plan.title}): ${
                action.overduePeriods.length
                  ? `an update is owed for ${action.overduePeriods.map((period) => period.label).join(', ')}`
                  : `due ${formatDate(action.dueOn)}, not completed`
              }`,
              href: `${base}/plans/${detail.plan.slug}/actions/${action.id}`,
            })),
        ),
      ),
      { text: (n) => `and ${n} more plan actions owing an update`, href: `${base}/exceptions` },
    ),
  );

  // the meetings of the last year: draft minutes, no register, not quorate
  const records = await Promise.all(
    past.map(async (meeting) => ({
      meeting,
      record: await services.record.ofMeeting(caller, meeting.id),
      attendance: await services.attendance.register(caller, meeting.id),
    })),
  );
  const newestFirst = [...records].reverse();
  toDo.push(
    ...capped(
      newestFirst
        .filter(({ record }) => record.minutes.some((minute) => minute.status === 'draft'))
        .map(({ meeting }) => ({
          kind: 'draft-minutes' as const,
          text: `The minutes of ${name(meeting)} are a draft: approve them at the next meeting`,
          href: `${meetingHref(meeting.id)}#minutes`,
        })),
      { text: (n) => `and ${n} more meetings with draft minutes`, href: `${base}/meetings` },
    ),
  );
  toDo.push(
    ...capped(
      newestFirst
        .filter(({ attendance }) => attendance.register.scope === null)
        .map(({ meeting }) => ({
          kind: 'no-register' as const,
          text: `No attendance is recorded for ${name(meeting)}`,
          href: edits ? `${meetingHref(meeting.id)}/attendance` : `${meetingHref(meeting.id)}#attendance`,
        })),
      { text: (n) => `and ${n} more meetings with no attendance recorded`, href: `${base}/meetings` },
    ),
  );
  for (const { meeting, attendance } of newestFirst) {
    // quorum is judged only once a register is taken
    if (attendance.register.scope === null) continue;
    const short = attendance.register.quorum.filter((q) => q.result.met === false);
    for (const q of short) {
      const body = meeting.bodies.find((b) => b.id === q.bodyId)?.name ?? 'The body';
      toDo.push({
        kind: 'inquorate',
        text: `${name(meeting)} was not quorate for ${body}: ${q.result.present} voting ${q.result.present === 1 ? 'member' : 'members'} present${q.result.required ? ` of the ${q.result.required} needed` : ''}`,
        href: `${meetingHref(meeting.id)}#attendance`,
      });
    }
  }

  const toDoGroups = (Object.keys(toDoKinds) as ToDoKind[])
    .map((kind) => ({ kind, label: toDoKinds[kind], items: toDo.filter((t) => t.kind === kind) }))
    .filter((group) => group.items.length);
  return {
    toDo,
    toDoGroups,
    // the first steps are forms: for those who may fill them in
    firstSteps: edits ? await firstSteps(services, caller, base, bodies, meetings.length > 0) : null,
  };
}

/** The first steps, or null once every one is done (then the list is not shown). */
async function firstSteps(
  services: OverviewServices,
  caller: Caller,
  base: string,
  bodies: Awaited<ReturnType<Services['bodies']['list']>>,
  anyMeeting: boolean,
): Promise<FirstStep[] | null> {
  const own = bodies.filter((body) => !isExternal(body.kind));
  const board = own.find((body) => body.kind === 'board') ?? own[0];
  const seats = board ? await services.membership.seats(caller, board.id, today(), { all: true }) : [];
  const members = board ? await services.membership.memberships(caller, { bodyId: board.id }) : [];
  const meetings = anyMeeting || (board ? (await services.meetings.list(caller, {})).length > 0 : false);
  const steps: FirstStep[] = [
    { text: 'Add the board', href: `${base}/bodies/new`, done: Boolean(board) },
    {
      text: 'Add the board’s seats',
      href: board ? `${base}/bodies/${board.slug}/seats/new` : `${base}/bodies/new`,
      done: seats.length > 0,
    },
    {
      text: 'Appoint its members',
      href: board ? `${base}/bodies/${board.slug}/seats` : `${base}/bodies/new`,
      done: members.length > 0,
    },
    { text: 'Schedule the first meeting', href: `${base}/meetings/new`, done: meetings },
  ];
  return steps.every((step) => step.done) ? null : steps;
}
