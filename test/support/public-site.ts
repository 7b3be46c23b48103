// A partnership holding what must never be public (exempt items with papers, reports,
// minutes, decisions and a consultation; draft minutes and a decision awaiting them; a young
// person; an adult's e-mail address; survey responses; young people's own words in a
// consultation, unmoderated, and their contact details) and what is, for the public site's and
// the open data's tests (issue 17).
import { PDFDocument } from 'pdf-lib';
import { makePartnership, type TestApp } from './test-app.ts';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';

export const secrets = {
  exemptTitle: 'Secret contract with Acme',
  exemptPaper: 'acme-contract.pdf',
  exemptReport: 'Acme contract report',
  exemptConsultation: 'Acme consultation',
  exemptMinute: 'Minuted in private about Acme',
  draftMinute: 'Draft words nobody approved',
  youngPerson: 'Jamie Youngperson',
  email: 'adult.member@example.org',
  exemptDecision: 'Decided in private about Acme',
  draftDecision: 'Budget frozen until the minutes say so',
  surveyAnswer: 'Survey answer nobody publishes',
  surveyContact: 'survey.contact@example.org',
  voiceAnswer: 'Private words of a young person',
  voiceContact: 'voice.contact@example.org',
} as const;

/** A young person's answer approved to quote: shown on the public "you said, we did" page. */
export const approvedQuote = 'A quote approved for everyone';

const report = (title: string) => ({
  reportTo: 'Partnership Board',
  reportOf: 'Director',
  author: 'Author',
  contactOfficer: null,
  title,
  confidentiality: null,
  purpose: 'To agree the plan',
  summary: null,
  background: null,
  recommendations: ['Agree the plan'],
  decision: null,
  backgroundDocuments: null,
  financialImplications: null,
  legalImplications: null,
  equalityImplications: null,
  riskImplications: null,
  appendices: null,
});

export const item = (number: number, title: string, exempt = false) => ({
  number,
  title,
  purpose: 'decision' as const,
  presenter: null,
  exempt,
  exemptParagraph: exempt ? 3 : null,
  exemptReason: exempt ? 'Commercial' : null,
});

async function pdf(text: string) {
  const document = await PDFDocument.create();
  document.addPage().drawText(text);
  return Buffer.from(await document.save());
}

/**
 * A survey of the partnership invited to Bolton, answered through a response link by `email`
 * with `answer`; returns its slug and id.
 */
export async function surveyAnsweredByLink(
  test: TestApp,
  caller: Caller,
  partnershipId: string,
  { email, answer }: { email: string; answer: string },
) {
  const surveys = test.services.surveys;
  const { slug } = await surveys.create(caller, {
    title: 'Board arrangements',
    purpose: 'What has become of each board',
    opensOn: undefined,
    closesOn: undefined,
  });
  await surveys.saveQuestion(caller, slug, null, {
    text: 'Is your board continuing?',
    kind: 'text',
    choices: [],
    aboutChildren: false,
    codes: [],
  });
  await surveys.invite(caller, slug, { group: 'Neighbours', authorities: ['Bolton'], neighbours: false });
  await surveys.setStatus(caller, slug, 'open');
  const survey = (await surveys.get(caller, slug))!;
  const link = await surveys.createLink(caller, slug, {
    respondentId: survey.respondents[0]!.id,
    name: 'Sam Surveyed',
    email,
  });
  await surveys.answerByLink(
    partnershipId,
    link.token,
    { asAt: undefined, answers: { [survey.questions[0]!.id]: { text: answer, refersTo: null } } },
    true,
  );
  return { slug, id: survey.survey.id };
}

/**
 * A consultation of young people, answered in their own words (one answer approved to quote,
 * one not) with contact details, closed and its results made public; returns its slug.
 */
async function consultationAnswered(test: TestApp, caller: Caller, partnershipId: string, tenant: string) {
  const voice = test.services.voice;
  const year = new Date().getUTCFullYear();
  const slug = await voice.create(caller, {
    slug: `${tenant}-feeling-safe`,
    title: 'Feeling safe',
    purpose: 'To shape the plan around where young people feel safe.',
    audience: ['young-people'],
    opensOn: `${year - 1}-01-01`,
    closesOn: `${year + 1}-12-31`,
    responsesPerDevice: 1,
    responseLimit: null,
    areas: [],
    asksContact: true,
    contactReason: 'If you would like to join the young people\u2019s board.',
    privacyNotice: 'We keep your answers for two years.',
    safeguardingNotice: 'Call Childline free on 0800 1111.',
  });
  await voice.addQuestion(caller, slug, {
    text: 'What would help?',
    easyRead: null,
    kind: 'text',
    choices: [],
    required: true,
  });
  await voice.setStatus(caller, slug, 'open');
  const found = await voice.get(caller, slug);
  const question = `q-${found.questions[0]!.id}`;
  await voice.respond(partnershipId, found.consultation.linkToken, 'device-one', {
    [question]: approvedQuote,
  });
  await voice.respond(partnershipId, found.consultation.linkToken, 'device-two', {
    [question]: secrets.voiceAnswer,
    contact: secrets.voiceContact,
  });
  const answers = (await voice.moderation(caller, slug)).questions.flatMap((q) => q.answers);
  const approved = answers.find((answer) => answer.text === approvedQuote)!;
  await voice.moderate(caller, slug, approved.id, { moderation: 'approved', theme: null });
  await voice.setStatus(caller, slug, 'closed');
  await voice.setSummary(caller, slug, {
    summary: 'Young people told us where they feel safe.',
    resultsPublic: true,
  });
  return slug;
}

/** A partnership with everything that must never be public, and what is. */
export async function populate(test: TestApp, slug: string, published: boolean) {
  const partnership = await makePartnership(test.services, slug);
  const caller = systemCaller('test', partnership.id);
  if (published)
    await test.services.partnerships.update(caller, partnership.id, {
      authorityGssCode: 'E08000027',
      name: `Partnership ${slug}`,
      slug,
      established: '2007',
      status: 'active',
      published: true,
    });
  const board = await test.services.bodies.create(caller, {
    slug: 'board',
    name: 'Partnership Board',
    kind: 'board',
    takesDecisions: true,
    status: 'established',
    statusOn: '2005',
  });
  const seat = (label: string) =>
    test.services.membership.addSeat(caller, board.id, {
      label,
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      capacity: 1,
    });
  const person = (name: string, email: string | null, youngPerson: boolean) =>
    test.services.membership.addPerson(caller, {
      name,
      jobTitle: null,
      email,
      phone: null,
      youngPerson,
      notes: null,
    });
  const adult = await person('Alice Adult', secrets.email, false);
  const young = await person(secrets.youngPerson, null, true);
  await test.services.membership.appoint(caller, {
    seatId: await seat('Director of Children’s Services'),
    personId: adult,
    startsOn: '2008-01-01',
  });
  await test.services.membership.appoint(caller, {
    seatId: await seat('Young people’s representative'),
    personId: young,
    startsOn: '2008-01-01',
  });

  const meeting = (date: string, title: string, state: 'held' | 'scheduled' = 'held') =>
    test.services.meetings.create(caller, {
      title,
      kind: 'board-meeting',
      bodyIds: [board.id],
      date,
      startTime: '10:00',
      state,
    });
  const first = await meeting('2009-01-21', 'January board');
  const publicItem = await test.services.agenda.addItem(caller, first, item(1, 'The plan for 2009'), {
    fileName: 'plan-2009.pdf',
    content: await pdf('the plan'),
  });
  const exemptItem = await test.services.agenda.addItem(caller, first, item(2, secrets.exemptTitle, true), {
    fileName: secrets.exemptPaper,
    content: await pdf('acme'),
  });
  await test.services.reports.save(caller, first, publicItem, report('Report on the plan'));
  await test.services.reports.save(caller, first, exemptItem, report(secrets.exemptReport));
  await test.services.consultations.place(caller, first, exemptItem, {
    title: secrets.exemptConsultation,
    issuedBy: 'DfE',
    deadline: '2009-02-10',
    summary: null,
    questions: ['Anything?'],
  });
  await test.services.consultations.place(caller, first, publicItem, {
    title: 'Consultation on school places',
    issuedBy: 'DfE',
    deadline: '2009-02-10',
    summary: null,
    questions: ['Do you agree?'],
  });
  await test.services.record.writeMinutes(caller, first, publicItem, 'The board agreed the plan.');
  await test.services.record.writeMinutes(caller, first, exemptItem, secrets.exemptMinute);
  await test.services.record.addDecision(caller, first, publicItem, {
    text: 'The board adopted the plan for 2009.',
    delegatedTo: null,
  });
  await test.services.record.addDecision(caller, first, exemptItem, {
    text: secrets.exemptDecision,
    delegatedTo: null,
  });
  const second = await meeting('2009-03-20', 'March board');
  await test.services.record.approvePrevious(caller, second);
  const secondItem = await test.services.agenda.addItem(caller, second, item(1, 'Budget'));
  await test.services.record.writeMinutes(caller, second, secondItem, secrets.draftMinute);
  await test.services.record.addDecision(caller, second, secondItem, {
    text: secrets.draftDecision,
    delegatedTo: null,
  });
  const future = await meeting('2099-06-01', 'Board to come', 'scheduled');
  await test.services.boardPacks.request(caller, first);
  await test.services.boardPacks.idle();
  const { slug: surveySlug } = await surveyAnsweredByLink(test, caller, partnership.id, {
    email: secrets.surveyContact,
    answer: secrets.surveyAnswer,
  });
  // published to those invited
  await test.services.surveys.setStatus(caller, surveySlug, 'published');
  const voice = await consultationAnswered(test, caller, partnership.id, slug);
  return { partnership, caller, board, first, second, future, publicItem, exemptItem, voice };
}

export type Populated = Awaited<ReturnType<typeof populate>>;
