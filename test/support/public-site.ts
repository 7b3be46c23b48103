// A partnership holding what must never be public (exempt items with papers, reports,
// minutes and a consultation; draft minutes; a young person; an adult's e-mail address) and
// what is, for the public site's and the open data's tests (issue 17).
import { PDFDocument } from 'pdf-lib';
import { makePartnership, type TestApp } from './test-app.ts';
import { systemCaller } from '../../src/platform/http/auth.ts';

export const secrets = {
  exemptTitle: 'Secret contract with Acme',
  exemptPaper: 'acme-contract.pdf',
  exemptReport: 'Acme contract report',
  exemptConsultation: 'Acme consultation',
  exemptMinute: 'Minuted in private about Acme',
  draftMinute: 'Draft words nobody approved',
  youngPerson: 'Jamie Youngperson',
  email: 'adult.member@example.org',
} as const;

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
  const second = await meeting('2009-03-20', 'March board');
  await test.services.record.approvePrevious(caller, second);
  const secondItem = await test.services.agenda.addItem(caller, second, item(1, 'Budget'));
  await test.services.record.writeMinutes(caller, second, secondItem, secrets.draftMinute);
  const future = await meeting('2099-06-01', 'Board to come', 'scheduled');
  await test.services.boardPacks.request(caller, first);
  await test.services.boardPacks.idle();
  return { partnership, caller, board, first, second, future, publicItem, exemptItem };
}

export type Populated = Awaited<ReturnType<typeof populate>>;
