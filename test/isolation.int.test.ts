// Tenant isolation: partnership A's users, whatever their role, never see or change
// partnership B's rows, through any page or API endpoint; and the database itself refuses,
// whatever the code forgets. When a capability adds routes, add them to the lists below.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  binary,
  csrfTokenIn,
  makePartnership,
  makeUser,
  grant,
  signIn,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
} from './support/test-app.ts';
import { publicSiteService } from '../src/modules/public/index.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { roles } from '../src/platform/http/permissions.ts';

/** Each side's meeting, agenda item and paper, by side. */
const meetingIds: Record<string, string> = {};
const itemIds: Record<string, string> = {};
const paperIds: Record<string, string> = {};
const decisionIds: Record<string, string> = {};
const actionIds: Record<string, string> = {};
const consultationIds: Record<string, string> = {};
const declarationIds: Record<string, string> = {};
const interestIds: Record<string, string> = {};
/** Each side's plan priority, action and milestone, by side. */
const planParts: Record<string, { priority: string; action: string; milestone: string }> = {};
/** Each side's resources entries (contribution, spending, pledge, service, principle), by side. */
const resourceIds: Record<
  string,
  Record<'contribution' | 'spending' | 'pledge' | 'service' | 'principle', string>
> = {};
/** Each side's young people's board recommendation, by side. */
const voiceRecommendationIds: Record<string, string> = {};

/** Pages of a partnership, by path under /partnerships/:slug (each side's bodies carry its name). */
const tenantPages = (side: string) => [
  '',
  '/edit',
  '/users',
  '/audit',
  '/audit?format=csv',
  '/mail',
  '/structure',
  `/structure?at=2009-01-01&from=2000-01-01`,
  `/bodies/${side}-board`,
  `/bodies/${side}-board/seats`,
  `/bodies/${side}-board/seats?format=csv`,
  `/bodies/${side}-board/terms/1`,
  '/organisations',
  '/organisations?format=csv',
  '/people',
  '/compliance',
  '/compliance?format=csv',
  '/surveys',
  `/surveys/${side}-survey`,
  `/surveys/${side}-survey?format=csv`,
  `/surveys/${side}-survey?format=docx`,
  '/surveys/new',
  `/surveys/${side}-survey/edit`,
  `/surveys/${side}-survey/questions/new`,
  `/surveys/${side}-survey/invite`,
  `/surveys/${side}-survey/links`,
  `/surveys/${side}-survey/coding`,
  `/surveys/${side}-survey/findings/new`,
  '/survey-invitations',
  '/meetings',
  '/meetings?from=2000-01-01',
  '/meetings/mine.ics',
  `/meetings/${meetingIds[side]}`,
  `/meetings/${meetingIds[side]}/edit`,
  '/meetings/new',
  `/bodies/${side}-board/meetings`,
  `/bodies/${side}-board/meetings.ics`,
  `/meetings/${meetingIds[side]}/agenda/new`,
  `/meetings/${meetingIds[side]}/agenda/${itemIds[side]}/edit`,
  `/meetings/${meetingIds[side]}/papers/${paperIds[side]}`,
  `/meetings/${meetingIds[side]}/board-pack.pdf`,
  `/meetings/${meetingIds[side]}/agenda/${itemIds[side]}/report`,
  `/meetings/${meetingIds[side]}/agenda/${itemIds[side]}/report?format=docx`,
  `/meetings/${meetingIds[side]}/agenda/${itemIds[side]}/report/edit`,
  '/consultations',
  `/consultations/${consultationIds[side]}`,
  `/consultations/${consultationIds[side]}?format=docx`,
  `/consultations/${consultationIds[side]}/answers`,
  `/meetings/${meetingIds[side]}/agenda/${itemIds[side]}/consultations/new`,
  '/indicators',
  '/indicators/library?set=nis2008',
  '/indicators/new',
  '/indicators/NI%2073',
  `/indicators/${side.toUpperCase()}%201`,
  '/indicators/NI%2073/values/new',
  '/indicators/import',
  '/benchmarking',
  '/benchmarking/publish',
  '/indicators/NI%2073/benchmark',
  '/indicators/NI%2073/benchmark.csv',
  `/indicators/${side.toUpperCase()}%201/benchmark`,
  '/plans',
  '/plans/new',
  `/plans/${side}-plan`,
  `/plans/${side}-plan/edit`,
  `/plans/${side}-plan/versions`,
  `/plans/${side}-plan/evidence/new`,
  `/plans/${side}-plan/priorities/new`,
  `/meetings/${meetingIds[side]}/attendance`,
  `/meetings/${meetingIds[side]}/apologies`,
  `/meetings/${meetingIds[side]}/send-agenda`,
  `/meetings/${meetingIds[side]}/declarations/new`,
  `/meetings/${meetingIds[side]}/declarations/new?item=${itemIds[side]}`,
  `/bodies/${side}-board/attendance?from=2009-01-01&to=2009-12-31`,
  `/bodies/${side}-board/attendance?format=csv`,
  `/bodies/${side}-board/attendance?format=docx`,
  `/meetings/${meetingIds[side]}/agenda/${itemIds[side]}/minutes`,
  `/meetings/${meetingIds[side]}/agenda/${itemIds[side]}/decisions/new`,
  `/meetings/${meetingIds[side]}/decisions/${decisionIds[side]}/outcome`,
  `/meetings/${meetingIds[side]}/actions/new`,
  `/meetings/${meetingIds[side]}/minutes/approve`,
  '/actions',
  '/actions?status=open',
  // raising an action from the log lists only the partnership's meetings; the log and the
  // indicator values as files (issue 23 item 4)
  '/actions/new',
  '/actions?format=csv',
  '/indicators?format=csv',
  `/actions/${actionIds[side]}/update`,
  // an action's plan priority (issue 23, ADR 0055)
  `/actions/${actionIds[side]}/priority`,
  '/accountability',
  '/exceptions',
  '/highlight',
  `/plans/${side}-plan/on-a-page`,
  `/plans/${side}-plan/progress`,
  `/plans/${side}-plan/priorities/${planParts[side]?.priority}/edit`,
  `/plans/${side}-plan/priorities/${planParts[side]?.priority}/delete`,
  `/plans/${side}-plan/actions/${planParts[side]?.action}`,
  `/plans/${side}-plan/actions/${planParts[side]?.action}/edit`,
  `/plans/${side}-plan/actions/${planParts[side]?.action}/delete`,
  `/plans/${side}-plan/actions/${planParts[side]?.action}/milestones/${planParts[side]?.milestone}/edit`,
  `/indicators/${side.toUpperCase()}%201/edit`,
  `/indicators/${side.toUpperCase()}%201/delete`,
  '/resources',
  '/resources?year=2009',
  '/resources?format=csv',
  '/resources?format=docx',
  '/resources/funds/new',
  `/resources/funds/${side}-fund`,
  `/resources/funds/${side}-fund?year=2009`,
  `/resources/funds/${side}-fund/contributions/new`,
  `/resources/funds/${side}-fund/spending/new`,
  `/resources/funds/${side}-fund/decisions/new`,
  `/resources/funds/${side}-fund/import`,
  '/resources/pledges/new',
  '/resources/services/new',
  `/resources/plans/${side}-plan/principles/new`,
  ...['edit', 'delete'].flatMap((page) => [
    `/resources/funds/${side}-fund/contributions/${resourceIds[side]?.contribution}/${page}`,
    `/resources/funds/${side}-fund/spending/${resourceIds[side]?.spending}/${page}`,
    `/resources/pledges/${resourceIds[side]?.pledge}/${page}`,
    `/resources/services/${resourceIds[side]?.service}/${page}`,
    `/resources/plans/${side}-plan/principles/${resourceIds[side]?.principle}/${page}`,
  ]),
  '/voice',
  '/voice/new',
  '/voice/recommendations',
  '/voice/recommendations/new',
  '/voice/priorities',
  `/voice/${side}-voice`,
  `/voice/${side}-voice/edit`,
  `/voice/${side}-voice/poster`,
  `/voice/${side}-voice/results`,
  `/voice/${side}-voice/results?format=csv`,
  `/voice/${side}-voice/results?format=docx`,
  `/voice/${side}-voice/questions/new`,
  `/voice/${side}-voice/moderation`,
  `/voice/${side}-voice/themes/new`,
  `/voice/${side}-voice/themes/${side}-theme/outcomes/new`,
  `/voice/${side}-voice/summary`,
  `/voice/${side}-voice/paper`,
  `/voice/recommendations/${voiceRecommendationIds[side]}/response`,
  `/voice/recommendations/${voiceRecommendationIds[side]}/report-back`,
  `/voice/recommendations/${voiceRecommendationIds[side]}/minute-item`,
];
/** Forms of a partnership: path under /partnerships/:slug and the answers sent. */
const tenantForms = (b: {
  memberId: string;
  invitationId: string;
  priorityId: string;
  actionId: string;
  personId: string;
}) => [
  {
    path: '/edit',
    fields: {
      authorityGssCode: 'E08000027',
      name: 'Taken over',
      slug: 'bravo',
      status: 'active',
      published: 'yes',
    },
  },
  { path: '/users', fields: { email: 'intruder@example.org', role: 'admin' } },
  { path: '/mail/send', fields: {} },
  { path: `/meetings/${meetingIds.bravo}/send-agenda`, fields: {} },
  { path: `/meetings/${meetingIds.bravo}/send-minutes`, fields: {} },
  { path: `/users/${b.memberId}/role`, fields: { role: 'viewer' } },
  { path: `/users/${b.memberId}/remove`, fields: {} },
  { path: `/users/invitations/${b.invitationId}/withdraw`, fields: {} },
  {
    path: '/bodies/new',
    fields: {
      name: 'Intruder',
      slug: 'intruder',
      kind: 'board',
      takesDecisions: 'yes',
      status: 'established',
      'statusOn-year': '2009',
    },
  },
  {
    path: '/bodies/bravo-board/edit',
    fields: { name: 'Taken', slug: 'bravo-board', kind: 'board', takesDecisions: 'yes' },
  },
  { path: '/bodies/bravo-board/status', fields: { status: 'dissolved', 'effectiveOn-year': '2010' } },
  { path: '/bodies/bravo-board/terms/new', fields: { title: 'Taken', 'adoptedOn-year': '2010', text: 'x' } },
  {
    path: '/bodies/bravo-board/seats/new',
    fields: { label: 'Intruder', role: 'member', voting: 'yes', howFilled: 'appointed' },
  },
  { path: '/organisations/new', fields: { name: 'Intruder', sector: 'other' } },
  { path: '/people/new', fields: { name: 'Intruder' } },
  { path: '/surveys/new', fields: { title: 'Intruder' } },
  { path: '/surveys/bravo-survey/edit', fields: { title: 'Taken' } },
  { path: '/surveys/bravo-survey/questions/new', fields: { text: 'Intruder?', kind: 'text' } },
  { path: '/surveys/bravo-survey/invite', fields: { group: 'Intruders', authorities: 'Dudley' } },
  { path: '/surveys/bravo-survey/status', fields: { status: 'open' } },
  {
    path: '/surveys/bravo-survey/links',
    fields: { respondentId: b.memberId, name: 'X', email: 'x@example.org' },
  },
  {
    path: '/surveys/bravo-survey/findings/new',
    fields: { number: '9', text: 'Taken', evidence: b.memberId },
  },
  {
    path: '/meetings/new',
    fields: {
      title: 'Intruder',
      kind: 'board-meeting',
      'date-day': '1',
      'date-month': '1',
      'date-year': '2010',
    },
  },
  {
    path: `/meetings/${meetingIds.bravo}/edit`,
    fields: { title: 'Taken', kind: 'board-meeting', state: 'cancelled', startTime: '10:00' },
  },
  {
    path: `/meetings/${meetingIds.bravo}/agenda/new`,
    fields: { number: '9', title: 'Intruder', purpose: 'decision', exempt: 'no' },
  },
  {
    path: `/meetings/${meetingIds.bravo}/agenda/${itemIds.bravo}/edit`,
    fields: { number: '1', title: 'Taken', purpose: 'decision', exempt: 'no' },
  },
  { path: `/meetings/${meetingIds.bravo}/agenda/${itemIds.bravo}/remove`, fields: {} },
  { path: `/meetings/${meetingIds.bravo}/papers/${paperIds.bravo}/remove`, fields: {} },
  { path: `/meetings/${meetingIds.bravo}/board-pack`, fields: {} },
  { path: '/indicators/library', fields: { key: 'NI 19' } },
  {
    path: '/indicators/new',
    fields: {
      code: 'INTRUDER 1',
      title: 'Intruder',
      definition: 'x',
      unit: 'number',
      polarity: 'higher',
      frequency: 'calendar year',
      source: 'x',
    },
  },
  {
    path: '/indicators/NI%2073/targets/new',
    fields: { period: '2010/11', target: '1', toleranceKind: 'absolute', tolerance: '0' },
  },
  { path: '/indicators/NI%2073/values/new', fields: { period: '2010/11', value: '1', breakdownKind: 'all' } },
  {
    path: '/indicators/NI%2073/comparators/new',
    fields: { period: '2010/11', comparator: 'england', value: '1' },
  },
  { path: `/meetings/${meetingIds.bravo}/attendance`, fields: {} },
  { path: `/meetings/${meetingIds.bravo}/apologies`, fields: {} },
  {
    path: `/meetings/${meetingIds.bravo}/declarations/new`,
    fields: {
      agendaItemId: itemIds.bravo!,
      personId: b.personId,
      kind: 'other-registrable',
      nature: 'Intruder',
      participation: 'took-part',
    },
  },
  { path: `/meetings/${meetingIds.bravo}/declarations/${declarationIds.bravo}/remove`, fields: {} },
  { path: `/meetings/${meetingIds.bravo}/agenda/${itemIds.bravo}/minutes`, fields: { text: 'Intruder' } },
  { path: `/consultations/${consultationIds.bravo}/answers`, fields: { 'answer-1': 'Intruder' } },
  {
    path: `/meetings/${meetingIds.bravo}/agenda/${itemIds.bravo}/consultations/new`,
    fields: {
      title: 'Intruder',
      issuedBy: 'Intruder',
      'deadline-day': '1',
      'deadline-month': '1',
      'deadline-year': '2010',
      questions: 'Intruder',
    },
  },
  {
    path: `/meetings/${meetingIds.bravo}/agenda/${itemIds.bravo}/report/edit`,
    fields: {
      reportTo: 'Intruder',
      reportOf: 'Intruder',
      author: 'Intruder',
      title: 'Intruder',
      purpose: 'Intruder',
      recommendations: 'Intruder',
    },
  },
  {
    path: `/meetings/${meetingIds.bravo}/agenda/${itemIds.bravo}/decisions/new`,
    fields: { text: 'Intruder' },
  },
  {
    path: `/meetings/${meetingIds.bravo}/decisions/${decisionIds.bravo}/outcome`,
    fields: { outcome: 'Intruder', 'outcomeOn-day': '1', 'outcomeOn-month': '1', 'outcomeOn-year': '2010' },
  },
  { path: `/meetings/${meetingIds.bravo}/actions/new`, fields: { text: 'Intruder' } },
  { path: `/meetings/${meetingIds.bravo}/minutes/approve`, fields: {} },
  { path: `/actions/${actionIds.bravo}/update`, fields: { text: 'Intruder', status: 'done' } },
  { path: `/actions/${actionIds.bravo}/priority`, fields: { planPriorityId: '' } },
  { path: '/benchmarking/publish', fields: {} },
  {
    path: `/plans/bravo-plan/priorities/${b.priorityId}/edit`,
    fields: { title: 'Taken' },
  },
  { path: `/plans/bravo-plan/priorities/${b.priorityId}/move`, fields: { direction: 'down' } },
  { path: `/plans/bravo-plan/priorities/${b.priorityId}/delete`, fields: {} },
  {
    path: `/plans/bravo-plan/actions/${b.actionId}/edit`,
    fields: { text: 'Taken', leadKind: 'person', timing: 'none', status: 'cancelled' },
  },
  { path: `/plans/bravo-plan/actions/${b.actionId}/delete`, fields: {} },
  {
    path: `/plans/bravo-plan/actions/${b.actionId}/milestones/${planParts.bravo?.milestone}/edit`,
    fields: { text: 'Taken' },
  },
  {
    path: `/plans/bravo-plan/actions/${b.actionId}/milestones/${planParts.bravo?.milestone}/delete`,
    fields: {},
  },
  {
    path: '/indicators/BRAVO%201/edit',
    fields: {
      title: 'Taken',
      definition: 'x',
      unit: 'number',
      polarity: 'higher',
      frequency: 'calendar year',
      source: 'x',
    },
  },
  { path: '/indicators/BRAVO%201/delete', fields: {} },
  { path: '/resources/funds/new', fields: { name: 'Intruder', slug: 'intruder', kind: 'pooled' } },
  {
    path: '/resources/funds/bravo-fund/contributions/new',
    fields: { organisationId: b.personId, year: '2009', form: 'cash', agreed: '1' },
  },
  {
    path: '/resources/funds/bravo-fund/spending/new',
    fields: { year: '2009', priorityId: b.priorityId, actual: '1' },
  },
  { path: '/resources/funds/bravo-fund/decisions/new', fields: { decisionId: decisionIds.bravo! } },
  { path: '/resources/funds/bravo-fund/import/confirm', fields: {} },
  { path: '/resources/plans/bravo-plan/principles/new', fields: { text: 'Intruder' } },
  {
    path: `/resources/funds/bravo-fund/contributions/${resourceIds.bravo?.contribution}/edit`,
    fields: { organisationId: b.personId, year: '2009', form: 'cash', agreed: '1' },
  },
  {
    path: `/resources/funds/bravo-fund/spending/${resourceIds.bravo?.spending}/edit`,
    fields: { year: '2009', priorityId: b.priorityId, actual: '1' },
  },
  {
    path: `/resources/services/${resourceIds.bravo?.service}/edit`,
    fields: { name: 'Taken', providerKind: 'other', provider: 'Intruder', status: 'active' },
  },
  {
    path: `/resources/plans/bravo-plan/principles/${resourceIds.bravo?.principle}/edit`,
    fields: { text: 'Intruder' },
  },
  ...(['contributions', 'spending'] as const).map((kind) => ({
    path: `/resources/funds/bravo-fund/${kind}/${resourceIds.bravo?.[kind === 'contributions' ? 'contribution' : 'spending']}/delete`,
    fields: {},
  })),
  { path: `/resources/pledges/${resourceIds.bravo?.pledge}/delete`, fields: {} },
  { path: `/resources/services/${resourceIds.bravo?.service}/delete`, fields: {} },
  { path: `/resources/plans/bravo-plan/principles/${resourceIds.bravo?.principle}/delete`, fields: {} },
  { path: '/voice/bravo-voice/edit', fields: { title: 'Taken' } },
  { path: '/voice/bravo-voice/questions/new', fields: { text: 'Intruder?', kind: 'text' } },
  { path: '/voice/bravo-voice/status', fields: { status: 'closed' } },
  { path: '/voice/bravo-voice/themes/new', fields: { title: 'Intruder', said: 'Intruder' } },
  {
    path: '/voice/bravo-voice/themes/bravo-theme/outcomes/new',
    fields: { kind: 'not-done', note: 'Intruder' },
  },
  { path: '/voice/bravo-voice/summary', fields: { summary: 'Intruder' } },
  { path: '/voice/bravo-voice/paper', fields: { meetingId: meetingIds.bravo!, number: '9' } },
  {
    path: `/voice/recommendations/${voiceRecommendationIds.bravo}/response`,
    fields: { response: 'accepted', meetingId: meetingIds.bravo! },
  },
  {
    path: `/voice/recommendations/${voiceRecommendationIds.bravo}/minute-item`,
    fields: { meetingId: meetingIds.bravo!, number: '1' },
  },
];
const apiPaths = (slug: string) => [
  '/api/v1/partnerships',
  `/api/v1/partnerships/${slug}/voice/consultations`,
  `/api/v1/partnerships/${slug}`,
  `/api/v1/partnerships/${slug}/bodies`,
  `/api/v1/partnerships/${slug}/bodies/${slug}-board/seats`,
  `/api/v1/partnerships/${slug}/organisations`,
  `/api/v1/partnerships/${slug}/compliance`,
  `/api/v1/partnerships/${slug}/meetings`,
  `/api/v1/partnerships/${slug}/meetings/${meetingIds[slug]}`,
  `/api/v1/partnerships/${slug}/attendance?body=${slug}-board&from=2009-01-01&to=2009-12-31`,
  `/api/v1/partnerships/${slug}/actions`,
  `/api/v1/partnerships/${slug}/consultations`,
  `/api/v1/partnerships/${slug}/plans`,
  `/api/v1/partnerships/${slug}/plans/${slug}-plan`,
  `/api/v1/partnerships/${slug}/indicators`,
  `/api/v1/partnerships/${slug}/indicators/NI%2073`,
  `/api/v1/partnerships/${slug}/accountability?organisation=${slug}%20council`,
  `/api/v1/partnerships/${slug}/indicators/NI%2073/benchmark`,
  `/api/v1/partnerships/${slug}/funds`,
  `/api/v1/partnerships/${slug}/funds/${slug}-fund`,
  `/api/v1/partnerships/${slug}/pledges`,
  `/api/v1/partnerships/${slug}/commissioned-services`,
  `/api/v1/partnerships/${slug}/resources`,
];

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

interface Snapshot {
  [table: string]: unknown[];
}

async function tenantTables(test: TestApp): Promise<string[]> {
  return test.db.transaction({}, async (trx) =>
    (
      await sql<{ table_name: string }>`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'partnership_id' order by table_name`.execute(trx)
    ).rows.map((row) => row.table_name),
  );
}

async function snapshot(test: TestApp, partnershipId: string): Promise<Snapshot> {
  const tables = await tenantTables(test);
  return test.db.transaction({ partnershipId }, async (trx) => {
    const result: Snapshot = {};
    for (const table of tables)
      result[table] = (await sql`select * from ${sql.table(table)} order by 1, 2`.execute(trx)).rows;
    result.partnership = (
      await sql`select * from partnerships where id = ${partnershipId}`.execute(trx)
    ).rows;
    return result;
  });
}

/** One of everything a partnership holds, so that every tenant table has rows on both sides. */
async function furnish(
  test: TestApp,
  partnershipId: string,
  prefix: string,
): Promise<{
  boardId: string;
  personId: string;
  surveyId: string;
  priorityId: string;
  actionId: string;
  organisationId: string;
}> {
  const caller = systemCaller('test', partnershipId);
  const board = await test.services.bodies.create(caller, {
    slug: `${prefix}-board`,
    name: `${prefix} board`,
    kind: 'board',
    takesDecisions: true,
    status: 'established',
    statusOn: '2007',
  });
  const group = await test.services.bodies.create(caller, {
    slug: `${prefix}-group`,
    name: `${prefix} group`,
    kind: 'sub-group',
    takesDecisions: false,
    status: 'established',
    statusOn: '2008',
    // a dated rule (issue 24): every tenant table has rows of each side
    chairingRule: { kind: 'elected', detail: `${prefix} chairing rule` },
  });
  await test.services.bodies.relate(caller, { fromBodyId: group.id, toBodyId: board.id, kind: 'reports-to' });
  await test.services.bodies.adoptTerms(caller, board.id, {
    title: 'Terms of reference',
    adoptedOn: '2009-05',
    text: `${prefix} terms`,
  });
  const organisationId = await test.services.membership.addOrganisation(caller, {
    name: `${prefix} council`,
    sector: 'local-authority',
    category: 'local-authority',
    notes: null,
  });
  const personId = await test.services.membership.addPerson(caller, {
    name: `${prefix} person`,
    jobTitle: 'Director',
    email: `${prefix}@example.org`,
    phone: null,
    youngPerson: false,
    notes: null,
  });
  const substituteId = await test.services.membership.addPerson(caller, {
    name: `${prefix} deputy`,
    jobTitle: null,
    email: null,
    phone: null,
    youngPerson: false,
    notes: null,
  });
  const seatId = await test.services.membership.addSeat(caller, board.id, {
    label: `${prefix} seat`,
    role: 'member',
    voting: true,
    howFilled: 'ex-officio',
    organisationId,
    capacity: 1,
  });
  // a joint post (issue 15): held for the council and the health commissioner
  const healthId = await test.services.membership.addOrganisation(caller, {
    name: `${prefix} health`,
    sector: 'health',
    category: 'health-commissioner',
    notes: null,
  });
  const membershipId = await test.services.membership.appoint(caller, {
    seatId,
    personId,
    startsOn: '2009-01-01',
    substituteIds: [substituteId],
    organisationId,
    jointOrganisationIds: [healthId],
  });
  // a change of title from a date (issue 15)
  await test.services.appointments.changeTerm(caller, membershipId, {
    holdsFrom: '2009-06',
    title: `${prefix} acting director`,
    role: null,
  });
  interestIds[prefix] = await test.services.membership.declareInterest(caller, {
    personId,
    description: `${prefix} interest`,
    declaredOn: '2009-01-01',
  });
  await test.services.surveys.load(caller, `${prefix}-survey`, {
    survey: {
      title: `${prefix} survey`,
      owner: prefix,
      questions: [{ key: 'q1', text: 'Is the board continuing?', kind: 'text', codes: ['yes'] }],
      groups: [{ key: 'all', name: 'All' }],
      respondents: [
        {
          key: 'r1',
          group: 'all',
          number: 1,
          label: `${prefix} respondent`,
          // not the partnerships' own authority: B's survey does not invite A (see surveys-tenancy)
          gssCode: 'E10000016',
          answers: { q1: { text: `${prefix} answer`, code: 'yes' } },
        },
      ],
      findings: [{ number: '1', text: `${prefix} finding`, evidence: ['r1.q1'] }],
    },
  });
  meetingIds[prefix] = await test.services.meetings.create(caller, {
    title: `${prefix} meeting`,
    kind: 'joint-meeting',
    bodyIds: [board.id, group.id],
    date: '2009-03-20',
    startTime: '10:00',
    place: `${prefix} hall`,
    state: 'scheduled',
  });
  // an election at it (issue 24): a nominee, and nobody elected
  await test.services.elections.record(caller, meetingIds[prefix], {
    seatId,
    office: `${prefix} office`,
    byAcclamation: false,
    nominees: [{ personId: substituteId, proposedBy: personId, secondedBy: null, votes: 2 }],
    elected: null,
    notes: null,
  });
  // standing items (issue 24), set after the meeting above: only new meetings carry them
  await test.services.bodies.update(caller, group.id, {
    ...group,
    chairingRule: { kind: 'elected', detail: `${prefix} chairing rule` },
    standingItems: [`${prefix} standing item`],
  });
  itemIds[prefix] = await test.services.agenda.addItem(
    caller,
    meetingIds[prefix],
    {
      number: 1,
      title: `${prefix} item`,
      purpose: 'decision',
      presenter: null,
      exempt: true,
      exemptParagraph: 3,
      exemptReason: null,
    },
    { fileName: `${prefix}-paper.pdf`, content: Buffer.from(`%PDF-1.4 ${prefix} paper`) },
  );
  paperIds[prefix] = (await test.services.agenda.agenda(caller, meetingIds[prefix]))[0]!.papers[0]!.id;
  // a later meeting whose agenda was sent by e-mail (agenda_dispatches, mail_outbox)
  const nextMeetingId = await test.services.meetings.create(caller, {
    title: `${prefix} next meeting`,
    kind: 'board-meeting',
    bodyIds: [board.id],
    date: '2099-03-20',
    startTime: '10:00',
    state: 'scheduled',
  });
  await test.services.agenda.addItem(caller, nextMeetingId, {
    number: 1,
    title: `${prefix} next item`,
    purpose: 'decision',
    presenter: null,
    exempt: false,
    exemptParagraph: null,
    exemptReason: null,
  });
  await test.services.agendaMail.send(caller, nextMeetingId);
  consultationIds[prefix] = await test.services.consultations.place(
    caller,
    meetingIds[prefix],
    itemIds[prefix],
    {
      title: `${prefix} consultation`,
      issuedBy: `${prefix} department`,
      deadline: '2009-02-10',
      summary: null,
      questions: [`${prefix} question`],
    },
  );
  await test.services.consultations.answer(
    caller,
    consultationIds[prefix],
    new Map([[1, `${prefix} answer`]]),
  );
  await test.services.reports.save(caller, meetingIds[prefix], itemIds[prefix], {
    reportTo: `${prefix} board`,
    reportOf: `${prefix} director`,
    author: `${prefix} author`,
    contactOfficer: null,
    title: `${prefix} report`,
    confidentiality: null,
    purpose: `${prefix} purpose`,
    summary: null,
    background: null,
    recommendations: [`${prefix} recommendation`],
    decision: null,
    backgroundDocuments: null,
    financialImplications: null,
    legalImplications: null,
    equalityImplications: null,
    riskImplications: null,
    appendices: null,
  });
  const survey = (await test.services.surveys.get(caller, `${prefix}-survey`))!;
  // a response link as one made before the survey was published
  await test.db.transaction({ partnershipId }, (trx) =>
    trx
      .insertInto('survey_response_links')
      .values({
        partnership_id: partnershipId,
        respondent_id: survey.respondents[0]!.id,
        contact_name: `${prefix} contact`,
        contact_email: `${prefix}-contact@example.org`,
        token_hash: `${prefix}-digest`,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute(),
  );
  await test.services.indicators.track(caller, 'NI 73');
  await test.services.indicators.createLocal(caller, {
    code: `${prefix.toUpperCase()} 1`,
    title: `${prefix} indicator`,
    definition: `${prefix} definition`,
    unit: 'number',
    polarity: 'higher',
    frequency: 'calendar year',
    source: `${prefix} source`,
  });
  await test.services.indicators.setTarget(caller, 'NI 73', {
    period: '2009/10',
    target: 75,
    toleranceKind: 'absolute',
    tolerance: 2,
  });
  await test.services.indicators.recordValue(caller, 'NI 73', {
    period: '2009/10',
    value: 74,
    breakdownKind: 'area',
    breakdown: `${prefix} district`,
    illustrative: false,
  });
  await test.services.indicators.recordComparator(caller, 'NI 73', {
    period: '2009/10',
    comparator: 'england',
    value: 73,
  });
  const published = (await test.services.indicators.byCode(caller, 'NI 73'))!.indicator;
  await test.services.benchmarking.setPublished(caller, [published.id]);
  const plan = await test.services.plans.create(caller, {
    slug: `${prefix}-plan`,
    title: `${prefix} plan`,
    kind: 'other',
    startsOn: '2009-04-01',
    endsOn: '2011-03-31',
    vision: `${prefix} vision`,
    status: 'draft',
    resourcing: null,
  });
  await test.services.plans.addOutcome(caller, plan.slug, `${prefix} outcome`);
  await test.services.plans.addEvidence(caller, plan.slug, { kind: 'survey', title: `${prefix} evidence` });
  const detail = (await test.services.plans.bySlug(caller, plan.slug))!;
  const tracked = (await test.services.indicators.list(caller))[0]!.indicator;
  const priorityId = await test.services.plans.addPriority(caller, plan.slug, {
    title: `${prefix} priority`,
    ownerBodyId: board.id,
    leadPersonId: personId,
    outcomeIds: [detail.outcomes[0]!.id],
    indicatorIds: [tracked.id],
  });
  const actionId = await test.services.plans.addAction(caller, plan.slug, priorityId, {
    text: `${prefix} action`,
    leadKind: 'person',
    leadId: personId,
    partnerIds: [organisationId],
    recurrence: 'quarterly',
    recursFrom: '2009-04-01',
    status: 'in progress',
  });
  await test.services.plans.addMilestone(caller, plan.slug, actionId, { text: `${prefix} milestone` });
  planParts[prefix] = {
    priority: priorityId,
    action: actionId,
    milestone: (await test.services.plans.action(caller, plan.slug, actionId)).action.milestones[0]!.id,
  };
  await test.services.plans.postUpdate(caller, plan.slug, actionId, {
    reportedOn: '2009-06-01',
    rag: 'green',
    commentary: `${prefix} commentary`,
  });
  const [membership] = await test.services.membership.memberships(caller, { bodyId: board.id });
  await test.services.attendance.record(caller, meetingIds[prefix], {
    members: [{ membershipId: membership!.id, status: 'apologies', substituteId: substituteId }],
    inAttendance: [],
    counts: [{ description: `${prefix} young people`, count: 3, approximate: false }],
  });
  await publicSiteService(test.db, test.services).saveSections(caller, ['structure', 'meetings']);
  await test.services.record.writeMinutes(caller, meetingIds[prefix], itemIds[prefix], `${prefix} minutes`);
  decisionIds[prefix] = await test.services.record.addDecision(caller, meetingIds[prefix], itemIds[prefix], {
    text: `${prefix} decision`,
    delegatedTo: `${prefix} director`,
  });
  actionIds[prefix] = await test.services.record.raiseAction(caller, meetingIds[prefix], {
    agendaItemId: null,
    text: `${prefix} action`,
    ownerPersonId: personId,
    ownerOrganisationId: organisationId,
    dueOn: '2009-06-01',
  });
  await test.services.record.updateAction(caller, actionIds[prefix], {
    text: `${prefix} progress`,
    status: 'open',
  });
  declarationIds[prefix] = await test.services.declarations.declare(caller, meetingIds[prefix], {
    agendaItemId: itemIds[prefix],
    personId,
    kind: 'other-registrable',
    nature: `${prefix} declared nature`,
    participation: 'left-room',
    interestId: interestIds[prefix],
  });
  await test.services.boardPacks.request(caller, meetingIds[prefix]);
  await test.services.boardPacks.idle();
  await test.services.resources.createFund(caller, {
    slug: `${prefix}-fund`,
    name: `${prefix} pooled fund`,
    kind: 'pooled-s10',
    hostOrganisationId: organisationId,
    purpose: `${prefix} fund purpose`,
    agreementDocument: null,
    agreementStartsOn: '2009-04-01',
    agreementEndsOn: '2011-03-31',
    reviewOn: null,
    priorityIds: [priorityId],
  });
  const serviceId = await test.services.resources.addService(
    caller,
    {
      name: `${prefix} commissioned service`,
      provider: `${prefix} provider`,
      providerOrganisationId: null,
      annualValue: 1_000_00,
      startsOn: '2009-04-01',
      endsOn: null,
      fundId: null,
      status: 'active',
    },
    [priorityId],
  );
  const contributionId = await test.services.resources.addContribution(caller, `${prefix}-fund`, {
    organisationId,
    year: 2009,
    form: 'cash',
    description: `${prefix} contribution`,
    planned: 5_000_00,
    agreed: 5_000_00,
    received: null,
  });
  const spendingId = await test.services.resources.addSpending(caller, `${prefix}-fund`, {
    year: 2009,
    priorityId,
    actionId: null,
    serviceId,
    description: `${prefix} spending`,
    planned: 1_000_00,
    committed: null,
    actual: 1_000_00,
    decisionId: decisionIds[prefix]!,
  });
  const pledgeId = await test.services.resources.addPledge(caller, {
    organisationId,
    priorityId,
    actionId: null,
    resource: 'premises',
    description: `${prefix} pledge`,
    amount: null,
    fromYear: 2009,
    toYear: 2010,
    status: 'agreed',
    pledgedOn: '2009-05-01',
    dueOn: null,
    agreedBy: null,
    decisionId: decisionIds[prefix]!,
  });
  await test.services.resources.addPrinciple(caller, `${prefix}-plan`, `${prefix} financial principle`);
  resourceIds[prefix] = {
    contribution: contributionId,
    spending: spendingId,
    pledge: pledgeId,
    service: serviceId,
    principle: (await test.services.resources.all(caller)).principles[0]!.id,
  };
  const youthBoard = await test.services.bodies.create(caller, {
    slug: `${prefix}-youth-board`,
    name: `${prefix} voice youth board`,
    kind: 'young-peoples-board',
    takesDecisions: false,
    status: 'established',
    statusOn: '2008',
  });
  const youngPeoplesMeeting = await test.services.meetings.create(caller, {
    title: `${prefix} voice youth meeting`,
    kind: 'board-meeting',
    bodyIds: [youthBoard.id],
    date: '2009-02-01',
    startTime: '17:00',
    state: 'held',
  });
  const voiceSlug = await test.services.voice.create(caller, {
    slug: `${prefix}-voice`,
    title: `${prefix} voice consultation`,
    purpose: `${prefix} voice purpose`,
    audience: ['young-people'],
    opensOn: '2009-01-01',
    closesOn: '2099-12-31',
    responsesPerDevice: 1,
    responseLimit: null,
    areas: [`${prefix} voice area`],
    asksContact: true,
    contactReason: `${prefix} voice reason`,
    privacyNotice: `${prefix} voice privacy`,
    safeguardingNotice: `${prefix} voice safeguarding`,
  });
  await test.services.voice.addQuestion(caller, voiceSlug, {
    text: `${prefix} voice question`,
    easyRead: null,
    kind: 'text',
    choices: [],
    required: false,
  });
  await test.services.voice.setStatus(caller, voiceSlug, 'open');
  const opened = await test.services.voice.get(caller, voiceSlug);
  await test.services.voice.respond(
    partnershipId,
    opened.consultation.linkToken,
    `${prefix}-device-000000000000`,
    {
      [`q-${opened.questions[0]!.id}`]: `${prefix} voice answer`,
      contact: `${prefix} voice contact`,
    },
  );
  const themeCode = await test.services.voice.addTheme(caller, voiceSlug, {
    title: `${prefix} theme`,
    said: `${prefix} voice said`,
  });
  await test.services.voice.addOutcome(caller, voiceSlug, themeCode, {
    kind: 'decision',
    decisionId: decisionIds[prefix]!,
    note: `${prefix} voice note`,
  });
  await test.services.voice.setSummary(caller, voiceSlug, {
    summary: `${prefix} voice summary`,
    resultsPublic: false,
  });
  voiceRecommendationIds[prefix] = await test.services.voice.addRecommendation(caller, {
    meetingId: youngPeoplesMeeting,
    number: 1,
    text: `${prefix} voice recommendation`,
    consultationId: opened.consultation.id,
  });
  await test.services.voice.respondTo(caller, voiceRecommendationIds[prefix]!, {
    response: 'accepted-in-part',
    reasons: `${prefix} voice reasons`,
    meetingId: meetingIds[prefix]!,
    actionIds: [actionIds[prefix]!],
    priorityIds: [priorityId],
  });
  await test.services.voice.linkMinuteItem(caller, voiceRecommendationIds[prefix]!, {
    meetingId: meetingIds[prefix]!,
    number: 1,
  });
  return { boardId: board.id, personId, surveyId: survey.survey.id, priorityId, actionId, organisationId };
}

describe('tenant isolation', () => {
  let test: TestApp;
  let a: {
    id: string;
    boardId: string;
    personId: string;
    surveyId: string;
    priorityId: string;
    actionId: string;
    organisationId: string;
  };
  let b: {
    id: string;
    memberId: string;
    memberEmail: string;
    invitationId: string;
    boardId: string;
    personId: string;
    surveyId: string;
    priorityId: string;
    actionId: string;
    organisationId: string;
  };
  const agents = new Map<string, { agent: Agent; token: string }>();

  before(async () => {
    test = await startTestApp();
    const alpha = await makePartnership(test.services, 'alpha');
    await test.services.members.add(systemCaller('test', alpha.id), {
      email: 'alpha-invitee@example.org',
      role: 'viewer',
    });
    a = { id: alpha.id, ...(await furnish(test, alpha.id, 'alpha')) };
    const bravo = await makePartnership(test.services, 'bravo');
    const bravoThings = await furnish(test, bravo.id, 'bravo');
    const bAdmin = await makeUser(test.services, { name: 'Bravo Administrator' });
    await grant(test.services, bravo.id, bAdmin.id, 'admin');
    const invited = await test.services.members.add(systemCaller('test', bravo.id), {
      email: 'bravo-invitee@example.org',
      role: 'viewer',
    });
    b = {
      id: bravo.id,
      memberId: bAdmin.id,
      memberEmail: bAdmin.email,
      invitationId: invited.outcome === 'invited' ? invited.invitationId : '',
      ...bravoThings,
    };
    for (const role of roles) {
      const user = await makeUser(test.services);
      await grant(test.services, a.id, user.id, role);
      const agent = test.agent();
      await signIn(agent, user.email, user.password);
      const { token } = await test.services.tokens.create(systemCaller('test'), user.id, 'isolation');
      agents.set(role, { agent, token });
    }
  });
  after(() => test.close());

  const secretsOfB = () => [
    'Partnership bravo',
    b.memberEmail,
    'Bravo Administrator',
    'bravo-invitee@example.org',
    b.id,
    'bravo board',
    'bravo person',
    'bravo@example.org',
    'bravo council',
    'bravo terms',
    'bravo survey',
    'bravo answer',
    'bravo finding',
    'bravo contact',
    'bravo meeting',
    'bravo hall',
    'bravo item',
    'bravo-paper',
    'bravo report',
    'bravo consultation',
    'bravo question',
    'bravo paper',
    'bravo indicator',
    'bravo district',
    'bravo plan',
    'bravo priority',
    'bravo action',
    'bravo commentary',
    'bravo evidence',
    'bravo deputy',
    'bravo minutes',
    'bravo decision',
    'bravo director',
    'bravo action',
    'bravo progress',
    'bravo interest',
    'bravo declared nature',
    'bravo voice',
    'bravo pooled fund',
    'bravo fund purpose',
    'bravo commissioned service',
    'bravo provider',
    'bravo contribution',
    'bravo spending',
    'bravo pledge',
    'bravo financial principle',
  ];

  for (const role of roles) {
    it(`${article(role)} ${role} of A gets 404 for every page of B and never sees B's rows on A's pages`, async () => {
      const { agent } = agents.get(role)!;
      for (const page of tenantPages('bravo')) {
        assert.equal(
          (await agent.get(`/partnerships/bravo${page}`)).status,
          404,
          `/partnerships/bravo${page}`,
        );
      }
      for (const page of tenantPages('alpha')) {
        // read as bytes, so that files (papers, calendars) are searched too
        const own = await agent.get(`/partnerships/alpha${page}`).buffer(true).parse(binary);
        assert.equal(own.status < 500, true, `/partnerships/alpha${page}`);
        const text = (own.body as Buffer).toString('latin1');
        for (const secret of secretsOfB())
          assert.ok(!text.includes(secret), `${secret} appears on /partnerships/alpha${page}`);
      }
      const home = await agent.get('/');
      for (const secret of secretsOfB())
        assert.ok(!home.text.includes(secret), `${secret} appears on the home page`);
    });

    it(`${article(role)} ${role} of A cannot change anything of B through any form`, async () => {
      const { agent } = agents.get(role)!;
      const before = await snapshot(test, b.id);
      const csrf = csrfTokenIn((await agent.get('/partnerships/alpha')).text);
      for (const form of tenantForms(b)) {
        const response = await agent
          .post(`/partnerships/bravo${form.path}`)
          .type('form')
          .send({ _csrf: csrf, ...form.fields });
        assert.equal(response.status, 404, `POST /partnerships/bravo${form.path}`);
      }
      assert.deepEqual(await snapshot(test, b.id), before);
    });

    it(`${article(role)} ${role} of A sees none of B through the API`, async () => {
      const { token } = agents.get(role)!;
      for (const path of apiPaths('bravo')) {
        const response = await test.request().get(path).set('Authorization', `Bearer ${token}`);
        for (const secret of secretsOfB()) assert.ok(!response.text.includes(secret), `${secret} in ${path}`);
      }
      for (const path of apiPaths('bravo').slice(1)) {
        assert.equal(
          (await test.request().get(path).set('Authorization', `Bearer ${token}`)).status,
          404,
          path,
        );
      }
      for (const path of apiPaths('alpha')) {
        const response = await test.request().get(path).set('Authorization', `Bearer ${token}`);
        for (const secret of secretsOfB()) assert.ok(!response.text.includes(secret), `${secret} in ${path}`);
      }
      const surveys = await test.request().get('/api/v1/surveys').set('Authorization', `Bearer ${token}`);
      assert.equal(surveys.status, 200);
      assert.deepEqual(
        (surveys.body as { surveys: { id: string }[] }).surveys.map((s) => s.id),
        [a.surveyId],
      );
      for (const path of [`/api/v1/surveys/${b.surveyId}`, `/api/v1/surveys/${b.surveyId}/table.csv`]) {
        const response = await test.request().get(path).set('Authorization', `Bearer ${token}`);
        assert.equal(response.status, 404, path);
        for (const secret of secretsOfB()) assert.ok(!response.text.includes(secret), `${secret} in ${path}`);
      }
    });
  }

  it('an administrator of A cannot reach B by naming B’s ids on A’s own routes', async () => {
    const { agent } = agents.get('admin')!;
    const before = await snapshot(test, b.id);
    await submit(
      agent,
      `/partnerships/alpha/users/${b.memberId}/role`,
      { role: 'viewer' },
      '/partnerships/alpha/users',
    );
    await submit(agent, `/partnerships/alpha/users/${b.memberId}/remove`, {}, '/partnerships/alpha/users');
    await submit(
      agent,
      `/partnerships/alpha/users/invitations/${b.invitationId}/withdraw`,
      {},
      '/partnerships/alpha/users',
    );
    const related = await submit(
      agent,
      '/partnerships/alpha/bodies/alpha-board/relationships/new',
      { kind: 'reports-to', toBodyId: b.boardId },
      '/partnerships/alpha/bodies/alpha-board',
    );
    assert.equal(related.status, 400);
    const alphaSeat = (await test.services.membership.seats(systemCaller('test', a.id), a.boardId))[0]!;
    const appointed = await submit(
      agent,
      `/partnerships/alpha/bodies/alpha-board/seats/${alphaSeat.id}/appoint`,
      { personId: b.personId },
      '/partnerships/alpha/bodies/alpha-board/seats',
    );
    assert.equal(appointed.status, 400);
    for (const path of [`/survey-invitations/${b.surveyId}`, `/survey-invitations/${b.surveyId}/table`])
      assert.equal((await agent.get(`/partnerships/alpha${path}`)).status, 404, path);
    const bAnswer = await test.db.owner
      .selectFrom('survey_answers')
      .select('id')
      .where('partnership_id', '=', b.id)
      .executeTakeFirstOrThrow();
    const coded = await submit(
      agent,
      `/partnerships/alpha/surveys/alpha-survey/answers/${bAnswer.id}/code`,
      { code: 'yes' },
      '/partnerships/alpha/surveys/alpha-survey/coding',
    );
    assert.equal(coded.status, 404);
    const cited = await submit(
      agent,
      '/partnerships/alpha/surveys/alpha-survey/findings/new',
      { number: '2', text: 'Borrowed', evidence: bAnswer.id },
      '/partnerships/alpha/surveys/alpha-survey/findings/new',
    );
    assert.equal(cited.status, 400);
    const joint = await submit(
      agent,
      '/partnerships/alpha/meetings/new',
      {
        title: 'Joint with bravo',
        kind: 'joint-meeting',
        bodyIds: [a.boardId, b.boardId],
        'date-day': '1',
        'date-month': '4',
        'date-year': '2009',
        startTime: '10:00',
        state: 'scheduled',
      },
      '/partnerships/alpha/meetings',
    );
    assert.equal(joint.status, 400);
    assert.equal((await agent.get(`/partnerships/alpha/plans/alpha-plan/actions/${b.actionId}`)).status, 404);
    const update = await submit(
      agent,
      `/partnerships/alpha/plans/alpha-plan/actions/${b.actionId}/updates/new`,
      {
        'reportedOn-day': '1',
        'reportedOn-month': '1',
        'reportedOn-year': '2010',
        rag: 'red',
        commentary: 'x',
      },
      '/partnerships/alpha/plans/alpha-plan',
    );
    assert.equal(update.status, 404);
    const action = await submit(
      agent,
      `/partnerships/alpha/plans/alpha-plan/priorities/${b.priorityId}/actions/new`,
      { text: 'x', leadKind: 'person', leadPersonId: a.personId, timing: 'none', status: 'not started' },
      '/partnerships/alpha/plans/alpha-plan',
    );
    assert.equal(action.status, 404);
    const priority = await submit(
      agent,
      '/partnerships/alpha/plans/alpha-plan/priorities/new',
      { title: 'x', ownerBodyId: b.boardId, leadPersonId: b.personId },
      '/partnerships/alpha/plans/alpha-plan',
    );
    assert.equal(priority.status, 400);
    const declared = await submit(
      agent,
      `/partnerships/alpha/meetings/${meetingIds.alpha}/declarations/new`,
      {
        agendaItemId: itemIds.bravo!,
        personId: b.personId,
        kind: 'other-registrable',
        nature: 'Borrowed',
        participation: 'took-part',
        interestId: interestIds.bravo!,
      },
    );
    assert.equal(declared.status, 400, 'B’s person, item and register entry are not A’s');
    for (const field of ['agendaItemId', 'personId', 'interestId'])
      assert.match(declared.text, new RegExp(`href="#${field}"`), `${field} refused`);
    const withdrawn = await submit(
      agent,
      `/partnerships/alpha/meetings/${meetingIds.alpha}/declarations/${declarationIds.bravo}/remove`,
      {},
      `/partnerships/alpha/meetings/${meetingIds.alpha}`,
    );
    assert.equal(withdrawn.status, 404);
    const onA = '/partnerships/alpha/plans/alpha-plan';
    for (const [path, fields] of [
      [`${onA}/priorities/${b.priorityId}/edit`, { title: 'Taken' }],
      [`${onA}/priorities/${b.priorityId}/move`, { direction: 'up' }],
      [`${onA}/priorities/${b.priorityId}/delete`, {}],
      [`${onA}/actions/${b.actionId}/edit`, { text: 'Taken', leadKind: 'person', timing: 'none' }],
      [`${onA}/actions/${b.actionId}/delete`, {}],
      [`${onA}/actions/${a.actionId}/milestones/${planParts.bravo!.milestone}/edit`, { text: 'Taken' }],
      [`${onA}/actions/${a.actionId}/milestones/${planParts.bravo!.milestone}/delete`, {}],
      ['/partnerships/alpha/indicators/BRAVO%201/edit', { title: 'Taken' }],
      ['/partnerships/alpha/indicators/BRAVO%201/delete', {}],
    ] as const)
      assert.equal((await submit(agent, path, fields, onA)).status, 404, path);
    const accountability = await agent.get(
      `/partnerships/alpha/accountability?organisation=${b.organisationId}`,
    );
    assert.equal(accountability.status, 400, 'B’s organisation is not one of A’s');
    const highlight = await agent.get(
      `/partnerships/alpha/highlight?body=${b.boardId}&from=2009-01-01&to=2009-12-31`,
    );
    assert.equal(highlight.status, 400, 'B’s body is not one of A’s');
    assert.deepEqual(await snapshot(test, b.id), before);
  });

  it('every table with a partnership_id has row-level security enabled and forced', async () => {
    const tables = await tenantTables(test);
    assert.ok(tables.length >= 3);
    const guarded = await test.db.transaction({}, async (trx) =>
      (
        await sql<{
          relname: string;
        }>`select relname from pg_class where relrowsecurity and relforcerowsecurity`.execute(trx)
      ).rows.map((row) => row.relname),
    );
    for (const table of tables)
      assert.ok(guarded.includes(table), `${table} is not protected by row-level security`);
  });

  it('with benchmarking turned on, A sees of B only its published library indicator and published values for everyone', async () => {
    const tables = await tenantTables(test);
    await test.db.transaction({ partnershipId: a.id }, async (trx) => {
      await sql`select set_config('app.benchmark', 'on', true)`.execute(trx);
      for (const table of tables) {
        const rows = (
          await sql<{
            partnership_id: string | null;
          }>`select partnership_id from ${sql.table(table)}`.execute(trx)
        ).rows;
        const ofB = rows.filter((row) => row.partnership_id !== a.id);
        if (table === 'indicators') {
          const crossed = (
            await sql<{
              code: string;
            }>`select code from indicators where partnership_id = ${b.id}`.execute(trx)
          ).rows;
          assert.deepEqual(crossed, [{ code: 'NI 73' }], 'only B’s published library indicator crosses');
        } else if (table === 'indicator_publications') {
          assert.equal(ofB.length, 1);
        } else {
          // B's only NI 73 value is for an area, so none crosses
          assert.deepEqual(ofB, [], `${table} shows rows of another partnership`);
        }
      }
    });
  });

  it('a raw query with A’s tenant set sees none of B’s rows, and cannot write any', async () => {
    const tables = await tenantTables(test);
    await test.db.transaction({ partnershipId: a.id }, async (trx) => {
      for (const table of tables) {
        const rows = (
          await sql<{
            partnership_id: string | null;
          }>`select partnership_id from ${sql.table(table)}`.execute(trx)
        ).rows;
        assert.ok(rows.length > 0, `${table} shows A its own rows`);
        assert.ok(
          rows.every((row) => row.partnership_id === a.id),
          `${table} shows rows of another partnership`,
        );
      }
    });
    for (const table of tables) {
      await assert.rejects(
        test.db.transaction({ partnershipId: a.id }, (trx) =>
          sql`update ${sql.table(table)} set partnership_id = ${b.id}`.execute(trx),
        ),
        /row-level security|permission denied/,
        `${table} let A move rows to B`,
      );
    }
    await assert.rejects(
      test.db.transaction({ partnershipId: a.id }, (trx) =>
        sql`insert into partnership_members (partnership_id, user_id, role) values (${b.id}, ${b.memberId}, 'admin')`.execute(
          trx,
        ),
      ),
      /row-level security/,
    );
    const nothing = await test.db.transaction(
      {},
      async (trx) => (await sql`select * from invitations`.execute(trx)).rows,
    );
    assert.deepEqual(nothing, [], 'with no partnership set, tenant tables show nothing');
  });
});
