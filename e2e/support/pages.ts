// An axe check (WCAG 2.2 AA) on every page the service has, in each state that shows
// something different: empty, with errors, with a message, as each kind of user.
//
// The sweep runs in two halves, side by side (e2e/accessibility-1 and -2, e2e/support/sweep.ts).
// To check a new page, add it to `pages`: its name, its address (or a function that makes
// the data it needs and returns the address), who looks at it, the h1 that proves it is the
// right page, and optionally a `setup` that brings it into the state to check (e.g. submits
// its form empty to show the errors).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { systemCaller } from '../../src/platform/http/auth.ts';
import { homePartnership, type E2eServer, type UserKey } from '../../test/support/e2e-server.ts';
import { andWait } from './browser.ts';
import { responseLink, surveyFor } from './surveys.ts';
import { openConsultationLink, voiceFor } from './voice.ts';

export interface PageToCheck {
  name: string;
  /** The address, or a function that makes the data the page needs and returns it. */
  path: string | ((server: E2eServer) => Promise<string>);
  /** Who looks at the page. */
  as: UserKey | 'signedOut';
  /** The page's h1, to be sure that the page checked is the one meant. */
  heading: string | RegExp;
  /** The HTTP status of the page as first loaded (200 unless said). */
  status?: number;
  /** After loading: brings the page into the state to check. */
  setup?: (page: Page, server: E2eServer) => Promise<void>;
}

/** The page as it opens, and again in another state (named after it) that `setup` brings it to. */
const andIn = (page: PageToCheck, state: string, setup: NonNullable<PageToCheck['setup']>): PageToCheck[] => [
  page,
  { ...page, name: `${page.name}, ${state}`, setup },
];

const home = `/partnerships/${homePartnership}`;
const dudley = "Dudley Children's Trust";
let unique = 0;
const uniqueEmail = (what: string) => `${what}.${++unique}@example.org`;

/** Presses a form's button and waits for the page that comes back to show its errors. */
const submitShowingErrors = (button: string) => async (page: Page) => {
  await andWait(page, () => page.getByRole('button', { name: button, exact: true }).click());
  await page.locator('.govuk-error-summary').waitFor();
};

/** Empties a field (by its label, exact unless said) and presses the button: the form's errors. */
const emptyingShowsErrors =
  (label: string, button: string, exact = true) =>
  async (page: Page): Promise<void> => {
    await page.getByLabel(label, { exact }).fill('');
    await submitShowingErrors(button)(page);
  };

/**
 * Posts to the page's own address with the page's CSRF token (through the sign-out form's,
 * sent elsewhere) and waits for the refusal: for pages that offer no button when refusing.
 */
const postHereShowingErrors = async (page: Page) => {
  await andWait(page, () =>
    page
      .locator('input[name="_csrf"]')
      .first()
      .evaluate((input: HTMLInputElement) => {
        input.form!.action = window.location.pathname;
        input.form!.submit();
      }),
  );
  await page.locator('.govuk-error-summary').waitFor();
};

/** An invitation to the home partnership, made as the system; returns its join page. */
async function invitationLink(server: E2eServer): Promise<string> {
  const outcome = await server.services.members.add(
    systemCaller('e2e', server.partnershipIds[homePartnership]!),
    { email: uniqueEmail('invited'), role: 'member' },
  );
  if (outcome.outcome !== 'invited') assert.fail(`Expected an invitation, got ${outcome.outcome}`);
  return `/join/${homePartnership}/${outcome.token}`;
}

/** A page of Dudley's first seat on its Trust Board: 'edit' or 'appoint'. */
async function seatPage(server: E2eServer, what: 'edit' | 'appoint' | 'remove'): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
  const [seat] = await server.services.membership.seats(caller, board.id);
  return `${home}/bodies/trust-board/seats/${seat!.id}/${what}`;
}

/**
 * An organisation of the home partnership that ended on 31 March 2013, succeeded by another,
 * with a seat on its Trust Board held on its behalf (made once): its id and the seat's.
 */
let endedOrganisation: Promise<{ id: string; seatId: string }> | undefined;
function organisationThatEnded(server: E2eServer) {
  endedOrganisation ??= (async () => {
    const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
    const { addOrganisation, addSeat } = server.services.membership;
    const successorId = await addOrganisation(caller, {
      name: 'NHS Dudley Clinical Commissioning Group',
      sector: 'health',
      category: 'health-commissioner',
      notes: null,
    });
    const id = await addOrganisation(caller, {
      name: 'Dudley Primary Care Trust (ended)',
      sector: 'health',
      category: 'health-commissioner',
      notes: null,
      endsOn: '2013-03-31',
      successorId,
    });
    const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
    const seatId = await addSeat(caller, board.id, {
      label: 'The Primary Care Trust',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      capacity: 1,
      organisationId: id,
    });
    return { id, seatId };
  })();
  return endedOrganisation;
}

/** A day from today, as ISO: the overview's list is about what is due around today. */
const dayFromToday = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The overview of a partnership made for the sweep (issue 23): new, with its first steps
 * ('new'), or under way with one of each thing to do ('busy'): a next meeting with an item
 * lacking its paper, an overdue action, draft minutes, a meeting with no register and one that
 * was not quorate.
 */
const overviews = new Map<string, Promise<string>>();
function overviewOf(server: E2eServer, state: 'new' | 'busy'): Promise<string> {
  const made =
    overviews.get(state) ??
    (async () => {
      const slug = `overview-${state}`;
      const { id } = await server.services.partnerships.create(systemCaller('e2e'), {
        authorityGssCode: 'E08000027',
        name: state === 'new' ? 'A new partnership' : 'A busy partnership',
        slug,
        established: '2009',
        status: 'active',
        published: false,
      });
      if (state === 'new') return `/partnerships/${slug}`;
      const caller = systemCaller('e2e', id);
      const services = server.services;
      const board = await services.bodies.create(caller, {
        slug: 'board',
        name: 'Partnership Board',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2009',
      });
      await services.bodies.update(caller, board.id, {
        slug: 'board',
        name: 'Partnership Board',
        kind: 'board',
        takesDecisions: true,
        quorumRule: { minimum: 2 },
      });
      const personId = await services.membership.addPerson(caller, {
        name: 'Anne Gorton',
        jobTitle: null,
        email: null,
        phone: null,
        youngPerson: false,
        notes: null,
      });
      const seatId = await services.membership.addSeat(caller, board.id, {
        label: 'Chair',
        role: 'chair',
        voting: true,
        howFilled: 'appointed',
        organisationId: null,
        capacity: 1,
      });
      const membershipId = await services.membership.appoint(caller, {
        seatId,
        personId,
        startsOn: dayFromToday(-400),
        endsOn: dayFromToday(40),
      });
      const meeting = (offset: number, state: 'held' | 'scheduled') =>
        services.meetings.create(caller, {
          title: 'Partnership Board',
          kind: 'board-meeting',
          bodyIds: [board.id],
          date: dayFromToday(offset),
          startTime: '10:00',
          state,
        });
      const item = (meetingId: string) =>
        services.agenda.addItem(caller, meetingId, {
          number: 1,
          title: 'Budget',
          purpose: 'decision',
          presenter: null,
          exempt: false,
          exemptParagraph: null,
          exemptReason: null,
        });
      const spring = await meeting(-60, 'held');
      await services.attendance.record(caller, spring, {
        members: [{ membershipId, status: 'absent' }],
        inAttendance: [],
      });
      const last = await meeting(-30, 'held');
      await services.record.writeMinutes(caller, last, await item(last), 'The board agreed the budget.');
      await services.record.raiseAction(caller, last, {
        agendaItemId: null,
        text: 'Circulate the budget',
        ownerPersonId: personId,
        ownerOrganisationId: null,
        ownerToBeConfirmed: false,
        dueOn: dayFromToday(-5),
      });
      await item(await meeting(10, 'scheduled'));
      return `/partnerships/${slug}`;
    })();
  overviews.set(state, made);
  return made;
}

/** The page that ends the first membership on Bolton's Trust. */
async function endMembershipPage(server: E2eServer): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds.bolton!);
  const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust')!;
  const [membership] = await server.services.membership.memberships(caller, { bodyId: board.id });
  return `/partnerships/bolton/bodies/trust/memberships/${membership!.id}/end`;
}

/** One of Bolton's Trust appointments: its page, or a page under it ('/edit'; issue 15). */
async function appointmentPage(server: E2eServer, under = ''): Promise<string> {
  return (await endMembershipPage(server)).replace(/\/end$/, under);
}

/** The page ending a standing substitute of one of Bolton's Trust appointments (one is added). */
async function standingSubstituteEndPage(server: E2eServer): Promise<string> {
  const page = await appointmentPage(server);
  const id = page.split('/').at(-1)!;
  const caller = systemCaller('e2e', server.partnershipIds.bolton!);
  const held = (await server.services.appointments.appointment(caller, id))!;
  const open = held.substitutePeriods.find((sub) => !sub.endsOn);
  if (open) return `${page}/substitutes/${open.id}/end`;
  const other = (await server.services.membership.people(caller)).find(
    (person) => person.id !== held.personId && !held.substitutePeriods.some((sub) => sub.id === person.id),
  )!;
  await server.services.appointments.addSubstitute(caller, id, { personId: other.id });
  return `${page}/substitutes/${other.id}/end`;
}

/** The page of one of Bolton's people. */
async function personPage(server: E2eServer): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds.bolton!);
  const [person] = await server.services.membership.people(caller);
  return `/partnerships/bolton/people/${person!.id}`;
}

/** A meeting of Dudley's Trust Board; returns its page, or a page under it (e.g. '/edit'). */
async function meetingPage(server: E2eServer, under = ''): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
  const id = await server.services.meetings.create(caller, {
    title: 'Trust Board',
    kind: 'board-meeting',
    bodyIds: [board.id],
    date: '2009-09-14',
    startTime: '14:00',
    place: 'Council House, Dudley',
    onlineUrl: 'https://meet.example.org/trust-board',
    state: 'held',
  });
  const item = await server.services.agenda.addItem(
    caller,
    id,
    {
      number: 1,
      title: 'Membership and attendance',
      purpose: 'information',
      presenter: 'Director of Children’s Services',
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    },
    { fileName: 'appendix-3.pdf', content: Buffer.from('%PDF-1.4 appendix') },
  );
  await server.services.agenda.addItem(caller, id, {
    number: 2,
    title: 'Contract award',
    purpose: 'decision',
    presenter: null,
    exempt: true,
    exemptParagraph: 3,
    exemptReason: 'Tender prices',
  });
  return `${home}/meetings/${id}${under.replace(':item', item)}`;
}

/** A Dudley meeting whose board pack has been made ('ready') or could not be ('failed'). */
async function boardPackPage(server: E2eServer, state: 'ready' | 'failed'): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const path = await meetingPage(server);
  const id = path.split('/').pop()!;
  if (state === 'ready') {
    // the agenda's paper is not a real PDF, so the pack is made only once it is removed
    const [item] = await server.services.agenda.agenda(caller, id);
    await server.services.agenda.removePaper(caller, id, item!.papers[0]!.id);
  }
  await server.services.boardPacks.request(caller, id);
  await server.services.boardPacks.idle();
  return path;
}

/** A consultation on a Dudley meeting's item, one question answered; returns its page or one under it. */
async function consultationPage(server: E2eServer, under = ''): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const path = await meetingPage(server, '/agenda/:item');
  const [, meetingId, itemId] = /meetings\/([^/]+)\/agenda\/([^/]+)/.exec(path)!;
  const id = await server.services.consultations.place(caller, meetingId!, itemId!, {
    title: 'Draft guidance',
    issuedBy: 'Department for Children, Schools and Families',
    deadline: '2009-02-10',
    summary: 'Draft revised statutory guidance.',
    questions: ['Does the guidance clarify the roles?', 'Is there anything else it should cover?'],
  });
  await server.services.consultations.answer(caller, id, new Map([[1, 'Yes.']]));
  return `${home}/consultations/${id}${under}`;
}

/** Dudley tracking NI 73 with targets, values by group and a comparator; returns its page. */
export async function indicatorPage(server: E2eServer): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const indicators = server.services.indicators;
  if (!(await indicators.byCode(caller, 'NI 73'))) {
    await indicators.track(caller, 'NI 73');
    for (const [period, target, value] of [
      ['2008/09', 72, 71],
      ['2009/10', 75, 70],
    ] as const) {
      await indicators.setTarget(caller, 'NI 73', {
        period,
        target,
        toleranceKind: 'absolute',
        tolerance: 2,
      });
      await indicators.recordValue(caller, 'NI 73', {
        period,
        value,
        breakdownKind: 'all',
        illustrative: true,
      });
    }
    await indicators.recordValue(caller, 'NI 73', {
      period: '2009/10',
      value: 44,
      breakdownKind: 'group',
      breakdown: 'Looked-after children',
      illustrative: true,
    });
    await indicators.recordComparator(caller, 'NI 73', {
      period: '2009/10',
      comparator: 'england',
      value: 72,
    });
  }
  return `${home}/indicators/NI%2073`;
}

/** Dudley's benchmark of NI 73, with Medway (one of its statistical neighbours) publishing it. */
async function benchmarkPage(server: E2eServer): Promise<string> {
  const path = await indicatorPage(server);
  const medway = systemCaller('e2e', server.partnershipIds.medway!);
  const indicators = server.services.indicators;
  if (!(await indicators.byCode(medway, 'NI 73'))) {
    const tracked = await indicators.track(medway, 'NI 73');
    for (const [period, value] of [
      ['2008/09', 68],
      ['2009/10', 71],
    ] as const)
      await indicators.recordValue(medway, 'NI 73', { period, value, breakdownKind: 'all' });
    await server.services.benchmarking.setPublished(medway, [tracked.id]);
  }
  return `${path}/benchmark`;
}

/** A plan of Dudley's with a priority and a quarterly action; returns the plan's page. */
async function planPage(server: E2eServer): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const plans = server.services.plans;
  if (!(await plans.bySlug(caller, 'e2e-plan'))) {
    await plans.create(caller, {
      slug: 'e2e-plan',
      title: 'Children and Young People’s Plan 2009-2011',
      kind: "children and young people's plan",
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: 'Every child achieves their potential.',
      status: 'draft',
      resourcing: null,
    });
    await plans.addEvidence(caller, 'e2e-plan', {
      kind: 'inspection',
      title: 'Joint Area Review',
      dated: '2006',
    });
    const detail = (await plans.bySlug(caller, 'e2e-plan'))!;
    const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
    const priorityId = await plans.addPriority(caller, 'e2e-plan', {
      title: 'Narrow the gap for looked-after children',
      ownerBodyId: board.id,
      outcomeIds: [detail.outcomes[2]!.id],
      indicatorIds: [],
    });
    const actionId = await plans.addAction(caller, 'e2e-plan', priorityId, {
      text: 'Report progress to the Trust Board',
      leadKind: 'body',
      leadId: board.id,
      partnerIds: [],
      recurrence: 'quarterly',
      recursFrom: '2009-04-01',
      status: 'in progress',
    });
    await plans.addMilestone(caller, 'e2e-plan', actionId, { text: 'First report', dueOn: '2009-06-30' });
    await plans.postUpdate(caller, 'e2e-plan', actionId, {
      reportedOn: '2009-06-20',
      rag: 'amber',
      commentary: 'First report taken.',
    });
    await plans.recordVersion(caller, 'e2e-plan', 'Updated 2009');
  }
  return `${home}/plans/e2e-plan`;
}

/** The first priority's or action's page under Dudley's plan. */
async function planPart(server: E2eServer, part: 'priority' | 'action'): Promise<string> {
  const path = await planPage(server);
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const priority = (await server.services.plans.bySlug(caller, 'e2e-plan'))!.priorities[0]!;
  return part === 'priority'
    ? `${path}/priorities/${priority.id}`
    : `${path}/actions/${priority.actions[0]!.id}`;
}

/**
 * Dudley's plan with an action in the Trust Board's action log raised for its first priority
 * (issue 23), the form that raises one (`raise`) or the one that changes its priority (`change`);
 * returns the page.
 */
async function loggedPriorityPage(server: E2eServer, form?: 'raise' | 'change'): Promise<string> {
  const path = await planPage(server);
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const priority = (await server.services.plans.bySlug(caller, 'e2e-plan'))!.priorities[0]!;
  if (form === 'raise') return `${home}/actions/new?priority=${priority.id}`;
  const logged = async () => (await server.services.record.ofPriorities(caller, [priority.id]))[priority.id];
  if (!(await logged())) {
    const meeting = (await meetingPage(server)).split('/').pop()!;
    await server.services.record.raiseAction(caller, meeting, {
      agendaItemId: null,
      text: 'Map the early help offer in each township',
      ownerPersonId: null,
      ownerOrganisationId: (await server.services.membership.organisations(caller))[0]!.id,
      dueOn: '2009-12-01',
      planPriorityId: priority.id,
    });
  }
  if (form === 'change') return `${home}/actions/${(await logged())![0]!.id}/priority`;
  // not `#priority-…`: after the plan's own page, a fragment alone is no navigation (no response)
  return path;
}

/** The first milestone's change page under Dudley's plan. */
async function milestonePage(server: E2eServer): Promise<string> {
  const path = await planPart(server, 'action');
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const action = (await server.services.plans.bySlug(caller, 'e2e-plan'))!.priorities[0]!.actions[0]!;
  return `${path}/milestones/${action.milestones[0]!.id}/edit`;
}

/** A local indicator of Dudley's, with a value when `withFigures`; returns its page. */
async function localIndicatorPage(server: E2eServer, withFigures: boolean): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const code = withFigures ? 'E2E 2' : 'E2E 1';
  if (!(await server.services.indicators.byCode(caller, code))) {
    await server.services.indicators.createLocal(caller, {
      code,
      title: 'Young people attending youth centres',
      definition: 'Young people aged 13 to 19 attending a youth centre at least once a week.',
      unit: 'number',
      polarity: 'higher',
      frequency: 'financial year',
      source: 'Youth service register',
    });
    if (withFigures)
      await server.services.indicators.recordValue(caller, code, {
        period: '2008-09',
        value: 412,
        breakdownKind: 'all',
      });
  }
  return `${home}/indicators/${encodeURIComponent(code)}`;
}

/** A commissioned service of the home partnership, provided by one of its organisations (made once). */
let homeService: Promise<string> | undefined;
async function servicePage(server: E2eServer, what: 'edit' | 'delete'): Promise<string> {
  homeService ??= (async () => {
    const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
    const { organisations, priorities } = await server.services.resources.choices(caller);
    return server.services.resources.addService(
      caller,
      {
        name: 'Family support service',
        provider: '',
        providerOrganisationId: organisations[0]!.id,
        annualValue: 12_000_000,
        startsOn: '2009-04-01',
        endsOn: null,
        fundId: null,
        status: 'active',
      },
      [priorities[0]!.id],
    );
  })();
  return `${home}/resources/services/${await homeService}/${what}`;
}

/** Nottinghamshire's public site (published once): an address under /public/nottinghamshire. */
let publishedPartnership: Promise<void> | undefined;
async function publicPage(
  server: E2eServer,
  under: string | ((meetingId: string) => string),
): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds.nottinghamshire!);
  publishedPartnership ??= (async () => {
    const partnership = (await server.services.partnerships.bySlug('nottinghamshire'))!;
    await server.services.partnerships.update(caller, partnership.id, {
      authorityGssCode: partnership.authorityGssCode,
      name: partnership.name,
      slug: partnership.slug,
      established: partnership.established ?? undefined,
      status: partnership.status,
      published: true,
    });
  })();
  await publishedPartnership;
  if (typeof under === 'string') return `/public/nottinghamshire${under}`;
  const [meeting] = await server.services.meetings.list(caller, {});
  return `/public/nottinghamshire${under(meeting!.id)}`;
}

/** A meeting of Bolton's Trust (31 named members) in the past or the future; returns a page under it. */
async function boltonMeetingPage(server: E2eServer, date: string, under: string): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds.bolton!);
  const trust = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust')!;
  const id = await server.services.meetings.create(caller, {
    title: 'Bolton Children’s Trust',
    kind: 'board-meeting',
    bodyIds: [trust.id],
    date,
    startTime: '14:00',
    state: date < '2050' ? 'held' : 'scheduled',
  });
  return `/partnerships/bolton/meetings/${id}${under}`;
}

/** A held meeting of Bolton's Trust with one item, and a declaration of interest in it if asked; returns a page under it. */
async function declarationPage(server: E2eServer, under: string, declared = false): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds.bolton!);
  const path = await boltonMeetingPage(server, '2009-02-14', '');
  const id = path.split('/').pop()!;
  const itemId = await server.services.agenda.addItem(caller, id, {
    number: 1,
    title: 'Commissioning of short breaks',
    purpose: 'decision',
    presenter: null,
    exempt: false,
    exemptParagraph: null,
    exemptReason: null,
  });
  if (declared) {
    const { people } = await server.services.declarations.form(caller, id);
    await server.services.declarations.declare(caller, id, {
      agendaItemId: itemId,
      personId: people[0]!.id,
      kind: 'disclosable-pecuniary',
      nature: 'A director of a short breaks provider',
      participation: 'left-room',
      interestId: null,
    });
  }
  return `${path}${under}`;
}

/** Two meetings of Dudley's Trust Board with minutes, a delegated decision and actions; returns a page. */
async function recordedPage(server: E2eServer, page: 'second' | 'outcome' | 'update'): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
  const first = (await meetingPage(server)).split('/').pop()!;
  const [item] = await server.services.agenda.agenda(caller, first);
  await server.services.record.writeMinutes(caller, first, item!.id, 'The Board noted the appendix.');
  const decision = await server.services.record.addDecision(caller, first, item!.id, {
    text: 'Membership to be finalised',
    delegatedTo: 'the Director of Children’s Services',
  });
  const people = await server.services.membership.people(caller);
  const action = await server.services.record.raiseAction(caller, first, {
    agendaItemId: item!.id,
    text: 'Bring the attendance appendix to the next meeting',
    ownerPersonId: people[0]?.id ?? null,
    ownerOrganisationId: (await server.services.membership.organisations(caller))[0]!.id,
    dueOn: '2009-10-01',
  });
  if (page === 'outcome') return `${home}/meetings/${first}/decisions/${decision}/outcome`;
  if (page === 'update') return `${home}/actions/${action}/update`;
  const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
  const second = await server.services.meetings.create(caller, {
    title: 'Trust Board, December',
    kind: 'board-meeting',
    bodyIds: [board.id],
    date: '2009-12-14',
    startTime: '14:00',
    state: 'held',
  });
  return `${home}/meetings/${second}`;
}

export const pages: PageToCheck[] = [
  // Signed out.
  { name: 'start page', path: '/', as: 'signedOut', heading: 'Cooperate' },
  ...andIn(
    { name: 'sign in', path: '/sign-in', as: 'signedOut', heading: 'Sign in' },
    'with errors',
    submitShowingErrors('Sign in'),
  ),
  {
    name: 'sign in, with a wrong password',
    path: '/sign-in',
    as: 'signedOut',
    heading: 'Sign in',
    async setup(page) {
      await page.getByLabel('Email address').fill('nobody@example.org');
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await submitShowingErrors('Sign in')(page);
    },
  },
  {
    name: 'form expired (403)',
    path: '/sign-in',
    as: 'signedOut',
    heading: 'Your form has expired',
    async setup(page) {
      await page.locator('input[name="_csrf"]').evaluate((input: HTMLInputElement) => {
        input.value = 'not-the-token';
      });
      await page.getByLabel('Email address').fill('nobody@example.org');
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await andWait(page, () => page.getByRole('button', { name: 'Sign in', exact: true }).click());
    },
  },
  { name: 'local authorities', path: '/authorities', as: 'signedOut', heading: 'Local authorities' },
  {
    name: 'local authorities, filtered',
    path: '/authorities?q=dud&region=West+Midlands&type=metropolitan+borough',
    as: 'signedOut',
    heading: 'Local authorities',
  },
  {
    name: 'local authorities, filter with errors',
    path: '/authorities?type=parish',
    as: 'signedOut',
    heading: 'Local authorities',
  },
  { name: 'a local authority', path: '/authorities/E08000027', as: 'signedOut', heading: 'Dudley' },
  ...andIn(
    {
      name: 'join from an invitation link',
      path: invitationLink,
      as: 'signedOut',
      heading: 'Set up your account',
    },
    'with errors',
    async (page) => {
      await page.getByLabel('Create a password').fill('short');
      await submitShowingErrors('Create account')(page);
    },
  ),
  {
    name: 'join from a link that is not valid (404)',
    path: `/join/${homePartnership}/inv_not-a-real-token`,
    as: 'signedOut',
    heading: 'Page not found',
    status: 404,
  },
  {
    name: 'page not found, signed out (404)',
    path: '/no-such-page',
    as: 'signedOut',
    heading: 'Page not found',
    status: 404,
  },

  // A platform administrator.
  { name: 'partnerships list', path: '/', as: 'platformAdmin', heading: 'Your partnerships' },
  { name: 'a partnership overview', path: home, as: 'platformAdmin', heading: dudley },
  {
    name: 'a new partnership’s overview, with its first steps',
    path: (server) => overviewOf(server, 'new'),
    as: 'platformAdmin',
    heading: 'A new partnership',
  },
  {
    name: 'a partnership overview, with something of each kind to do',
    path: (server) => overviewOf(server, 'busy'),
    as: 'platformAdmin',
    heading: 'A busy partnership',
  },
  ...andIn(
    {
      name: 'create a partnership',
      path: '/partnerships/new',
      as: 'platformAdmin',
      heading: 'Create a partnership',
    },
    'with errors',
    submitShowingErrors('Create partnership'),
  ),
  { name: 'API tokens, none yet', path: '/account/tokens', as: 'platformAdmin', heading: 'API tokens' },
  { name: 'platform audit trail', path: '/platform/audit', as: 'platformAdmin', heading: 'Audit trail' },
  {
    name: 'API tokens, with errors',
    path: '/account/tokens',
    as: 'platformAdmin',
    heading: 'API tokens',
    setup: submitShowingErrors('Create token'),
  },
  {
    name: 'API token created',
    path: '/account/tokens',
    as: 'platformAdmin',
    heading: 'API token created',
    async setup(page) {
      await page.getByLabel('Name').fill('Performance dashboard');
      await andWait(page, () => page.getByRole('button', { name: 'Create token' }).click());
    },
  },
  {
    name: 'API tokens, one in use and one revoked',
    async path(server) {
      const user = server.users.outsider;
      const caller = { ...systemCaller('e2e'), userId: user.id };
      await server.services.tokens.create(caller, user.id, 'Dashboard');
      const revoked = await server.services.tokens.create(caller, user.id, 'Old script');
      await server.services.tokens.revoke(caller, revoked.id);
      return '/account/tokens';
    },
    as: 'outsider',
    heading: 'API tokens',
  },
  {
    name: 'page not found (404)',
    path: '/no-such-page',
    as: 'platformAdmin',
    heading: 'Page not found',
    status: 404,
  },

  // An administrator of the home partnership.
  {
    name: 'partnerships list, one partnership',
    path: '/',
    as: 'partnershipAdmin',
    heading: 'Your partnerships',
  },
  ...andIn(
    {
      name: 'change partnership details',
      path: `${home}/edit`,
      as: 'partnershipAdmin',
      heading: 'Change partnership details',
    },
    'with errors',
    async (page) => {
      await page.getByLabel('Local authority').selectOption('');
      await page.getByLabel('Name', { exact: true }).fill('');
      await page.getByLabel('Short name for web addresses').fill('Not a short name!');
      await page.getByLabel('Day').fill('31');
      await page.getByLabel('Month').fill('2');
      await page.getByLabel('Year').fill('2007');
      await submitShowingErrors('Save changes')(page);
    },
  ),
  {
    name: 'a partnership overview, with a success message',
    path: `${home}/edit`,
    as: 'partnershipAdmin',
    heading: dudley,
    async setup(page) {
      await andWait(page, () => page.getByRole('button', { name: 'Save changes' }).click());
      await page.locator('.govuk-notification-banner').waitFor();
    },
  },
  ...andIn(
    { name: 'users', path: `${home}/users`, as: 'partnershipAdmin', heading: 'Users' },
    'with errors',
    submitShowingErrors('Add user'),
  ),
  {
    name: 'invitation created',
    path: `${home}/users`,
    as: 'partnershipAdmin',
    heading: 'Invitation created',
    async setup(page) {
      await page.getByLabel('Email address').fill(uniqueEmail('new.user'));
      await page.getByRole('radio', { name: /^Viewer/ }).check();
      await andWait(page, () => page.getByRole('button', { name: 'Add user' }).click());
    },
  },
  {
    name: 'users, with an invitation waiting',
    async path(server) {
      await invitationLink(server);
      return `${home}/users`;
    },
    as: 'partnershipAdmin',
    heading: 'Users',
  },
  { name: 'audit trail', path: `${home}/audit`, as: 'partnershipAdmin', heading: 'Audit trail' },
  {
    name: 'outbox, with a message waiting and no mail server',
    path: async (server) => {
      await invitationLink(server);
      return `${home}/mail`;
    },
    as: 'partnershipAdmin',
    heading: 'Outbox',
  },
  {
    name: 'a message in the outbox',
    path: async (server) => {
      await invitationLink(server);
      const caller = { ...systemCaller('e2e', server.partnershipIds[homePartnership]!) };
      const { rows } = await server.services.mail.outbox(caller, { page: 1 });
      return `${home}/mail/${rows[0]!.id}`;
    },
    as: 'partnershipAdmin',
    heading: /invited to/,
  },
  { name: 'your e-mails', path: '/account/mail', as: 'viewer', heading: 'Your e-mails' },
  {
    name: 'stop these e-mails (unsubscribe link)',
    path: async (server) => {
      const partnershipId = server.partnershipIds[homePartnership]!;
      const [id] = await server.services.mail.queueNow(systemCaller('e2e').actor, partnershipId, [
        {
          kind: 'action-new',
          to: { email: uniqueEmail('owner') },
          content: { subject: 'A new action', blocks: [{ paragraph: 'An action for you.' }] },
        },
      ]);
      const row = await server.services.mail.message(systemCaller('e2e', partnershipId), id!);
      return new URL(row!.unsubscribeUrl!).pathname;
    },
    as: 'signedOut',
    heading: 'Stop these e-mails',
  },
  {
    name: 'send the agenda',
    path: async (server) => {
      const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
      const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
      const meetingId = await server.services.meetings.create(caller, {
        title: 'Agenda to send',
        kind: 'board-meeting',
        bodyIds: [board.id],
        date: '2099-03-01',
        startTime: '10:00',
        state: 'scheduled',
      });
      await server.services.agenda.addItem(caller, meetingId, {
        number: 1,
        title: 'Welcome',
        purpose: 'information',
        presenter: null,
        exempt: false,
        exemptParagraph: null,
        exemptReason: null,
      });
      return `${home}/meetings/${meetingId}/send-agenda`;
    },
    as: 'partnershipAdmin',
    heading: 'Send the agenda',
  },
  {
    name: 'audit trail, with a change opened',
    path: `${home}/audit`,
    as: 'partnershipAdmin',
    heading: 'Audit trail',
    async setup(page) {
      await page.locator('.govuk-details__summary').first().click();
    },
  },
  {
    name: 'audit trail, filter with errors',
    path: `${home}/audit?from=yesterday`,
    as: 'partnershipAdmin',
    heading: 'Audit trail',
  },

  { name: 'resources', path: `${home}/resources`, as: 'partnershipAdmin', heading: 'Resources' },
  {
    name: 'resources, a year asked wrongly',
    path: `${home}/resources?year=someday`,
    as: 'partnershipAdmin',
    heading: 'Resources',
    status: 400,
  },
  {
    name: 'a fund and its statement',
    path: `${home}/resources/funds/integrated-service-management`,
    as: 'partnershipAdmin',
    heading: 'Pooled funding for integrated service management',
  },
  ...andIn(
    {
      name: 'add a fund',
      path: `${home}/resources/funds/new`,
      as: 'partnershipAdmin',
      heading: 'Add a fund',
    },
    'with errors',
    submitShowingErrors('Add the fund'),
  ),
  {
    name: 'record a contribution, with errors',
    path: `${home}/resources/funds/childrens-fund/contributions/new`,
    as: 'partnershipAdmin',
    heading: 'Record a contribution',
    setup: submitShowingErrors('Record the contribution'),
  },
  {
    name: 'record spending',
    path: `${home}/resources/funds/childrens-fund/spending/new`,
    as: 'partnershipAdmin',
    heading: 'Record spending',
  },
  {
    name: 'link a decision to a fund',
    path: `${home}/resources/funds/childrens-fund/decisions/new`,
    as: 'partnershipAdmin',
    heading: 'Link a decision to the fund',
  },
  {
    name: 'import contributions and spending',
    path: `${home}/resources/funds/childrens-fund/import`,
    as: 'partnershipAdmin',
    heading: 'Import contributions and spending',
  },
  {
    name: 'record a pledge, with errors',
    path: `${home}/resources/pledges/new`,
    as: 'partnershipAdmin',
    heading: 'Record a pledge',
    setup: submitShowingErrors('Record the pledge'),
  },
  {
    name: 'add a commissioned service, with errors',
    path: `${home}/resources/services/new`,
    as: 'partnershipAdmin',
    heading: 'Add a commissioned service',
    setup: submitShowingErrors('Add the service'),
  },
  {
    name: 'change a commissioned service',
    path: (server) => servicePage(server, 'edit'),
    as: 'partnershipAdmin',
    heading: 'Change a commissioned service',
  },
  {
    name: 'delete a commissioned service',
    path: (server) => servicePage(server, 'delete'),
    as: 'partnershipAdmin',
    heading: 'Delete a commissioned service',
  },
  {
    name: 'add a financial principle',
    path: `${home}/resources/plans/cypp-2009-11/principles/new`,
    as: 'partnershipAdmin',
    heading: 'Add a financial principle',
  },

  // A viewer of the home partnership, and someone with no partnership.
  { name: 'a partnership overview, as a viewer', path: home, as: 'viewer', heading: dudley },
  {
    name: 'no permission (403)',
    path: `${home}/users`,
    as: 'viewer',
    heading: 'You do not have permission to do this',
    status: 403,
  },
  { name: 'partnerships list, none', path: '/', as: 'outsider', heading: 'Your partnerships' },
  // Structure, membership and compliance.
  {
    name: 'structure on a date',
    path: `${home}/structure?at=2009-09-14`,
    as: 'partnershipAdmin',
    heading: /Structure on 14 September 2009/,
  },
  {
    name: 'structure with the changes between two dates',
    path: '/partnerships/medway/structure?at=2014-01-01&from=2013-09-30',
    as: 'platformAdmin',
    heading: /Structure on 1 January 2014/,
  },
  {
    name: 'structure, date with errors',
    path: `${home}/structure?at=soon`,
    as: 'partnershipAdmin',
    heading: /Structure on/,
  },
  ...andIn(
    { name: 'add a body', path: `${home}/bodies/new`, as: 'partnershipAdmin', heading: 'Add a body' },
    'with errors',
    submitShowingErrors('Add body'),
  ),
  {
    name: 'a body',
    path: `${home}/bodies/trust-board`,
    as: 'partnershipAdmin',
    heading: "Dudley Children's Trust Board",
  },
  {
    name: 'a body, as a viewer',
    path: `${home}/bodies/executive-board`,
    as: 'viewer',
    heading: "Children's Trust Executive Board",
  },
  ...andIn(
    {
      name: 'change a body',
      path: `${home}/bodies/executive-board/edit`,
      as: 'partnershipAdmin',
      heading: /^Change /,
    },
    'with errors',
    emptyingShowsErrors('Name', 'Save changes'),
  ),
  {
    name: 'record a change to a body',
    path: `${home}/bodies/executive-board/status`,
    as: 'partnershipAdmin',
    heading: 'Record a change',
  },
  {
    name: 'record a change, with errors',
    path: `${home}/bodies/executive-board/status`,
    as: 'partnershipAdmin',
    heading: 'Record a change',
    setup: submitShowingErrors('Record the change'),
  },
  ...andIn(
    {
      name: 'relate two bodies',
      path: `${home}/bodies/executive-board/relationships/new`,
      as: 'partnershipAdmin',
      heading: 'Relate it to another body',
    },
    'with errors',
    submitShowingErrors('Add the relationship'),
  ),
  {
    name: 'relate two bodies, a partial date refused',
    path: `${home}/bodies/executive-board/relationships/new`,
    as: 'partnershipAdmin',
    heading: 'Relate it to another body',
    async setup(page) {
      // a month with no year: the one date input takes a year, a month and year, or a day (ADR 0041)
      await page.locator('#startsOn-month').fill('4');
      await submitShowingErrors('Add the relationship')(page);
    },
  },
  ...andIn(
    {
      name: 'adopt terms of reference',
      path: `${home}/bodies/trust-board/terms/new`,
      as: 'partnershipAdmin',
      heading: 'Adopt terms of reference',
    },
    'with errors',
    emptyingShowsErrors('Title', 'Adopt this version'),
  ),
  {
    name: 'a version of the terms of reference',
    path: `${home}/bodies/trust-board/terms/1`,
    as: 'viewer',
    heading: /Constitution, version 1/,
  },
  {
    name: 'seats and members',
    path: `${home}/bodies/trust-board/seats`,
    as: 'partnershipAdmin',
    heading: 'Seats and members',
  },
  {
    name: 'seats and members, with holders and young people',
    path: '/partnerships/bolton/bodies/trust/seats',
    as: 'platformAdmin',
    heading: 'Seats and members',
  },
  ...andIn(
    {
      name: 'add a seat',
      path: `${home}/bodies/trust-board/seats/new`,
      as: 'partnershipAdmin',
      heading: 'Add a seat',
    },
    'with errors',
    submitShowingErrors('Add seat'),
  ),
  {
    name: 'change a seat',
    path: (server) => seatPage(server, 'edit'),
    as: 'partnershipAdmin',
    heading: /^Change the seat/,
  },
  ...andIn(
    {
      name: 'appoint to a seat',
      path: (server) => seatPage(server, 'appoint'),
      as: 'partnershipAdmin',
      heading: /^Appoint someone/,
    },
    'with errors',
    submitShowingErrors('Appoint'),
  ),
  ...andIn(
    {
      name: 'end a membership',
      path: endMembershipPage,
      as: 'platformAdmin',
      heading: /^End .* membership$/,
    },
    'with errors',
    submitShowingErrors('End the membership'),
  ),
  // correcting an appointment (issue 15)
  { name: 'an appointment', path: (server) => appointmentPage(server), as: 'platformAdmin', heading: /./ },
  {
    name: 'correct an appointment',
    path: (server) => appointmentPage(server, '/edit'),
    as: 'platformAdmin',
    heading: /^Correct the appointment of /,
  },
  ...andIn(
    {
      name: 'record a change of title or role',
      path: (server) => appointmentPage(server, '/terms/new'),
      as: 'platformAdmin',
      heading: /^Record a change of title or role for /,
    },
    'with errors',
    submitShowingErrors('Record the change'),
  ),
  ...andIn(
    {
      name: 'add a standing substitute',
      path: (server) => appointmentPage(server, '/substitutes/new'),
      as: 'platformAdmin',
      heading: /^Add a standing substitute for /,
    },
    'with errors',
    submitShowingErrors('Add the substitute'),
  ),
  {
    name: 'end a standing substitute, with errors',
    path: standingSubstituteEndPage,
    as: 'platformAdmin',
    heading: /^End .* as a standing substitute$/,
    setup: submitShowingErrors('End the standing substitute'),
  },
  {
    name: 'remove an appointment',
    path: (server) => appointmentPage(server, '/remove'),
    as: 'platformAdmin',
    heading: /^Remove the appointment of /,
  },
  {
    name: 'remove a seat',
    path: (server) => seatPage(server, 'remove'),
    as: 'partnershipAdmin',
    heading: /^Remove the seat /,
  },
  { name: 'organisations', path: `${home}/organisations`, as: 'viewer', heading: 'Organisations' },
  {
    name: 'add an organisation',
    path: `${home}/organisations/new`,
    as: 'partnershipAdmin',
    heading: 'Add an organisation',
  },
  {
    name: 'change an organisation that has ended',
    path: async (server) => `${home}/organisations/${(await organisationThatEnded(server)).id}/edit`,
    as: 'partnershipAdmin',
    heading: /^Change Dudley Primary Care Trust/,
  },
  {
    name: 'seats and members, offering an ended organisation\u2019s successor',
    path: async (server) => {
      await organisationThatEnded(server);
      return `${home}/bodies/trust-board/seats?at=2014-01-01`;
    },
    as: 'partnershipAdmin',
    heading: 'Seats and members',
  },
  {
    name: 'add an organisation, with errors',
    path: `${home}/organisations/new`,
    as: 'partnershipAdmin',
    heading: 'Add an organisation',
    setup: submitShowingErrors('Save'),
  },
  { name: 'people', path: '/partnerships/bolton/people', as: 'platformAdmin', heading: 'People' },
  ...andIn(
    { name: 'add a person', path: `${home}/people/new`, as: 'partnershipAdmin', heading: 'Add a person' },
    'with errors',
    submitShowingErrors('Save'),
  ),
  ...andIn(
    { name: 'a person', path: personPage, as: 'platformAdmin', heading: /./ },
    'declaring an interest with errors',
    submitShowingErrors('Declare interest'),
  ),
  {
    name: 'compliance on a date',
    path: `${home}/compliance?at=2009-09-14`,
    as: 'viewer',
    heading: /Compliance on 14 September 2009/,
  },
  {
    name: 'compliance with held seats, their attendance and the outcomes explained',
    path: '/partnerships/bolton/compliance?at=2009-02-12',
    as: 'platformAdmin',
    heading: /Compliance on 12 February 2009/,
    setup: async (page) => {
      await page.locator('.govuk-details__summary').click();
    },
  },
  {
    name: 'compliance, date with errors',
    path: `${home}/compliance?at=soon`,
    as: 'viewer',
    heading: /Compliance on/,
  },
  ...andIn(
    {
      name: 'import members',
      path: `${home}/bodies/trust-board/seats/import`,
      as: 'partnershipAdmin',
      heading: 'Import members',
    },
    'with errors',
    submitShowingErrors('Check the file'),
  ),
  {
    name: 'import members, a file with problems',
    path: `${home}/bodies/trust-board/seats/import`,
    as: 'partnershipAdmin',
    heading: 'Check the import',
    async setup(page) {
      await page.locator('#file').setInputFiles({
        name: 'members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('seat,name,organisation\n99,Someone,Nowhere\n'),
      });
      await submitShowingErrors('Check the file')(page);
    },
  },
  {
    name: 'import members, a file ready to import',
    path: `${home}/bodies/trust-board/seats/import`,
    as: 'partnershipAdmin',
    heading: 'Check the import',
    async setup(page) {
      await page.locator('#file').setInputFiles({
        name: 'members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('seat,name\nA new seat,Someone New\n'),
      });
      await andWait(page, () => page.getByRole('button', { name: 'Check the file', exact: true }).click());
    },
  },
  {
    name: 'import members, a list with a new organisation and a bad row',
    path: `${home}/bodies/trust-board/seats/import`,
    as: 'partnershipAdmin',
    heading: 'Check the import',
    async setup(page) {
      await page.locator('#file').setInputFiles({
        name: 'members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'seat,seat role,holder,organisation,from\nA new seat,chair,Someone New,A New Charity,\nAnother seat,chief,Nobody,,\n',
        ),
      });
      await submitShowingErrors('Check the file')(page);
    },
  },
  {
    name: 'import members, a list offering a new organisation',
    path: `${home}/bodies/trust-board/seats/import`,
    as: 'partnershipAdmin',
    heading: 'Check the import',
    async setup(page) {
      await page.locator('#file').setInputFiles({
        name: 'members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'seat,seat role,places,holder,organisation\nA new seat,vice-chair,2,Someone New,A New Charity\n',
        ),
      });
      await andWait(page, () => page.getByRole('button', { name: 'Check the file', exact: true }).click());
    },
  },
  { name: 'surveys', path: '/partnerships/kent/surveys', as: 'platformAdmin', heading: 'Surveys' },
  { name: 'surveys, none', path: `${home}/surveys`, as: 'viewer', heading: 'Surveys' },
  {
    name: 'a survey: summary table, codes, findings',
    path: '/partnerships/kent/surveys/kent-childrens-trust-strategic-review-2011-summary',
    as: 'platformAdmin',
    heading: /Kent Children's Trust Strategic Review 2011/,
  },
  ...andIn(
    { name: 'new survey', path: `${home}/surveys/new`, as: 'partnershipAdmin', heading: 'New survey' },
    'with errors',
    submitShowingErrors('Create survey'),
  ),
  {
    name: 'a draft survey, as its owner',
    path: async (server) => (await surveyFor(server, homePartnership, { draft: true })).path,
    as: 'partnershipAdmin',
    heading: /^Board arrangements/,
  },
  {
    name: 'an open survey with answers, as its owner',
    path: async (server) => (await surveyFor(server, homePartnership, { answered: true })).path,
    as: 'partnershipAdmin',
    heading: /^Board arrangements/,
  },
  {
    name: 'change a survey’s details',
    path: async (server) => `${(await surveyFor(server, homePartnership, { draft: true })).path}/edit`,
    as: 'partnershipAdmin',
    heading: /^Change Board arrangements/,
  },
  {
    name: 'add a question, with errors',
    path: async (server) =>
      `${(await surveyFor(server, homePartnership, { draft: true })).path}/questions/new`,
    as: 'partnershipAdmin',
    heading: 'Add a question',
    setup: submitShowingErrors('Save question'),
  },
  {
    name: 'invite authorities, with an unknown one',
    path: async (server) => `${(await surveyFor(server, homePartnership, { draft: true })).path}/invite`,
    as: 'partnershipAdmin',
    heading: 'Invite authorities',
    async setup(page) {
      await page.getByLabel('Group', { exact: true }).fill('Others');
      await page.getByLabel('Other authorities').fill('Nowhereshire');
      await submitShowingErrors('Invite')(page);
    },
  },
  {
    name: 'response links, with a link made',
    path: async (server) => `${(await surveyFor(server, homePartnership)).path}/links`,
    as: 'partnershipAdmin',
    heading: 'Response links',
    async setup(page) {
      await page.getByLabel('Authority').selectOption({ label: 'Medway' });
      await page.getByLabel('Contact’s name').fill('Pat Contact');
      await page.getByLabel('Contact’s email address').fill('pat@example.org');
      await andWait(page, () => page.getByRole('button', { name: 'Make a response link' }).click());
      await page.locator('#made-link').waitFor();
    },
  },
  {
    name: 'code the answers',
    path: async (server) => `${(await surveyFor(server, homePartnership, { answered: true })).path}/coding`,
    as: 'partnershipAdmin',
    heading: 'Code the answers',
  },
  {
    name: 'add a finding, with errors',
    path: async (server) =>
      `${(await surveyFor(server, homePartnership, { answered: true })).path}/findings/new`,
    as: 'partnershipAdmin',
    heading: 'Add a finding',
    setup: submitShowingErrors('Add finding'),
  },
  {
    name: 'surveys to answer',
    async path(server) {
      await surveyFor(server, 'kent', { invited: ['Dudley'] });
      return `${home}/survey-invitations`;
    },
    as: 'partnershipAdmin',
    heading: 'Surveys to answer',
  },
  {
    name: 'answer a survey as an invited partnership, with errors',
    path: async (server) =>
      `${home}/survey-invitations/${(await surveyFor(server, 'kent', { invited: ['Dudley'] })).id}`,
    as: 'partnershipAdmin',
    heading: /^Board arrangements/,
    async setup(page) {
      await page.getByLabel('How many children in care sit on it?').fill('three');
      await submitShowingErrors('Save answers')(page);
    },
  },
  {
    name: 'a survey’s table as an invited partnership',
    path: async (server) =>
      `${home}/survey-invitations/${(await surveyFor(server, 'kent', { invited: ['Dudley'] })).id}/table`,
    as: 'viewer',
    heading: /^Board arrangements/,
  },
  {
    name: 'answer through a response link',
    path: (server) => responseLink(server, 'kent'),
    as: 'signedOut',
    heading: /^Board arrangements/,
  },
  {
    name: 'answers sent through a response link',
    path: (server) => responseLink(server, 'kent'),
    as: 'signedOut',
    heading: 'Answers sent',
    async setup(page) {
      await page.getByLabel('Is your board continuing?').fill('Continuing');
      await andWait(page, () => page.getByRole('button', { name: 'Submit answers' }).click());
    },
  },
  {
    name: 'a response link that cannot be used (410)',
    path: '/respond/kent/svy_not-a-real-token',
    as: 'signedOut',
    heading: 'This link cannot be used',
    status: 410,
  },
  { name: 'meetings, forward plan', path: `${home}/meetings`, as: 'viewer', heading: 'Meetings' },
  {
    name: 'meetings in a period, with errors',
    path: `${home}/meetings?from=2009-01-01&to=yesterday`,
    as: 'partnershipAdmin',
    heading: 'Meetings',
  },
  { name: 'a meeting with its agenda', path: meetingPage, as: 'partnershipAdmin', heading: 'Trust Board' },
  { name: 'a meeting, an exempt item withheld', path: meetingPage, as: 'viewer', heading: 'Trust Board' },
  {
    name: 'a meeting with its board pack ready',
    path: (server) => boardPackPage(server, 'ready'),
    as: 'partnershipAdmin',
    heading: 'Trust Board',
  },
  {
    name: 'a meeting whose board pack failed',
    path: (server) => boardPackPage(server, 'failed'),
    as: 'viewer',
    heading: 'Trust Board',
  },
  ...andIn(
    {
      name: 'add an agenda item',
      path: (server) => meetingPage(server, '/agenda/new'),
      as: 'partnershipAdmin',
      heading: /^Add an item to the agenda/,
    },
    'with errors',
    async (page) => {
      await page.getByLabel('Item number').fill('1');
      await page.getByLabel('Yes, it is exempt').check();
      await submitShowingErrors('Add item')(page);
    },
  ),
  {
    name: 'change an agenda item',
    path: (server) => meetingPage(server, '/agenda/:item/edit'),
    as: 'partnershipAdmin',
    heading: 'Change item 1',
  },
  ...andIn(
    {
      name: 'write a committee report',
      path: (server) => meetingPage(server, '/agenda/:item/report/edit'),
      as: 'partnershipAdmin',
      heading: 'Write the report for item 1',
    },
    'with errors',
    submitShowingErrors('Save the report'),
  ),
  {
    name: 'a committee report',
    path: async (server) => {
      const path = await meetingPage(server, '/agenda/:item/report');
      const [, meetingId, itemId] = /meetings\/([^/]+)\/agenda\/([^/]+)/.exec(path)!;
      await server.services.reports.save(
        systemCaller('e2e', server.partnershipIds[homePartnership]!),
        meetingId!,
        itemId!,
        {
          reportTo: 'Trust Board',
          reportOf: 'Director of Children’s Services',
          author: 'Policy officer',
          contactOfficer: 'Policy officer, 01384 000000',
          title: 'Membership and attendance',
          confidentiality: null,
          purpose: 'To report the Board’s membership and attendance.',
          summary: 'Attendance has been good.',
          background: 'The Board meets six times a year.\nAttendance is reported each year.',
          recommendations: ['notes the attendance', 'agrees the membership'],
          decision: null,
          backgroundDocuments: 'Terms of reference',
          financialImplications: 'None',
          legalImplications: null,
          equalityImplications: null,
          riskImplications: 'None',
          appendices: 'Appendix 3: attendance',
        },
      );
      return path;
    },
    as: 'viewer',
    heading: 'Membership and attendance',
  },
  {
    name: 'add a consultation to an item',
    path: (server) => meetingPage(server, '/agenda/:item/consultations/new'),
    as: 'partnershipAdmin',
    heading: 'Add a consultation to item 1',
  },
  {
    name: 'add a consultation, with errors',
    path: (server) => meetingPage(server, '/agenda/:item/consultations/new'),
    as: 'partnershipAdmin',
    heading: 'Add a consultation to item 1',
    setup: submitShowingErrors('Add the consultation'),
  },
  {
    name: 'a consultation with its answers',
    path: (server) => consultationPage(server),
    as: 'viewer',
    heading: 'Draft guidance',
  },
  {
    name: 'record the answers to a consultation',
    path: (server) => consultationPage(server, '/answers'),
    as: 'partnershipAdmin',
    heading: 'Record the board’s answers',
  },
  { name: 'consultations', path: `${home}/consultations`, as: 'viewer', heading: 'Consultations' },
  {
    name: 'change a meeting',
    path: (server) => meetingPage(server, '/edit'),
    as: 'partnershipAdmin',
    heading: 'Change Trust Board',
  },
  ...andIn(
    { name: 'add a meeting', path: `${home}/meetings/new`, as: 'partnershipAdmin', heading: 'Add a meeting' },
    'with errors',
    emptyingShowsErrors('Start time', 'Add meeting', false),
  ),
  {
    name: 'record the attendance',
    path: (server) => boltonMeetingPage(server, '2009-02-12', '/attendance'),
    as: 'platformAdmin',
    heading: /^Attendance at /,
  },
  {
    name: 'record the attendance, with errors',
    path: (server) => boltonMeetingPage(server, '2099-02-12', '/attendance'),
    as: 'platformAdmin',
    heading: /^Attendance at /,
    async setup(page) {
      await page.locator('#members-0').check();
      await submitShowingErrors('Save the register')(page);
    },
  },
  {
    name: 'a meeting with its register and quorum',
    path: async (server) => {
      const path = await boltonMeetingPage(server, '2009-02-13', '');
      const caller = systemCaller('e2e', server.partnershipIds.bolton!);
      const id = path.split('/').pop()!;
      const { register } = await server.services.attendance.register(caller, id);
      await server.services.attendance.record(caller, id, {
        members: register.rows.map((row, index) => ({
          membershipId: row.member.membershipId,
          status: index % 3 === 0 ? 'apologies' : 'present',
        })),
        inAttendance: [],
      });
      return path;
    },
    as: 'platformAdmin',
    heading: 'Bolton Children’s Trust',
  },
  ...andIn(
    {
      name: 'record a declaration of interest',
      path: (server) => declarationPage(server, '/declarations/new'),
      as: 'platformAdmin',
      heading: 'Record a declaration of interest',
    },
    'with errors',
    submitShowingErrors('Record the declaration'),
  ),
  {
    name: 'a meeting with a declaration of interest',
    path: (server) => declarationPage(server, '', true),
    as: 'platformAdmin',
    heading: 'Bolton Children’s Trust',
  },
  {
    name: 'send apologies',
    path: (server) => meetingPage(server, '/apologies'),
    as: 'partnershipAdmin',
    heading: /^Send apologies/,
  },
  {
    name: 'attendance appendix',
    path: '/partnerships/bolton/bodies/trust/attendance?from=2009-01-01&to=2009-12-31',
    as: 'platformAdmin',
    heading: /^Attendance at /,
  },
  {
    name: 'attendance appendix, with errors',
    path: `${home}/bodies/trust-board/attendance?from=2009-12-31&to=2009-01-01`,
    as: 'viewer',
    heading: /^Attendance at /,
  },
  {
    name: 'a meeting with matters arising and minutes to approve',
    path: (server) => recordedPage(server, 'second'),
    as: 'partnershipAdmin',
    heading: 'Trust Board, December',
  },
  {
    name: 'write the minutes of an item',
    path: (server) => meetingPage(server, '/agenda/:item/minutes'),
    as: 'partnershipAdmin',
    heading: /^Minutes of item 1/,
  },
  {
    name: 'write the minutes, with errors',
    path: (server) => meetingPage(server, '/agenda/:item/minutes'),
    as: 'partnershipAdmin',
    heading: /^Minutes of item 1/,
    setup: submitShowingErrors('Save the minutes'),
  },
  {
    name: 'record a decision',
    path: (server) => meetingPage(server, '/agenda/:item/decisions/new'),
    as: 'partnershipAdmin',
    heading: /^Record a decision/,
  },
  {
    name: 'record the outcome of a delegated decision',
    path: (server) => recordedPage(server, 'outcome'),
    as: 'partnershipAdmin',
    heading: 'Record the outcome of a delegated decision',
  },
  {
    name: 'raise an action, with errors',
    path: (server) => meetingPage(server, '/actions/new'),
    as: 'partnershipAdmin',
    heading: /^Raise an action/,
    setup: submitShowingErrors('Add the action'),
  },
  {
    name: 'update an action',
    path: (server) => recordedPage(server, 'update'),
    as: 'partnershipAdmin',
    heading: 'Update an action',
  },
  { name: 'the action log', path: `${home}/actions`, as: 'viewer', heading: 'Actions' },
  {
    name: 'the action log, as an editor (raise an action, downloads)',
    path: `${home}/actions`,
    as: 'partnershipAdmin',
    heading: 'Actions',
  },
  {
    name: 'raise an action from the action log, with errors',
    path: `${home}/actions/new`,
    as: 'partnershipAdmin',
    heading: 'Raise an action',
    setup: submitShowingErrors('Add the action'),
  },
  {
    name: 'a body’s meetings and cadence check',
    path: '/partnerships/medway/bodies/action-network/meetings',
    as: 'platformAdmin',
    heading: /^Meetings of /,
  },
  {
    name: 'a body’s meetings, no cadence rules',
    path: `${home}/bodies/trust-board/meetings`,
    as: 'viewer',
    heading: /^Meetings of /,
  },
  {
    name: 'indicators, none',
    path: '/partnerships/bolton/indicators',
    as: 'platformAdmin',
    heading: 'Indicators',
  },
  {
    name: 'indicators, with RAG',
    path: async (server) => (await indicatorPage(server)).replace(/\/NI%2073$/, ''),
    as: 'viewer',
    heading: 'Indicators',
  },
  {
    name: 'indicator library',
    path: `${home}/indicators/library?set=nis2008`,
    as: 'partnershipAdmin',
    heading: 'Indicator library',
  },
  { name: 'an indicator', path: indicatorPage, as: 'viewer', heading: /^NI 73 / },
  {
    name: 'benchmarking, no indicators',
    path: '/partnerships/bolton/benchmarking',
    as: 'platformAdmin',
    heading: 'Benchmarking',
  },
  {
    name: 'benchmarking',
    path: async (server) =>
      `${(await benchmarkPage(server)).replace(/\/indicators\/NI%2073\/benchmark$/, '')}/benchmarking`,
    as: 'viewer',
    heading: 'Benchmarking',
  },
  { name: 'an indicator’s benchmark', path: benchmarkPage, as: 'viewer', heading: 'Benchmark' },
  {
    name: 'publish for benchmarking, nothing to publish',
    path: '/partnerships/bolton/benchmarking/publish',
    as: 'platformAdmin',
    heading: 'Indicators published for benchmarking',
  },
  {
    name: 'publish for benchmarking',
    path: async (server) => {
      await indicatorPage(server);
      return `${home}/benchmarking/publish`;
    },
    as: 'partnershipAdmin',
    heading: 'Indicators published for benchmarking',
  },
  ...andIn(
    {
      name: 'add a local indicator',
      path: `${home}/indicators/new`,
      as: 'partnershipAdmin',
      heading: 'Add a local indicator',
    },
    'with errors',
    submitShowingErrors('Add the indicator'),
  ),
  {
    name: 'set a target, with errors',
    path: async (server) => `${await indicatorPage(server)}/targets/new`,
    as: 'partnershipAdmin',
    heading: 'Set a target',
    setup: submitShowingErrors('Save the target'),
  },
  {
    name: 'record a value, with errors',
    path: async (server) => `${await indicatorPage(server)}/values/new`,
    as: 'partnershipAdmin',
    heading: 'Record a value',
    setup: submitShowingErrors('Save the value'),
  },
  {
    name: 'record a comparator',
    path: async (server) => `${await indicatorPage(server)}/comparators/new`,
    as: 'partnershipAdmin',
    heading: 'Record a comparator',
  },
  { name: 'plans, none', path: '/partnerships/nottinghamshire/plans', as: 'platformAdmin', heading: 'Plans' },
  {
    name: 'a seeded plan: Dudley’s CYPP with its 7 priorities and actions',
    path: `${home}/plans/cypp-2009-11`,
    as: 'viewer',
    heading: "Children and Young People's Plan 2009 – 2011",
  },
  {
    name: 'a seeded plan: Bolton’s, its priorities owned by the outcome sub-groups',
    path: '/partnerships/bolton/plans/cypp-2007',
    as: 'platformAdmin',
    heading: "Children and Young People's Plan",
  },
  {
    name: 'plans',
    path: async (server) => (await planPage(server)).replace(/\/e2e-plan$/, ''),
    as: 'viewer',
    heading: 'Plans',
  },
  ...andIn(
    { name: 'add a plan', path: `${home}/plans/new`, as: 'partnershipAdmin', heading: 'Add a plan' },
    'with errors',
    submitShowingErrors('Save the plan'),
  ),
  { name: 'a plan', path: planPage, as: 'viewer', heading: 'Children and Young People’s Plan 2009-2011' },
  { name: 'a plan, as its editor', path: planPage, as: 'partnershipAdmin', heading: /Plan 2009-2011/ },
  {
    name: 'a plan with an action in an action log raised for a priority',
    path: (server) => loggedPriorityPage(server),
    as: 'viewer',
    heading: /Plan 2009-2011/,
  },
  {
    name: 'raise an action from a plan priority, with errors',
    path: (server) => loggedPriorityPage(server, 'raise'),
    as: 'partnershipAdmin',
    heading: 'Raise an action for priority 1',
    setup: submitShowingErrors('Add the action'),
  },
  {
    name: 'change the plan priority of an action',
    path: (server) => loggedPriorityPage(server, 'change'),
    as: 'partnershipAdmin',
    heading: 'Change the plan priority of an action',
  },
  {
    name: 'change a plan',
    path: async (server) => `${await planPage(server)}/edit`,
    as: 'partnershipAdmin',
    heading: 'Change the plan',
  },
  {
    name: 'versions of a plan',
    path: async (server) => `${await planPage(server)}/versions`,
    as: 'viewer',
    heading: /^Versions of /,
  },
  {
    name: 'record a version, with errors',
    path: async (server) => `${await planPage(server)}/versions/new`,
    as: 'partnershipAdmin',
    heading: 'Record a new version',
    setup: submitShowingErrors('Record the version'),
  },
  {
    name: 'add a local outcome',
    path: async (server) => `${await planPage(server)}/outcomes/new`,
    as: 'partnershipAdmin',
    heading: 'Add a local outcome',
  },
  {
    name: 'add evidence, with errors',
    path: async (server) => `${await planPage(server)}/evidence/new`,
    as: 'partnershipAdmin',
    heading: 'Add to the evidence base',
    setup: submitShowingErrors('Add the evidence'),
  },
  {
    name: 'add a priority, with errors',
    path: async (server) => `${await planPage(server)}/priorities/new`,
    as: 'partnershipAdmin',
    heading: 'Add a priority',
    setup: submitShowingErrors('Add the priority'),
  },
  ...andIn(
    {
      name: 'add an action',
      path: async (server) => `${await planPart(server, 'priority')}/actions/new`,
      as: 'partnershipAdmin',
      heading: 'Add an action',
    },
    'with errors',
    submitShowingErrors('Add the action'),
  ),
  {
    name: 'an action',
    path: (server) => planPart(server, 'action'),
    as: 'viewer',
    heading: 'Report progress to the Trust Board',
  },
  {
    name: 'post a progress update, with errors',
    path: async (server) => `${await planPart(server, 'action')}/updates/new`,
    as: 'partnershipAdmin',
    heading: 'Post a progress update',
    setup: emptyingShowsErrors('Commentary', 'Post the update', false),
  },
  {
    name: 'add a milestone',
    path: async (server) => `${await planPart(server, 'action')}/milestones/new`,
    as: 'partnershipAdmin',
    heading: 'Add a milestone',
  },
  {
    name: 'an action, as its editor',
    path: (server) => planPart(server, 'action'),
    as: 'partnershipAdmin',
    heading: 'Report progress to the Trust Board',
  },
  ...andIn(
    {
      name: 'change a priority',
      path: async (server) => `${await planPart(server, 'priority')}/edit`,
      as: 'partnershipAdmin',
      heading: 'Change a priority',
    },
    'with errors',
    emptyingShowsErrors('Priority', 'Save the priority'),
  ),
  {
    name: 'delete a priority, refused while it has actions',
    path: async (server) => `${await planPart(server, 'priority')}/delete`,
    as: 'partnershipAdmin',
    heading: 'Delete a priority',
  },
  {
    name: 'delete a priority, refused on posting',
    path: async (server) => `${await planPart(server, 'priority')}/delete`,
    as: 'partnershipAdmin',
    heading: 'Delete a priority',
    setup: postHereShowingErrors,
  },
  ...andIn(
    {
      name: 'change an action',
      path: async (server) => `${await planPart(server, 'action')}/edit`,
      as: 'partnershipAdmin',
      heading: 'Change an action',
    },
    'with errors',
    emptyingShowsErrors('Action', 'Save the action'),
  ),
  {
    name: 'delete an action',
    path: async (server) => `${await planPart(server, 'action')}/delete`,
    as: 'partnershipAdmin',
    heading: 'Delete an action',
  },
  { name: 'change a milestone', path: milestonePage, as: 'partnershipAdmin', heading: 'Change a milestone' },
  // confirm before destroying (ADR 0048): one confirmation page for every removal
  {
    name: 'delete a milestone',
    path: async (server) => (await milestonePage(server)).replace(/\/edit$/, '/delete'),
    as: 'partnershipAdmin',
    heading: 'Delete a milestone',
  },
  {
    name: 'remove an agenda item',
    path: (server) => meetingPage(server, '/agenda/:item/remove'),
    as: 'partnershipAdmin',
    heading: 'Remove an item from the agenda',
  },
  {
    name: 'remove a paper',
    path: async (server) => {
      const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
      const path = await meetingPage(server);
      const [item] = await server.services.agenda.agenda(caller, path.split('/').pop()!);
      return `${path}/papers/${item!.papers[0]!.id}/remove`;
    },
    as: 'partnershipAdmin',
    heading: 'Remove a paper',
  },
  {
    name: 'withdraw a declaration of interest',
    path: async (server) => {
      const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
      const path = await meetingPage(server);
      const meetingId = path.split('/').pop()!;
      const [item] = await server.services.agenda.agenda(caller, meetingId);
      // an officer in attendance, on the meeting's register, declares
      const personId = await server.services.membership.addPerson(caller, {
        name: 'Ann Governor',
        jobTitle: null,
        email: null,
        phone: null,
        youngPerson: false,
        notes: null,
      });
      await server.services.attendance.record(caller, meetingId, { members: [], inAttendance: [personId] });
      const id = await server.services.declarations.declare(caller, meetingId, {
        agendaItemId: item!.id,
        personId,
        kind: 'non-registrable',
        nature: 'A governor of a school named in the report',
        participation: 'did-not-vote',
        interestId: null,
      });
      return `${path}/declarations/${id}/remove`;
    },
    as: 'partnershipAdmin',
    heading: 'Withdraw a declaration of interest',
  },
  {
    name: 'remove a consultation’s question, refused once it has opened',
    path: async (server) => {
      const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
      const { page } = await voiceFor(server, homePartnership);
      const [question] = (await server.services.voice.get(caller, page.split('/').pop()!)).questions;
      return `${page}/questions/${question!.id}/remove`;
    },
    as: 'partnershipAdmin',
    heading: 'Remove a question',
  },
  {
    name: 'change a local indicator, with errors',
    path: async (server) => `${await localIndicatorPage(server, false)}/edit`,
    as: 'partnershipAdmin',
    heading: 'Change E2E 1',
    setup: emptyingShowsErrors('Title', 'Save the indicator'),
  },
  {
    name: 'a local indicator, as its editor',
    path: (server) => localIndicatorPage(server, false),
    as: 'partnershipAdmin',
    heading: /^E2E 1 /,
  },
  {
    name: 'delete a local indicator',
    path: async (server) => `${await localIndicatorPage(server, false)}/delete`,
    as: 'partnershipAdmin',
    heading: 'Delete E2E 1',
  },
  {
    name: 'delete a local indicator, refused while it has figures',
    path: async (server) => `${await localIndicatorPage(server, true)}/delete`,
    as: 'partnershipAdmin',
    heading: 'Delete E2E 2',
  },
  {
    name: 'delete a local indicator, refused on posting',
    path: async (server) => `${await localIndicatorPage(server, true)}/delete`,
    as: 'partnershipAdmin',
    heading: 'Delete E2E 2',
    setup: postHereShowingErrors,
  },
  {
    name: 'change a library indicator, refused',
    path: async (server) => `${await indicatorPage(server)}/edit`,
    as: 'partnershipAdmin',
    heading: 'There is a conflict',
    status: 409,
  },
  ...andIn(
    {
      name: 'import indicator values',
      path: `${home}/indicators/import`,
      as: 'partnershipAdmin',
      heading: 'Import values, targets and comparators',
    },
    'with errors',
    submitShowingErrors('Check the file'),
  ),
  {
    name: 'form expired (403), a file upload without its token',
    path: `${home}/indicators/import`,
    as: 'partnershipAdmin',
    heading: 'Your form has expired',
    async setup(page) {
      await page
        .locator('form[enctype="multipart/form-data"] input[name="_csrf"]')
        .evaluate((input) => input.remove());
      await page.locator('#file').setInputFiles({
        name: 'values.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('indicator,period,value\nNI 73,2009,101\n'),
      });
      await andWait(page, () => page.getByRole('button', { name: 'Check the file', exact: true }).click());
    },
  },
  {
    name: 'import indicator values, a file with problems',
    path: async (server) => {
      await indicatorPage(server);
      return `${home}/indicators/import`;
    },
    as: 'partnershipAdmin',
    heading: 'Check the import',
    async setup(page) {
      await page.locator('#file').setInputFiles({
        name: 'values.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('indicator,period,value,target\nNI 73,2009,101,75\nNI 999,2009/10,5,\n'),
      });
      await submitShowingErrors('Check the file')(page);
    },
  },
  {
    name: 'import indicator values, a file ready to import, with a comparator',
    path: async (server) => {
      await indicatorPage(server);
      return `${home}/indicators/import`;
    },
    as: 'partnershipAdmin',
    heading: 'Check the import',
    async setup(page) {
      await page.locator('#file').setInputFiles({
        name: 'values.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'indicator,period,value,group,comparator\nNI 73,2010/11,74,,\nNI 73,2010/11,47,Looked-after children,\nNI 73,2010/11,73.5,,England\n',
        ),
      });
      await andWait(page, () => page.getByRole('button', { name: 'Check the file', exact: true }).click());
    },
  },
  {
    name: 'accountability of partners',
    path: `${home}/accountability`,
    as: 'viewer',
    heading: 'Accountability of partners',
  },
  {
    name: 'accountability of one partner',
    path: async (server) => {
      await planPage(server);
      const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
      const [organisation] = await server.services.membership.organisations(caller);
      return `${home}/accountability?organisation=${organisation!.id}`;
    },
    as: 'viewer',
    heading: 'Accountability of partners',
  },
  {
    name: 'exception report',
    path: async (server) => `${(await planPage(server)).replace(/\/plans\/e2e-plan$/, '')}/exceptions`,
    as: 'viewer',
    heading: /^Exception report of /,
  },
  {
    name: 'sub-group highlight report',
    path: `${home}/highlight`,
    as: 'viewer',
    heading: 'Sub-group highlight report',
  },
  {
    name: 'sub-group highlight report, with errors',
    path: `${home}/highlight?body=&from=2009&to=`,
    as: 'viewer',
    heading: 'Sub-group highlight report',
    status: 400,
  },
  {
    name: 'sub-group highlight report for a period',
    path: async (server) => {
      await planPage(server);
      const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
      const board = (await server.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
      return `${home}/highlight?body=${board.id}&from=2009-04-01&to=2009-06-30`;
    },
    as: 'viewer',
    heading: 'Sub-group highlight report',
  },
  {
    name: 'plan on a page',
    path: async (server) => `${await planPage(server)}/on-a-page`,
    as: 'viewer',
    heading: /on a page$/,
  },
  {
    name: 'progress report',
    path: async (server) => `${await planPage(server)}/progress`,
    as: 'viewer',
    heading: /^Progress report: /,
  },
  {
    name: 'public site of a published partnership',
    path: (server) => publicPage(server, ''),
    as: 'signedOut',
    heading: /Nottinghamshire/,
  },
  {
    name: 'public site: structure',
    path: (server) => publicPage(server, '/structure'),
    as: 'signedOut',
    heading: /./,
  },
  {
    name: 'public site: meetings',
    path: (server) => publicPage(server, '/meetings'),
    as: 'signedOut',
    heading: /./,
  },
  {
    name: 'public site: a meeting',
    path: (server) => publicPage(server, (id) => `/meetings/${id}`),
    as: 'signedOut',
    heading: /./,
  },
  {
    name: 'public site: the plan',
    path: (server) => publicPage(server, '/plan'),
    as: 'signedOut',
    heading: /./,
  },
  {
    name: 'public site: consultations',
    path: (server) => publicPage(server, '/consultations'),
    as: 'signedOut',
    heading: /./,
  },
  {
    name: 'public site: indicators',
    path: (server) => publicPage(server, '/indicators'),
    as: 'signedOut',
    heading: /./,
  },
  {
    name: 'public site: search results',
    path: (server) => publicPage(server, '/search?q=guidance'),
    as: 'signedOut',
    heading: 'Search meetings and papers',
  },
  {
    name: 'public site: a search that finds nothing',
    path: (server) => publicPage(server, '/search?q=skateboarding'),
    as: 'signedOut',
    heading: 'Search meetings and papers',
  },
  {
    name: 'public site: a search with errors',
    path: (server) => publicPage(server, '/search?from=2009-02-30&body=nowhere'),
    as: 'signedOut',
    heading: 'Search meetings and papers',
    status: 400,
  },
  {
    name: 'public site settings',
    path: `${home}/public-site`,
    as: 'platformAdmin',
    heading: /./,
  },
  { name: 'your calendar address', path: '/account/calendar', as: 'viewer', heading: /./ },
  { name: 'voice: consultations', path: `${home}/voice`, as: 'partnershipAdmin', heading: /voice/ },
  ...andIn(
    {
      name: 'voice: write a consultation',
      path: `${home}/voice/new`,
      as: 'partnershipAdmin',
      heading: 'Write a consultation',
    },
    'with errors',
    submitShowingErrors('Save consultation'),
  ),
  {
    name: 'voice: a consultation',
    path: async (server) => (await voiceFor(server, homePartnership)).page,
    as: 'partnershipAdmin',
    heading: 'Where we feel safe',
  },
  {
    name: 'voice: a consultation, as a viewer',
    path: async (server) => (await voiceFor(server, homePartnership)).page,
    as: 'viewer',
    heading: 'Where we feel safe',
  },
  {
    name: 'voice: change a consultation',
    path: async (server) => `${(await voiceFor(server, homePartnership)).page}/edit`,
    as: 'partnershipAdmin',
    heading: 'Change the consultation',
  },
  ...andIn(
    {
      name: 'voice: add a question',
      path: async (server) => `${(await voiceFor(server, homePartnership)).page}/questions/new`,
      as: 'partnershipAdmin',
      heading: 'Add a question',
    },
    'with errors',
    submitShowingErrors('Add question'),
  ),
  {
    name: 'voice: results',
    path: async (server) => `${(await voiceFor(server, homePartnership)).page}/results`,
    as: 'viewer',
    heading: /^Results: /,
  },
  {
    name: 'voice: moderation',
    path: async (server) => `${(await voiceFor(server, homePartnership)).page}/moderation`,
    as: 'partnershipAdmin',
    heading: 'Moderate answers',
  },
  {
    name: 'voice: add a theme',
    path: async (server) => `${(await voiceFor(server, homePartnership)).page}/themes/new`,
    as: 'partnershipAdmin',
    heading: 'Add a theme',
  },
  ...andIn(
    {
      name: 'voice: what was done',
      path: async (server) => `${(await voiceFor(server, homePartnership)).theme}/outcomes/new`,
      as: 'partnershipAdmin',
      heading: /What was done/,
    },
    'with errors',
    submitShowingErrors('Save'),
  ),
  {
    name: 'voice: summary',
    path: async (server) => `${(await voiceFor(server, homePartnership)).page}/summary`,
    as: 'partnershipAdmin',
    heading: 'Summary for the board',
  },
  {
    name: 'voice: board paper',
    path: async (server) => `${(await voiceFor(server, homePartnership)).page}/paper`,
    as: 'partnershipAdmin',
    heading: 'Send to a board meeting',
  },
  {
    name: 'voice: the poster',
    path: async (server) => `${(await voiceFor(server, homePartnership)).page}/poster`,
    as: 'partnershipAdmin',
    heading: 'Where we feel safe',
  },
  {
    name: 'voice: priorities from what young people said',
    path: `${home}/voice/priorities`,
    as: 'viewer',
    heading: /priorities/,
  },
  {
    name: 'voice: recommendations',
    path: async (server) => {
      await voiceFor(server, homePartnership);
      return `${home}/voice/recommendations`;
    },
    as: 'viewer',
    heading: /Recommendations/,
  },
  ...andIn(
    {
      name: 'voice: record a recommendation',
      path: `${home}/voice/recommendations/new`,
      as: 'partnershipAdmin',
      heading: /Record a recommendation/,
    },
    'with errors',
    submitShowingErrors('Record recommendation'),
  ),
  ...andIn(
    {
      name: 'voice: the board\u2019s response',
      path: async (server) => `${(await voiceFor(server, homePartnership)).recommendation}/response`,
      as: 'partnershipAdmin',
      heading: /response/,
    },
    'with errors',
    submitShowingErrors('Save response'),
  ),
  {
    name: 'voice: the agenda item where the board considered a recommendation, with errors',
    path: async (server) => `${(await voiceFor(server, homePartnership)).recommendation}/minute-item`,
    as: 'partnershipAdmin',
    heading: /agenda item where the board considered it/,
    setup: submitShowingErrors('Save'),
  },
  {
    name: 'voice: the response form',
    path: (server) => openConsultationLink(server, homePartnership),
    as: 'signedOut',
    heading: 'Open for answers',
  },
  {
    name: 'voice: the easy-read response form',
    path: async (server) => `${await openConsultationLink(server, homePartnership)}?version=easy-read`,
    as: 'signedOut',
    heading: 'Open for answers',
  },
  {
    name: 'voice: the response form, with errors',
    path: (server) => openConsultationLink(server, homePartnership),
    as: 'signedOut',
    heading: 'Open for answers',
    setup: submitShowingErrors('Send my answers'),
  },
  {
    name: 'voice: a closed consultation',
    path: async (server) => (await voiceFor(server, homePartnership)).link,
    as: 'signedOut',
    heading: 'Where we feel safe',
    status: 410,
  },
];
